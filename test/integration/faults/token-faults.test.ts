import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdSource } from '../../../src/core/index.ts';
import { DeviceRegistry } from '../../../src/push/apns/device-registry.ts';
import { createSimulatedIphone } from '../../../src/push/device/simulated-iphone.ts';
import { createHttpTwilioConnect } from '../../../src/push/device/twilio-connect.ts';
import type { PushTimelineEvent } from '../../../src/push/types.ts';
import { closedPort, type FaultHandler } from '../../helpers/fault-server.ts';
import { AC, AUTH_TOKEN, accessToken, type FaultRig, SK, startFaultRig } from './fault-rig.ts';

const APP = 'AP0000000000000000000000000000a100';
const UNKNOWN_APP = 'AP0000000000000000000000000000dead';
let rig: FaultRig;
let origin: string;

beforeAll(async () => {
  rig = await startFaultRig();
  origin = `http://127.0.0.1:${(rig.fake.app.server.address() as { port: number }).port}`;
  rig.fake.context.accounts.addApp({ sid: APP, accountSid: AC, voiceUrl: `${rig.server.origin}/healthy` });
});
afterAll(async () => {
  await rig.close();
});

const json =
  (body: unknown, type = 'application/json'): FaultHandler =>
  (x) =>
    x.respond({
      status: 200,
      headers: { 'Content-Type': type },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
const tokenBody = (token: string): FaultHandler => json({ twilio: { token } });
const capability = (appSid: string, ttl = 300, authToken = AUTH_TOKEN): string => {
  const c = new twilio.jwt.ClientCapability({ accountSid: AC, authToken, ttl });
  c.addScope(new twilio.jwt.ClientCapability.OutgoingClientScope({ applicationSid: appSid }));
  return c.toJwt();
};
const tamper = (jwt: string): string => {
  const [h, p, s = ''] = jwt.split('.');
  return `${h}.${p}.${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`;
};

let n = 0;
/** The simulated iPhone runs the brief's requestOutgoingColl against `tokenUrl`. */
async function placeCall(
  tokenUrl: string,
): Promise<{ events: readonly PushTimelineEvent[]; newCalls: number }> {
  n++;
  const clock = rig.clock;
  const phone = createSimulatedIphone({
    id: `phone-${n}`,
    bundleId: 'com.example.helpdesk',
    clock,
    apns: { devices: new DeviceRegistry(clock, createIdSource(`faults-${n}`)) },
    tokenServerUrl: tokenUrl,
    twilio: createHttpTwilioConnect(origin),
  });
  phone.install();
  const before = rig.fake.calls.all().length;
  await phone.placeCall({ caller: [] });
  await phone.idle();
  return { events: phone.events, newCalls: rig.fake.calls.all().length - before };
}

/** Mounts a token route and places a call through it. */
async function viaRoute(handler: FaultHandler) {
  n++;
  rig.server.route(`/token${n}`, handler);
  return placeCall(`${rig.server.origin}/token${n}`);
}

const failure = (events: readonly PushTimelineEvent[]) =>
  events.find((e) => e.type === 'token.failed' || e.type === 'call.failed' || e.type === 'call.connected');

describe('token-server faults seen by the simulated phone: each a named failure, no call created', () => {
  it.each<[string, FaultHandler]>([
    ['HTTP 500', (x) => x.respond({ status: 500, headers: { 'Content-Type': 'text/plain' }, body: 'boom' })],
    [
      'HTTP 401',
      (x) =>
        x.respond({ status: 401, headers: { 'Content-Type': 'application/json' }, body: '{"error":"no"}' }),
    ],
    [
      'HTTP 404 with a valid-looking body',
      (x) =>
        x.respond({
          status: 404,
          headers: { 'Content-Type': 'application/json' },
          body: '{"twilio":{"token":"a.b.c"}}',
        }),
    ],
    ['a reset before the response', (x) => x.reset()],
    // @note a reset mid-body and a stalled server: test/regressions/issue-10-token-fetch.test.ts
  ])('%s → CALLRIG_TOKEN_FETCH_FAILED', async (_name, handler) => {
    const r = await viaRoute(handler);
    expect(failure(r.events)).toMatchObject({ type: 'token.failed', code: 'CALLRIG_TOKEN_FETCH_FAILED' });
    expect(r.newCalls).toBe(0);
  });

  it('a refused connection (token server down) → CALLRIG_TOKEN_FETCH_FAILED', async () => {
    const r = await placeCall(`http://127.0.0.1:${await closedPort()}/token`);
    expect(failure(r.events)).toMatchObject({ type: 'token.failed', code: 'CALLRIG_TOKEN_FETCH_FAILED' });
    expect(r.newCalls).toBe(0);
  });

  it.each<[string, FaultHandler]>([
    ['an HTML page', json('<html><body>Login</body></html>', 'text/html')],
    ['an empty 200', json('')],
    ['JSON without "twilio"', json({ token: 'x.y.z' })],
    ['"twilio" that is a string', json({ twilio: 'x.y.z' })],
    ['a JSON array', json([{ twilio: { token: 'x' } }])],
  ])('%s → CALLRIG_TOKEN_RESPONSE_NO_TWILIO (the brief\'s outer "Handle Errors")', async (_name, handler) => {
    const r = await viaRoute(handler);
    expect(failure(r.events)).toMatchObject({
      type: 'token.failed',
      code: 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
    });
    expect(r.newCalls).toBe(0);
  });

  it.each<[string, FaultHandler]>([
    ['"twilio" without "token"', json({ twilio: {} })],
    ['a numeric token', json({ twilio: { token: 42 } })],
    ['an empty token', json({ twilio: { token: '' } })],
  ])('%s → CALLRIG_TOKEN_RESPONSE_NO_TOKEN (the brief\'s inner "Handle Errors")', async (_name, handler) => {
    const r = await viaRoute(handler);
    expect(failure(r.events)).toMatchObject({
      type: 'token.failed',
      code: 'CALLRIG_TOKEN_RESPONSE_NO_TOKEN',
    });
    expect(r.newCalls).toBe(0);
  });

  const unknownKey = (): string => {
    const t = new twilio.jwt.AccessToken(AC, SK.replace(/0a10$/, 'beef'), 'other', { identity: 'alice' });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: APP }));
    return t.toJwt();
  };
  it.each<[string, number, number, () => string]>([
    ['not a JWT', 20101, 31204, () => 'not-a-jwt'],
    ['an Access Token for an App that does not exist', 21218, 31001, () => accessToken(UNKNOWN_APP, 'alice')],
    ['a capability token for an App that does not exist', 21218, 31001, () => capability(UNKNOWN_APP)],
    ['an expired Access Token', 20104, 31205, () => accessToken(APP, 'alice', { ttl: -60 })],
    ['an expired capability token', 20156, 31205, () => capability(APP, -60)],
    [
      'a not-yet-valid Access Token (nbf in an hour)',
      20105,
      31204,
      () => accessToken(APP, 'alice', { nbf: Math.floor(Date.now() / 1000) + 3600 }),
    ],
    [
      'an Access Token living longer than 24 h',
      20104,
      31207,
      () => accessToken(APP, 'alice', { ttl: 200_000 }),
    ],
    ['a tampered Access Token signature', 20107, 31202, () => tamper(accessToken(APP, 'alice'))],
    [
      'a capability token signed with the wrong Auth Token',
      20159,
      31202,
      () => capability(APP, 300, 'f'.repeat(32)),
    ],
    ['an Access Token from an unknown API key', 20103, 31203, unknownKey],
  ])('%s → Twilio refuses with %i / SDK %i, no call', async (_name, code, sdkCode, mint) => {
    const r = await viaRoute(tokenBody(mint()));
    expect(r.events.some((e) => e.type === 'token.fetched')).toBe(true);
    expect(failure(r.events)).toMatchObject({ type: 'call.failed', code, sdkCode });
    expect(r.newCalls).toBe(0);
  });

  it('after every refusal a good token still connects and the call completes', async () => {
    const r = await viaRoute(tokenBody(accessToken(APP, 'alice')));
    expect(failure(r.events)).toMatchObject({ type: 'call.connected', status: 'completed' });
    expect(r.newCalls).toBe(1);
  });
});
