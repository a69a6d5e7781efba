import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import { buildFakeApns, type FakeApns } from '../../../../src/push/apns/fake-apns.ts';
import { h2Connect, h2Request } from '../helpers/h2-client.ts';
import { p8Key, providerJwt } from '../helpers/jwt.ts';
import { testClock } from '../helpers/test-clock.ts';

const BUNDLE = 'com.example.helpdesk';
const key = p8Key();
const otherTeamKey = p8Key();
const clock = testClock();
let apns: FakeApns;
let voipToken: string;
let alertToken: string;
let prodToken: string;
const nowS = () => Math.floor(Date.now() / 1000);
let jwt: string;

beforeAll(async () => {
  apns = buildFakeApns({
    clock,
    ids: createIdSource('apns-reasons'),
    h2c: true,
    keys: [
      { kid: 'ABC123DEFG', teamId: 'DEF123GHIJ', publicKey: key.publicKey, topics: [BUNDLE] },
      {
        kid: 'ZZZ999YYYY',
        teamId: 'OTHERTEAM1',
        publicKey: otherTeamKey.publicKey,
        topics: ['com.other.app'],
      },
    ],
  });
  await apns.listen();
  voipToken = apns.devices.issue({ bundleId: BUNDLE, kind: 'voip', environment: 'sandbox' });
  alertToken = apns.devices.issue({ bundleId: BUNDLE, kind: 'apns', environment: 'sandbox' });
  prodToken = apns.devices.issue({ bundleId: BUNDLE, kind: 'voip', environment: 'production' });
  jwt = providerJwt(key.privateKey, 'ABC123DEFG', 'DEF123GHIJ', nowS());
});
afterAll(() => apns.close());

const voipHeaders = () => ({
  authorization: `bearer ${jwt}`,
  'apns-topic': `${BUNDLE}.voip`,
  'apns-push-type': 'voip',
  'apns-priority': '10',
});

async function send(
  path: string,
  headers: Record<string, string | string[]>,
  body?: string,
  method = 'POST',
) {
  const s = h2Connect(apns.urls.sandbox, apns.certPem);
  try {
    return await h2Request(s, path, headers, body, method);
  } finally {
    s.close();
  }
}

describe('fake APNs over HTTP/2 (TLS)', () => {
  it('accepts a valid VoIP push: 200, empty body, echoed apns-id, sandbox apns-unique-id', async () => {
    const id = '1b2c3d4e-0000-4000-8000-00000000abcd';
    const r = await send(`/3/device/${voipToken}`, { ...voipHeaders(), 'apns-id': id }, '{"aps":{}}');
    expect(r.status).toBe(200);
    expect(r.body).toBe('');
    expect(r.headers['apns-id']).toBe(id);
    expect(r.headers['apns-unique-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(apns.attempts.at(-1)).toMatchObject({ status: 200, token: voipToken, apnsId: id, bytes: 10 });
  });

  const cases: Array<
    [
      string,
      () => { path?: string; headers?: Record<string, string | string[]>; body?: string; method?: string },
      number,
      string,
    ]
  > = [
    ['wrong path', () => ({ path: '/3/devices/abc' }), 404, 'BadPath'],
    ['no token in path', () => ({ path: '/3/device/' }), 400, 'MissingDeviceToken'],
    ['GET', () => ({ method: 'GET', body: undefined }), 405, 'MethodNotAllowed'],
    [
      'repeated header',
      () => ({ headers: { ...voipHeaders(), 'apns-priority': ['10', '10'] } }),
      400,
      'DuplicateHeaders',
    ],
    ['bad apns-id', () => ({ headers: { ...voipHeaders(), 'apns-id': 'not-a-uuid' } }), 400, 'BadMessageId'],
    [
      'no authorization',
      () => ({ headers: { ...voipHeaders(), authorization: [] } }),
      403,
      'MissingProviderToken',
    ],
    [
      'bad signature',
      () => ({ headers: { ...voipHeaders(), authorization: `bearer ${jwt.slice(0, -4)}AAAA` } }),
      403,
      'InvalidProviderToken',
    ],
    [
      'unknown kid',
      () => ({
        headers: {
          ...voipHeaders(),
          authorization: `bearer ${providerJwt(key.privateKey, 'NOPE000000', 'DEF123GHIJ', nowS())}`,
        },
      }),
      403,
      'InvalidProviderToken',
    ],
    [
      'iat over an hour old',
      () => ({
        headers: {
          ...voipHeaders(),
          authorization: `bearer ${providerJwt(key.privateKey, 'ABC123DEFG', 'DEF123GHIJ', nowS() - 3601)}`,
        },
      }),
      403,
      'ExpiredProviderToken',
    ],
    [
      'iat far in the future',
      () => ({
        headers: {
          ...voipHeaders(),
          authorization: `bearer ${providerJwt(key.privateKey, 'ABC123DEFG', 'DEF123GHIJ', nowS() + 600)}`,
        },
      }),
      403,
      'InvalidProviderToken',
    ],
    ['no topic', () => ({ headers: { ...voipHeaders(), 'apns-topic': [] } }), 400, 'MissingTopic'],
    [
      'malformed topic',
      () => ({ headers: { ...voipHeaders(), 'apns-topic': 'not a topic' } }),
      400,
      'BadTopic',
    ],
    [
      'topic of another team',
      () => ({ headers: { ...voipHeaders(), 'apns-topic': 'com.other.app.voip' } }),
      400,
      'TopicDisallowed',
    ],
    [
      '.voip topic with type alert',
      () => ({ headers: { ...voipHeaders(), 'apns-push-type': 'alert' } }),
      400,
      'InvalidPushType',
    ],
    [
      'unknown push type',
      () => ({ headers: { ...voipHeaders(), 'apns-push-type': 'fax' } }),
      400,
      'InvalidPushType',
    ],
    ['priority 7', () => ({ headers: { ...voipHeaders(), 'apns-priority': '7' } }), 400, 'BadPriority'],
    [
      'bad expiration',
      () => ({ headers: { ...voipHeaders(), 'apns-expiration': 'tomorrow' } }),
      400,
      'BadExpirationDate',
    ],
    [
      '65-byte collapse id',
      () => ({ headers: { ...voipHeaders(), 'apns-collapse-id': 'x'.repeat(65) } }),
      400,
      'BadCollapseId',
    ],
    ['non-hex token', () => ({ path: `/3/device/${'z'.repeat(64)}` }), 400, 'BadDeviceToken'],
    ['odd-length token', () => ({ path: `/3/device/${voipToken}a` }), 400, 'BadDeviceToken'],
    ['production token sent to sandbox', () => ({ path: `/3/device/${prodToken}` }), 400, 'BadDeviceToken'],
    [
      'PushKit token with bare topic',
      () => ({ headers: { ...voipHeaders(), 'apns-topic': BUNDLE, 'apns-push-type': 'alert' } }),
      400,
      'DeviceTokenNotForTopic',
    ],
    [
      'APNs token with .voip topic',
      () => ({ path: `/3/device/${alertToken}` }),
      400,
      'DeviceTokenNotForTopic',
    ],
    [
      'APNs token with bare topic and type voip',
      () => ({ path: `/3/device/${alertToken}`, headers: { ...voipHeaders(), 'apns-topic': BUNDLE } }),
      400,
      'InvalidPushType',
    ],
    ['empty body', () => ({ body: '' }), 400, 'PayloadEmpty'],
    ['VoIP body of 5121 bytes', () => ({ body: sized(5121) }), 413, 'PayloadTooLarge'],
    ['body not a JSON object', () => ({ body: '[1,2]' }), 400, 'CallrigInvalidPayload'],
  ];

  for (const [name, make, status, reason] of cases) {
    it(`answers ${status} ${reason} for ${name}`, async () => {
      const c = make();
      const headers = Object.fromEntries(
        Object.entries(c.headers ?? voipHeaders()).filter(([, v]) => !(Array.isArray(v) && v.length === 0)),
      );
      const r = await send(
        c.path ?? `/3/device/${voipToken}`,
        headers,
        'body' in c ? c.body : '{"aps":{}}',
        c.method,
      );
      expect(r.status).toBe(status);
      expect(r.headers['content-type']).toBe('application/json');
      expect(JSON.parse(r.body)).toEqual({ reason });
      expect(apns.attempts.at(-1)).toMatchObject({ status, reason });
    });
  }

  it('counts bytes, not characters: a 5120-byte VoIP body passes, alerts stop at 4096', async () => {
    expect((await send(`/3/device/${voipToken}`, voipHeaders(), sized(5120))).status).toBe(200);
    const alert = { ...voipHeaders(), 'apns-topic': BUNDLE, 'apns-push-type': 'alert' };
    expect((await send(`/3/device/${alertToken}`, alert, sized(4096))).status).toBe(200);
    const r = await send(`/3/device/${alertToken}`, alert, sized(4097));
    expect([r.status, JSON.parse(r.body).reason]).toEqual([413, 'PayloadTooLarge']);
    const multiByte = `{"a":"${'é'.repeat(2100)}"}`; // 2108 characters, 4208 bytes
    expect((await send(`/3/device/${alertToken}`, alert, multiByte)).status).toBe(413);
  });

  it('answers 410 Unregistered with the invalidation instant once a token is invalidated', async () => {
    const t = apns.devices.issue({ bundleId: BUNDLE, kind: 'voip', environment: 'sandbox' });
    clock.advance(5_000);
    apns.devices.invalidate('sandbox', t);
    const r = await send(`/3/device/${t}`, voipHeaders(), '{"aps":{}}');
    expect(r.status).toBe(410);
    expect(JSON.parse(r.body)).toEqual({ reason: 'Unregistered', timestamp: clock.now() });
  });

  it('refuses a second, different JWT on one connection within 20 minutes, and keeps refusing', async () => {
    const s = h2Connect(apns.urls.sandbox, apns.certPem);
    const first = await h2Request(s, `/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    const other = providerJwt(key.privateKey, 'ABC123DEFG', 'DEF123GHIJ', nowS() - 1);
    const second = await h2Request(
      s,
      `/3/device/${voipToken}`,
      { ...voipHeaders(), authorization: `bearer ${other}` },
      '{"aps":{}}',
    );
    const again = await h2Request(s, `/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    s.close();
    expect(first.status).toBe(200);
    expect([second.status, JSON.parse(second.body).reason]).toEqual([429, 'TooManyProviderTokenUpdates']);
    expect([again.status, JSON.parse(again.body).reason]).toEqual([429, 'TooManyProviderTokenUpdates']);
  });

  it("refuses a second team's token on a connection already used by one team", async () => {
    const s = h2Connect(apns.urls.sandbox, apns.certPem);
    await h2Request(s, `/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    const other = providerJwt(otherTeamKey.privateKey, 'ZZZ999YYYY', 'OTHERTEAM1', nowS());
    const r = await h2Request(
      s,
      `/3/device/${voipToken}`,
      { ...voipHeaders(), authorization: `bearer ${other}` },
      '{}',
    );
    s.close();
    expect([r.status, JSON.parse(r.body).reason]).toEqual([403, 'InvalidProviderToken']);
  });

  it('serves cleartext h2c too, with the same rules', async () => {
    const s = h2Connect(apns.urls.h2c!);
    const r = await h2Request(s, `/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    s.close();
    expect(r.status).toBe(200);
    expect(apns.attempts.at(-1)).toMatchObject({ transport: 'h2c', status: 200 });
  });

  it('passes injected faults through step 12 only', async () => {
    apns.injectFault({ status: 503, reason: 'ServiceUnavailable' });
    const bad = await send(`/3/device/${voipToken}`, voipHeaders(), '');
    const faulted = await send(`/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    const after = await send(`/3/device/${voipToken}`, voipHeaders(), '{"aps":{}}');
    expect(JSON.parse(bad.body).reason).toBe('PayloadEmpty');
    expect([faulted.status, JSON.parse(faulted.body).reason]).toEqual([503, 'ServiceUnavailable']);
    expect(after.status).toBe(200);
  });

  it('logs every attempt: queryable in process and at /__callrig/apns/log', async () => {
    const bad = apns.findAttempts({ reason: 'BadPriority' });
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ status: 400, environment: 'sandbox', priority: '7', token: null });
    const r = await send('/__callrig/apns/log', {}, undefined, 'GET');
    const log = JSON.parse(r.body).attempts as Array<{ reason: string | null }>;
    expect(log.length).toBe(apns.attempts.filter((a) => a.environment === 'sandbox').length);
    expect(log.some((a) => a.reason === 'PayloadTooLarge')).toBe(true);
  });

  it('refuses HTTP/1.1 clients at the TLS handshake (ALPN offers h2 only)', async () => {
    const err = await new Promise<Error>((resolve) => {
      const req = https.request(
        `${apns.urls.sandbox}/3/device/${voipToken}`,
        { method: 'POST', ca: apns.certPem },
        () => resolve(new Error('unexpected response')),
      );
      req.on('error', resolve);
      req.end('{}');
    });
    expect(err.message).not.toBe('unexpected response');
  });
});

function sized(bytes: number): string {
  const shell = '{"aps":{},"p":""}';
  return `{"aps":{},"p":"${'x'.repeat(bytes - shell.length)}"}`;
}
