import type { FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTokenServer, type TokenServerOptions } from '../../../src/servers/token/app.ts';
import { loadTokenServerConfig } from '../../../src/servers/token/config.ts';
import { TOKEN_ENV } from '../../unit/servers/fixtures.ts';
import { verifyJwt } from '../../unit/servers/jwt-oracle.ts';
import { captureLogs } from './log-capture.ts';

const ALICE = 'Bearer alice-secret-0123456789';
const VIRTUAL_MS = Date.UTC(2031, 5, 1);
let app: FastifyInstance | undefined;

function build(env: Record<string, string | undefined> = {}, opts: TokenServerOptions = {}): FastifyInstance {
  app = buildTokenServer(loadTokenServerConfig({ ...TOKEN_ENV, ...env }), opts);
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

function tokenOf(body: string): string {
  const parsed = JSON.parse(body) as { twilio?: { token?: unknown } };
  expect(Object.keys(parsed)).toEqual(['twilio']);
  expect(typeof parsed.twilio?.token).toBe('string');
  return parsed.twilio?.token as string;
}

describe('POST /token in bearer mode', () => {
  it('answers {"twilio":{"token"}} with a capability token for the mapped identity', async () => {
    const res = await build().inject({ method: 'POST', url: '/token', headers: { authorization: ALICE } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    const { payload } = verifyJwt(tokenOf(res.body), TOKEN_ENV.TWILIO_AUTH_TOKEN);
    expect(payload.scope).toBe(
      `scope:client:outgoing?appSid=${TOKEN_ENV.TWILIO_TWIML_APP_SID}&clientName=alice`,
    );
    expect(Number(payload.exp) - Number(payload.iat)).toBe(300);
  });

  it('accepts X-Api-Key and a matching body identity', async () => {
    const res = await build().inject({
      method: 'POST',
      url: '/token',
      headers: { 'x-api-key': 'bob-secret-0123456789ab' },
      payload: { identity: 'bob' },
    });
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['no credentials', {}],
    ['a wrong bearer secret', { authorization: 'Bearer not-a-configured-secret' }],
    ['a Basic header', { authorization: 'Basic YWxpY2U6c2VjcmV0' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses %s with 401 TOKEN_UNAUTHENTICATED', async (_name, headers) => {
    const res = await build().inject({ method: 'POST', url: '/token', headers });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="token"');
    expect(res.json()).toEqual({ error: { code: 'TOKEN_UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('refuses a body identity that is not the key holder with 403', async () => {
    const res = await build().inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: ALICE },
      payload: { identity: 'bob' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('TOKEN_IDENTITY_MISMATCH');
  });
});

describe('POST /token in open mode', () => {
  const OPEN = { TOKEN_AUTH_MODE: 'open', TOKEN_API_KEYS: undefined };

  it('with no body gives the brief token: outgoing scope only, no clientName (client:Anonymous)', async () => {
    const res = await build(OPEN).inject({ method: 'POST', url: '/token' });
    const { payload } = verifyJwt(tokenOf(res.body), TOKEN_ENV.TWILIO_AUTH_TOKEN);
    expect(payload.scope).toBe(`scope:client:outgoing?appSid=${TOKEN_ENV.TWILIO_TWIML_APP_SID}`);
  });

  it('takes the identity from the JSON body, and tolerates an empty JSON body', async () => {
    const named = await build({ ...OPEN, TOKEN_KIND: 'access' }).inject({
      method: 'POST',
      url: '/token',
      payload: { identity: 'carol_1' },
    });
    const { payload } = verifyJwt(tokenOf(named.body), TOKEN_ENV.TWILIO_API_KEY_SECRET);
    expect(payload.grants).toMatchObject({ identity: 'carol_1' });
    const empty = await app?.inject({
      method: 'POST',
      url: '/token',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty?.statusCode).toBe(200);
  });

  it('falls back to TOKEN_DEFAULT_IDENTITY', async () => {
    const res = await build({ ...OPEN, TOKEN_DEFAULT_IDENTITY: 'guest' }).inject({
      method: 'POST',
      url: '/token',
    });
    const { payload } = verifyJwt(tokenOf(res.body), TOKEN_ENV.TWILIO_AUTH_TOKEN);
    expect(String(payload.scope)).toContain('clientName=guest');
  });

  it('logs a warning at start', async () => {
    const logs = captureLogs();
    await build(OPEN, { logger: { level: 'warn', destination: logs.destination } }).ready();
    expect(logs.text()).toContain('OPEN mode');
  });

  it.each([
    ['bad JSON', { 'content-type': 'application/json' }, '{"identity":', 400, 'TOKEN_BAD_JSON'],
    ['a JSON array', { 'content-type': 'application/json' }, '["alice"]', 400, 'TOKEN_BAD_REQUEST'],
    [
      'an invalid identity',
      { 'content-type': 'application/json' },
      '{"identity":"a b"}',
      400,
      'TOKEN_BAD_IDENTITY',
    ],
    [
      'a non-string identity',
      { 'content-type': 'application/json' },
      '{"identity":7}',
      400,
      'TOKEN_BAD_IDENTITY',
    ],
    ['text/plain', { 'content-type': 'text/plain' }, 'alice', 415, 'TOKEN_UNSUPPORTED_MEDIA_TYPE'],
    [
      'a form body',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'a=b',
      415,
      'TOKEN_UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('answers %s with a JSON error', async (_name, headers, payload, status, code) => {
    const res = await build(OPEN).inject({ method: 'POST', url: '/token', headers, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });
});

describe('token server routing and clock', () => {
  it('answers GET /token with 405 and Allow: POST, unknown paths with 404', async () => {
    const server = build();
    const get = await server.inject({ method: 'GET', url: '/token' });
    expect(get.statusCode).toBe(405);
    expect(get.headers.allow).toBe('POST');
    expect(get.json().error.code).toBe('TOKEN_METHOD_NOT_ALLOWED');
    const missing = await server.inject({ method: 'POST', url: '/tokens' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('TOKEN_NOT_FOUND');
  });

  it('mints tokens on the injected clock, readable by twilio AccessToken semantics', async () => {
    const res = await build({ TOKEN_KIND: 'access' }, { now: () => VIRTUAL_MS }).inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: ALICE },
    });
    const token = tokenOf(res.body);
    const { payload } = verifyJwt(token, TOKEN_ENV.TWILIO_API_KEY_SECRET, VIRTUAL_MS / 1000);
    expect(payload).toMatchObject({ iat: VIRTUAL_MS / 1000, exp: VIRTUAL_MS / 1000 + 3600 });
    expect(() => verifyJwt(token, TOKEN_ENV.TWILIO_API_KEY_SECRET, VIRTUAL_MS / 1000 + 3600)).toThrow(
      /expired/,
    );
  });

  it('issues the same token twilio would build directly at that instant', async () => {
    const res = await build({}, { now: () => VIRTUAL_MS }).inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: ALICE },
    });
    const RealDate = Date;
    // The oracle: twilio's own class run with the wall clock set to the same instant.
    globalThis.Date = class extends RealDate {
      constructor(...args: [] | [number]) {
        if (args.length === 0) super(VIRTUAL_MS);
        else super(args[0]);
      }
      static override now() {
        return VIRTUAL_MS;
      }
    } as DateConstructor;
    let expected: string;
    try {
      const { ClientCapability } = twilio.jwt;
      const capability = new ClientCapability({
        accountSid: TOKEN_ENV.TWILIO_ACCOUNT_SID,
        authToken: TOKEN_ENV.TWILIO_AUTH_TOKEN,
        ttl: 300,
      });
      capability.addScope(
        new ClientCapability.OutgoingClientScope({
          applicationSid: TOKEN_ENV.TWILIO_TWIML_APP_SID,
          clientName: 'alice',
        }),
      );
      expected = capability.toJwt();
    } finally {
      globalThis.Date = RealDate;
    }
    expect(tokenOf(res.body)).toBe(expected);
  });
});

describe('token server secrets', () => {
  it('never writes the auth token, API key secret, bearer secrets or issued tokens to the log', async () => {
    const logs = captureLogs();
    const server = build(
      { TOKEN_KIND: 'access' },
      { logger: { level: 'trace', destination: logs.destination } },
    );
    const ok = await server.inject({ method: 'POST', url: '/token', headers: { authorization: ALICE } });
    await server.inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: 'Bearer guessed-secret-123456' },
    });
    await server.inject({
      method: 'POST',
      url: '/token',
      headers: { 'x-api-key': 'bob-secret-0123456789ab' },
    });
    const text = logs.text();
    expect(logs.lines.length).toBeGreaterThan(3);
    expect(text).toContain('token issued');
    for (const secret of [
      TOKEN_ENV.TWILIO_AUTH_TOKEN,
      TOKEN_ENV.TWILIO_API_KEY_SECRET,
      'alice-secret-0123456789',
      'bob-secret-0123456789ab',
      'guessed-secret-123456',
      tokenOf(ok.body),
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(ok.body).not.toContain(TOKEN_ENV.TWILIO_API_KEY_SECRET);
  });
});
