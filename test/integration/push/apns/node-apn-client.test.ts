import apn from '@parse/node-apn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import { buildFakeApns, type FakeApns } from '../../../../src/push/apns/fake-apns.ts';
import { generateSelfSignedCertificate } from '../../../../src/push/apns/x509.ts';
import type { DeliveredPush } from '../../../../src/push/types.ts';
import { p8Key } from '../helpers/jwt.ts';
import { testClock } from '../helpers/test-clock.ts';

const BUNDLE = 'com.example.helpdesk';
const key = p8Key();
const clientCert = generateSelfSignedCertificate({
  commonName: `VoIP Services: ${BUNDLE}`,
  notBefore: new Date(Date.now() - 86_400_000),
  validDays: 30,
  serialHex: '0102030405',
});
const clock = testClock();
let apns: FakeApns;
const received: DeliveredPush[] = [];
let voipToken: string;

beforeAll(async () => {
  apns = buildFakeApns({
    clock,
    ids: createIdSource('node-apn'),
    keys: [{ kid: 'ABC123DEFG', teamId: 'DEF123GHIJ', publicKey: key.publicKey, topics: [BUNDLE] }],
    certificates: [{ certPem: clientCert.certPem, teamId: 'DEF123GHIJ', topics: [BUNDLE] }],
  });
  await apns.listen();
  voipToken = apns.devices.issue({
    bundleId: BUNDLE,
    kind: 'voip',
    environment: 'sandbox',
    receiver: (p) => received.push(p),
  });
});
afterAll(() => apns.close());

function voipNote(payload: Record<string, unknown>): apn.Notification {
  const note = new apn.Notification();
  note.topic = `${BUNDLE}.voip`;
  note.pushType = 'voip';
  note.priority = 10;
  note.payload = payload;
  return note;
}

describe('@parse/node-apn (real npm client) against the fake APNs', () => {
  it('delivers a VoIP push with ES256 provider-token auth', async () => {
    const provider = new apn.Provider({
      token: { key: key.privatePem, keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
      address: '127.0.0.1',
      port: apns.ports.sandbox,
      ca: [apns.certPem],
      connectionRetryLimit: 0,
    } as apn.ProviderOptions);
    try {
      const res = await provider.send(voipNote({ twi_message_type: 'twilio.voice.call' }), voipToken);
      expect(res.failed).toEqual([]);
      expect(res.sent).toEqual([expect.objectContaining({ device: voipToken })]);
      expect(received.at(-1)).toMatchObject({
        topic: `${BUNDLE}.voip`,
        pushType: 'voip',
        payload: { twi_message_type: 'twilio.voice.call' },
      });
      expect(apns.attempts.at(-1)).toMatchObject({ status: 200, method: 'POST', priority: '10' });
    } finally {
      await provider.shutdown();
    }
  });

  it('delivers with certificate auth (TLS client certificate, no JWT)', async () => {
    const provider = new apn.Provider({
      cert: clientCert.certPem,
      key: clientCert.keyPem,
      address: '127.0.0.1',
      port: apns.ports.sandbox,
      ca: [apns.certPem],
      connectionRetryLimit: 0,
    } as apn.ProviderOptions);
    try {
      const res = await provider.send(voipNote({ hello: 'cert' }), voipToken);
      expect(res.failed).toEqual([]);
      expect(received.at(-1)?.payload).toEqual({ hello: 'cert' });
    } finally {
      await provider.shutdown();
    }
  });

  it('reports 410 Unregistered with the timestamp, and BadDeviceToken for a production token', async () => {
    const provider = new apn.Provider({
      token: { key: key.privatePem, keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
      address: '127.0.0.1',
      port: apns.ports.sandbox,
      ca: [apns.certPem],
      connectionRetryLimit: 0,
    } as apn.ProviderOptions);
    try {
      const stale = apns.devices.issue({ bundleId: BUNDLE, kind: 'voip', environment: 'sandbox' });
      apns.devices.invalidate('sandbox', stale);
      const prod = apns.devices.issue({ bundleId: BUNDLE, kind: 'voip', environment: 'production' });
      const res = await provider.send(voipNote({ a: 1 }), [stale, prod]);
      const byDevice = Object.fromEntries(res.failed.map((f) => [f.device, f]));
      expect(byDevice[stale]).toMatchObject({
        status: 410,
        response: { reason: 'Unregistered', timestamp: clock.now() },
      });
      expect(byDevice[prod]).toMatchObject({ status: 400, response: { reason: 'BadDeviceToken' } });
    } finally {
      await provider.shutdown();
    }
  });

  it('surfaces a missing push type on the .voip topic as an inferred push with a warning', async () => {
    const provider = new apn.Provider({
      token: { key: key.privatePem, keyId: 'ABC123DEFG', teamId: 'DEF123GHIJ' },
      address: '127.0.0.1',
      port: apns.ports.sandbox,
      ca: [apns.certPem],
      connectionRetryLimit: 0,
    } as apn.ProviderOptions);
    try {
      const note = new apn.Notification();
      note.topic = `${BUNDLE}.voip`;
      note.payload = { x: 1 };
      const res = await provider.send(note, voipToken);
      expect(res.failed).toEqual([]);
      expect(apns.attempts.at(-1)?.warnings[0]).toMatch(/no apns-push-type header; inferred "voip"/);
    } finally {
      await provider.shutdown();
    }
  });
});
