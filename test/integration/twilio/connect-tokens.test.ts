import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV, type Stack, startStack } from './stack.ts';

let cap: Stack;
let access: Stack;
beforeAll(async () => {
  cap = await startStack({ tokenKind: 'capability' });
  access = await startStack({ tokenKind: 'access' });
});
afterAll(async () => {
  await Promise.all([cap.close(), access.close()]);
});

const tamper = (jwt: string): string => {
  const [h, p, s = ''] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>;
  payload.exp = Number(payload.exp) + 60;
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
};

describe('POST /callrig/v1/connect token checks (§7.4) with tokens from the reference token server', () => {
  it('accepts a capability token and an Access Token', async () => {
    for (const stack of [cap, access]) {
      const { status, json } = await stack.connect({ token: await stack.token(), caller: [] });
      expect(status).toBe(200);
      expect(json.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    }
  });

  it('tampered → 20159/31202 (capability), 20107/31202 (access); no call created', async () => {
    const before = cap.fake.calls.all().length;
    expect((await cap.connect({ token: tamper(await cap.token()) })).json).toMatchObject({
      code: 20159,
      sdkCode: 31202,
    });
    expect(cap.fake.calls.all().length).toBe(before);
    const r = await access.connect({ token: tamper(await access.token()) });
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ code: 20107, sdkCode: 31202 });
  });

  it('wrong App → 21218/31001', async () => {
    const c = new twilio.jwt.ClientCapability({ accountSid: DEV.accountSid, authToken: DEV.authToken });
    c.addScope(
      new twilio.jwt.ClientCapability.OutgoingClientScope({ applicationSid: `AP${'f'.repeat(32)}` }),
    );
    // @note twilio's classes stamp exp from Date.now; the stacks' clocks started at wall time.
    const r = await cap.connect({ token: c.toJwt() });
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ code: 21218, sdkCode: 31001 });
  });

  it('wrong kind: an Access Token header without cty → 20102; a non-JWT → 20101/31204; none → 31102', async () => {
    const [, p, s] = (await access.token()).split('.');
    const noCty = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${p}.${s}`;
    expect((await access.connect({ token: noCty })).json).toMatchObject({ code: 20102, sdkCode: 31204 });
    expect((await access.connect({ token: 'not-a-jwt' })).json).toMatchObject({
      code: 20101,
      sdkCode: 31204,
    });
    const none = await access.connect({});
    expect(none.status).toBe(400);
    expect(none.json).toMatchObject({ code: 31102, sdkCode: 31102 });
  });

  it('Access Token identity becomes From=client:<identity>; ttl over 24 h → 31207', async () => {
    const t = new twilio.jwt.AccessToken(DEV.accountSid, DEV.apiKeySid, DEV.apiKeySecret, {
      identity: 'alice',
      ttl: 90_000,
    });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: DEV.appSid }));
    expect((await access.connect({ token: t.toJwt() })).json).toMatchObject({ code: 20104, sdkCode: 31207 });
    const ok = new twilio.jwt.AccessToken(DEV.accountSid, DEV.apiKeySid, DEV.apiKeySecret, {
      identity: 'alice',
      ttl: 600,
    });
    ok.addGrant(
      new twilio.jwt.AccessToken.VoiceGrant({
        outgoingApplicationSid: DEV.appSid,
        outgoingApplicationParams: { To: 'support' },
      }),
    );
    const res = await access.fake.connect({ token: ok.toJwt(), caller: [] });
    expect(res.ok).toBe(true);
    const first = res.ok
      ? (res.body.timeline as Array<{ type: string; params?: [string, string][] }>).find(
          (e) => e.type === 'webhook.requested',
        )
      : undefined;
    expect(Object.fromEntries(first?.params ?? [])).toMatchObject({
      From: 'client:alice',
      To: 'support',
      Called: '',
    });
  });

  it('expired on the virtual clock → 20156/31205 and 20104/31205', async () => {
    const [c, a] = await Promise.all([
      startStack({ tokenKind: 'capability' }),
      startStack({ tokenKind: 'access' }),
    ]);
    try {
      const capToken = await c.token();
      const accessToken = await a.token();
      c.clock.advance(24 * 3600_000);
      a.clock.advance(24 * 3600_000);
      expect((await c.connect({ token: capToken })).json).toMatchObject({ code: 20156, sdkCode: 31205 });
      expect((await a.connect({ token: accessToken })).json).toMatchObject({ code: 20104, sdkCode: 31205 });
    } finally {
      await Promise.all([c.close(), a.close()]);
    }
  });

  it('bad requests get a JSON error, never a crash', async () => {
    for (const body of ['{not json', '[]', '"x"', 'null']) {
      const r = await cap.connect(body);
      expect(r.status).toBe(400);
      expect(r.json).toMatchObject({ code: expect.anything(), message: expect.any(String) });
      expect(JSON.stringify(r.json)).not.toMatch(/at .*\.ts:\d+/);
    }
    const badScript = await cap.connect({ token: await cap.token(), caller: { nonsense: 1 } });
    expect(badScript.status).toBe(400);
    expect(badScript.json).toMatchObject({ code: 'CALLRIG_CONFIG_INVALID' });
    const badParams = await cap.connect({ token: await cap.token(), params: 'x' });
    expect(badParams.status).toBe(400);
  });
});
