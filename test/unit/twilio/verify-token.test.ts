import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../../src/twilio/accounts/account-store.ts';
import { parseScope } from '../../../src/twilio/tokens/capability-scope.ts';
import { checkToken } from '../../../src/twilio/tokens/verify-token.ts';

const AC = 'AC00000000000000000000000000000001';
const AP = 'AP00000000000000000000000000000004';
const SK = 'SK00000000000000000000000000000005';
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

function store(): AccountStore {
  const s = new AccountStore();
  s.load({
    accounts: [{ sid: AC, authToken: 'authtok', apiKeys: [{ sid: SK, secret: 'keysecret' }] }],
    apps: [{ sid: AP, accountSid: AC, voiceUrl: 'http://127.0.0.1:3000/voice' }],
  });
  return s;
}

function capability(opts: { ttl?: number; clientName?: string; app?: string; token?: string } = {}): string {
  const cap = new twilio.jwt.ClientCapability({
    accountSid: AC,
    authToken: opts.token ?? 'authtok',
    ttl: opts.ttl ?? 300,
  });
  cap.addScope(
    new twilio.jwt.ClientCapability.OutgoingClientScope({
      applicationSid: opts.app ?? AP,
      clientName: opts.clientName,
      params: { foo: 'bar baz', x: '1&2' },
    }),
  );
  return cap.toJwt();
}

function access(
  opts: { ttl?: number; nbf?: number; app?: string | null; secret?: string; sub?: string } = {},
): string {
  const t = new twilio.jwt.AccessToken(opts.sub ?? AC, SK, opts.secret ?? 'keysecret', {
    identity: 'alice',
    ttl: opts.ttl ?? 3600,
    nbf: opts.nbf,
  });
  if (opts.app !== null) {
    t.addGrant(
      new twilio.jwt.AccessToken.VoiceGrant({
        outgoingApplicationSid: opts.app ?? AP,
        outgoingApplicationParams: { team: 'billing' },
      }),
    );
  } else t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ incomingAllow: true }));
  return t.toJwt();
}

// @note twilio's jwt classes stamp iat/exp from Date.now; the fake checks on its own clock.
const ctx = (nowMs = Date.now()) => ({ accounts: store(), nowMs });

describe('checkToken (§7.4)', () => {
  it('accepts a capability token, Anonymous without clientName, double-encoded appParams', () => {
    const r = checkToken(capability(), ctx());
    expect(r).toMatchObject({ ok: true, kind: 'capability', identity: 'Anonymous' });
    if (r.ok)
      expect(r.tokenParams).toEqual([
        ['foo', 'bar baz'],
        ['x', '1&2'],
      ]);
  });

  it('accepts an Access Token with identity and params', () => {
    const r = checkToken(access(), ctx());
    expect(r).toMatchObject({
      ok: true,
      kind: 'access',
      identity: 'alice',
      tokenParams: [['team', 'billing']],
    });
  });

  it.each([
    ['missing', undefined, 31102, 31102],
    ['not a JWT', 'abc', 20101, 31204],
    ['garbage parts', 'a.b.c', 20101, 31204],
  ])('refuses %s', (_n, token, code, sdkCode) => {
    expect(checkToken(token, ctx())).toMatchObject({ ok: false, code, sdkCode });
  });

  it('tampered capability → 20159/31202, tampered access → 20107/31202', () => {
    expect(checkToken(capability({ token: 'other' }), ctx())).toMatchObject({ code: 20159, sdkCode: 31202 });
    expect(checkToken(access({ secret: 'other' }), ctx())).toMatchObject({ code: 20107, sdkCode: 31202 });
  });

  it('expired on the virtual clock → 20104/31205 (access), 20156 (capability)', () => {
    const later = Date.now() + 7200_000;
    expect(checkToken(access(), ctx(later))).toMatchObject({ code: 20104, sdkCode: 31205 });
    expect(checkToken(capability(), ctx(later))).toMatchObject({ code: 20156, sdkCode: 31205 });
  });

  it('ttl over 24 h → 20104/31207 and 20157/31207', () => {
    expect(checkToken(access({ ttl: 90_000 }), ctx())).toMatchObject({ code: 20104, sdkCode: 31207 });
    expect(checkToken(capability({ ttl: 90_000 }), ctx())).toMatchObject({ code: 20157, sdkCode: 31207 });
  });

  it('nbf in the future → 20105', () => {
    expect(checkToken(access({ nbf: Math.floor(Date.now() / 1000) + 600 }), ctx())).toMatchObject({
      code: 20105,
    });
  });

  it('no outgoing grant → 20106; unknown App → 21218/31001; unknown account → 20103', () => {
    expect(checkToken(access({ app: null }), ctx())).toMatchObject({ code: 20106, sdkCode: 31204 });
    expect(checkToken(access({ app: `AP${'9'.repeat(32)}` }), ctx())).toMatchObject({
      code: 21218,
      sdkCode: 31001,
    });
    expect(checkToken(access({ sub: `AC${'9'.repeat(32)}` }), ctx())).toMatchObject({
      code: 20103,
      sdkCode: 31203,
    });
  });

  it('an Access Token without cty → 20102', () => {
    const [, payload, sig] = access().split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    expect(checkToken(`${header}.${payload}.${sig}`, ctx())).toMatchObject({ code: 20102, sdkCode: 31204 });
  });

  it('uses the injected clock, not Date.now', () => {
    expect(checkToken(access(), ctx(NOW - 10 * 365 * 86400_000))).toMatchObject({
      code: 20104,
      sdkCode: 31207,
    });
  });

  it('parses scopes in any order with lower-case hex', () => {
    const s = parseScope(
      `scope:client:outgoing?clientName=bob&appParams=a%3d1%2520x&appSid=${AP} scope:client:incoming?clientName=bob`,
    );
    expect(s.outgoing).toEqual({ appSid: AP, clientName: 'bob', params: [['a', '1 x']] });
    expect(s.incoming).toEqual({ clientName: 'bob' });
  });
});
