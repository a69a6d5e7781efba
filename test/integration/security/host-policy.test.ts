import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultServer, faults, startFaultServer } from '../../helpers/fault-server.ts';
import { codes, type FaultRig, spoken, startFaultRig } from '../faults/fault-rig.ts';

/**
 * The fake Twilio requests only hosts it was configured to call (issue 10, SSRF): anything a
 * webhook answer names (`<Redirect>`, `action`, an HTTP Location) elsewhere is refused with
 * CALLRIG_HOST_NOT_ALLOWED before any connection is made.
 */
let rig: FaultRig;
/** A second listener on loopback that no App names; it must never see a connection. */
let bystander: FaultServer;
let port: number;
beforeAll(async () => {
  rig = await startFaultRig();
  bystander = await startFaultServer();
  bystander.route('/', faults.twiml('<Response><Say>leaked</Say></Response>'));
  port = Number(new URL(bystander.origin).port);
});
afterAll(async () => {
  await rig.close();
  await bystander.close();
});

let n = 0;
async function answer(doc: string, caller: unknown = []) {
  n++;
  rig.server.route(`/h${n}`, faults.twiml(doc));
  return rig.call(`${rig.server.origin}/h${n}`, { caller });
}

/** `attempts`: requests already made in that exchange (a followed 302 counts its first request). */
function expectRefused(call: Awaited<ReturnType<typeof answer>>, host: string, attempts = 0) {
  const refused = call.debug.find((e) => e.errorCode === 'CALLRIG_HOST_NOT_ALLOWED');
  expect(refused).toMatchObject({ attempts, status: null });
  expect(refused?.message).toContain(host);
  expect(codes(call.timeline)).toContain('CALLRIG_HOST_NOT_ALLOWED');
  expect(spoken(call.timeline)).not.toContain('leaked');
}

describe('webhook host policy (default: loopback 127.0.0.1/localhost/::1 + configured App hosts)', () => {
  it('a <Redirect> to the cloud metadata address is refused and never connected', async () => {
    const call = await answer(
      '<Response><Redirect>http://169.254.169.254/latest/meta-data/</Redirect></Response>',
    );
    expectRefused(call, '169.254.169.254');
  });

  it('a Record action to another host is refused', async () => {
    const call = await answer('<Response><Record action="http://10.0.0.1/steal" timeout="2"/></Response>', [
      { waitFor: 'beep' },
      { speak: 3 },
    ]);
    expectRefused(call, '10.0.0.1');
  });

  it('an HTTP 302 Location to another host is refused', async () => {
    n++;
    rig.server.route(`/h${n}`, faults.redirect(302, 'http://169.254.169.254/latest/meta-data/'));
    const call = await rig.call(`${rig.server.origin}/h${n}`);
    expectRefused(call, '169.254.169.254', 1);
  });

  it.each([
    ['decimal', `http://2130706433:PORT/`],
    ['hex', `http://0x7f000001:PORT/`],
    ['short dotted', `http://127.1:PORT/`],
    ['IPv4-mapped IPv6', `http://[::ffff:127.0.0.1]:PORT/`],
    ['IPv4-mapped IPv6, hex form', `http://[::ffff:7f00:1]:PORT/`],
  ])(
    'an alternative spelling of a loopback address (%s: %s) is not taken for an allowed host',
    async (_name, template) => {
      const url = template.replace('PORT', String(port));
      const host = url.slice('http://'.length, url.lastIndexOf(':'));
      const before = bystander.connections();
      const call = await answer(`<Response><Redirect>${url}</Redirect></Response>`);
      expect(bystander.connections()).toBe(before);
      expectRefused(call, host);
    },
  );
});

describe('every kind of request goes through the policy', () => {
  it.each([
    ['a <Play> media URL', (u: string) => `<Response><Play>${u}a.mp3</Play></Response>`, []],
    [
      'a recordingStatusCallback',
      (u: string) => `<Response><Record timeout="2" recordingStatusCallback="${u}rsc"/></Response>`,
      [{ waitFor: 'beep' }, { speak: 3 }],
    ],
    [
      'a Gather action',
      (u: string) => `<Response><Gather numDigits="1" action="${u}g"/></Response>`,
      [{ waitFor: 'gather' }, { press: '5' }],
    ],
  ])('%s to an unconfigured host never connects', async (_name, doc, caller) => {
    const before = bystander.connections();
    const call = await answer(doc(`http://0x7f000001:${port}/`), caller);
    await new Promise((r) => setTimeout(r, 50)); // asynchronous callbacks
    expect(bystander.connections()).toBe(before);
    expect(call.debug.some((e) => e.errorCode === 'CALLRIG_HOST_NOT_ALLOWED')).toBe(true);
  });
});

describe('widening the policy (webhooks.allowedHosts)', () => {
  it('a host listed in allowedHosts is called', async () => {
    const wide = await startFaultRig({
      webhooks: { allowedHosts: ['metadata.internal.test', '2130706433'] },
    });
    try {
      wide.server.route(
        '/go',
        faults.twiml(`<Response><Redirect>http://2130706433:${port}/</Redirect></Response>`),
      );
      const before = bystander.connections();
      const call = await wide.call(`${wide.server.origin}/go`);
      expect(bystander.connections()).toBeGreaterThan(before);
      expect(spoken(call.timeline)).toEqual(['leaked']);
    } finally {
      await wide.close();
    }
  });

  it('"*" allows every host', async () => {
    const wide = await startFaultRig({ webhooks: { allowedHosts: ['*'] } });
    try {
      wide.server.route(
        '/go',
        faults.twiml(`<Response><Redirect>http://0x7f000001:${port}/</Redirect></Response>`),
      );
      const call = await wide.call(`${wide.server.origin}/go`);
      expect(call.debug.some((e) => e.errorCode === 'CALLRIG_HOST_NOT_ALLOWED')).toBe(false);
    } finally {
      await wide.close();
    }
  });
});
