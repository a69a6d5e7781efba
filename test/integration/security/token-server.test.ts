import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTokenServer, loadTokenServerConfig } from '../../../src/servers/index.ts';

const SECRETS = {
  authToken: '5ec7e7a07b70ce105ec7e7a07b70ce10',
  apiKeySecret: 'ApiKeySecretNeverLogged0123456789',
  alice: 'alice-bearer-secret-0123456789',
  bob: 'bob-bearer-secret-abcdefghijkl',
};
const BASE_ENV = {
  TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000c0de',
  TWILIO_AUTH_TOKEN: SECRETS.authToken,
  TWILIO_TWIML_APP_SID: 'AP0000000000000000000000000000c0de',
  TWILIO_API_KEY_SID: 'SK0000000000000000000000000000c0de',
  TWILIO_API_KEY_SECRET: SECRETS.apiKeySecret,
  TOKEN_AUTH_MODE: 'bearer',
  TOKEN_API_KEYS: `alice:${SECRETS.alice},bob:${SECRETS.bob}`,
};

const apps: FastifyInstance[] = [];
afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
});

/** A token server with every log line (trace level) captured. */
function server(env: Record<string, string> = {}) {
  const lines: string[] = [];
  const app = buildTokenServer(loadTokenServerConfig({ ...BASE_ENV, ...env }), {
    logger: { level: 'trace', destination: { write: (l: string) => lines.push(l) } },
  });
  apps.push(app);
  return { app, log: () => lines.join('') };
}

const decode = (jwt: string) => {
  const [h = '', p = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
  };
};
const verifies = (jwt: string, key: string) => {
  const [h, p, s] = jwt.split('.');
  return createHmac('sha256', key).update(`${h}.${p}`).digest('base64url') === s;
};

describe('token server: who gets a token', () => {
  it.each<[string, Record<string, string>]>([
    ['no credentials', {}],
    ['a wrong bearer secret', { authorization: 'Bearer not-a-configured-secret-000' }],
    ['a bearer secret with a trailing character', { authorization: `Bearer ${SECRETS.alice}x` }],
    ['a prefix of a bearer secret', { authorization: `Bearer ${SECRETS.alice.slice(0, 10)}` }],
    [
      'Basic auth carrying the secret',
      { authorization: `Basic ${Buffer.from(`alice:${SECRETS.alice}`).toString('base64')}` },
    ],
    ['an empty Bearer', { authorization: 'Bearer ' }],
    ['the Twilio auth token as bearer', { authorization: `Bearer ${SECRETS.authToken}` }],
    ['the API key secret as X-Api-Key', { 'x-api-key': SECRETS.apiKeySecret }],
  ])('%s → 401 TOKEN_UNAUTHENTICATED, no token in the body', async (_name, headers) => {
    const { app } = server();
    const res = await app.inject({ method: 'POST', url: '/token', headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: { code: 'TOKEN_UNAUTHENTICATED' } });
    expect(res.body).not.toMatch(/eyJ/);
  });

  it('a secret in the query string is not a credential', async () => {
    const { app } = server();
    const res = await app.inject({ method: 'POST', url: `/token?api_key=${SECRETS.alice}` });
    expect(res.statusCode).toBe(401);
  });

  it("one holder's secret cannot mint a token for another identity (403)", async () => {
    const { app } = server();
    const res = await app.inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: `Bearer ${SECRETS.alice}`, 'content-type': 'application/json' },
      payload: { identity: 'bob' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('token server: secrets never leave it', () => {
  it('no secret (auth token, API key secret, bearer secrets, issued tokens) in any log line or error body', async () => {
    const { app, log } = server({ TOKEN_KIND: 'access' });
    const bodies: string[] = [];
    const requests = [
      { headers: { authorization: `Bearer ${SECRETS.alice}` } },
      { headers: { 'x-api-key': SECRETS.bob } },
      {
        headers: { authorization: `Bearer ${SECRETS.alice}`, 'content-type': 'application/json' },
        payload: '{"identity":',
      },
      {
        headers: { authorization: `Bearer ${SECRETS.alice}`, 'content-type': 'application/json' },
        payload: { identity: 'bob' },
      },
      {
        headers: { authorization: `Bearer ${SECRETS.alice}`, 'content-type': 'text/plain' },
        payload: SECRETS.authToken,
      },
      { headers: { authorization: `Bearer ${SECRETS.authToken}` } },
      { headers: { authorization: `Bearer ${SECRETS.apiKeySecret}`, 'x-api-key': SECRETS.bob } },
      {
        headers: { authorization: `Bearer ${SECRETS.alice}`, 'content-type': 'application/json' },
        payload: { identity: 'x'.repeat(500) },
      },
    ];
    const issued: string[] = [];
    for (const r of requests) {
      const res = await app.inject({ method: 'POST', url: '/token', ...r });
      if (res.statusCode === 200) issued.push((res.json() as { twilio: { token: string } }).twilio.token);
      else bodies.push(res.body);
    }
    // @note a secret sent in the query string: test/regressions/issue-10-query-secret-log.test.ts
    for (const method of ['GET', 'PUT', 'DELETE'] as const)
      bodies.push((await app.inject({ method, url: '/token' })).body);
    bodies.push(
      (
        await app.inject({
          method: 'POST',
          url: '/nope',
          headers: { authorization: `Bearer ${SECRETS.alice}` },
        })
      ).body,
    );
    expect(issued.length).toBeGreaterThanOrEqual(2);
    const text = log();
    expect(text.length).toBeGreaterThan(0);
    for (const secret of [...Object.values(SECRETS), ...issued]) {
      expect(text).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
    // the API key secret signs the issued tokens; it must not be readable from them either
    for (const t of issued) expect(JSON.stringify(decode(t))).not.toContain(SECRETS.apiKeySecret);
  });
});

describe('token server: tokens carry only the grants configured', () => {
  const mint = async (env: Record<string, string>) => {
    const { app } = server(env);
    const res = await app.inject({
      method: 'POST',
      url: '/token',
      headers: { authorization: `Bearer ${SECRETS.alice}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    return (res.json() as { twilio: { token: string } }).twilio.token;
  };

  it('capability token: outgoing scope for the configured App only, no incoming scope, 300 s, signed with the auth token', async () => {
    const jwt = await mint({ TOKEN_KIND: 'capability' });
    const { header, payload } = decode(jwt);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload.scope).toBe(
      `scope:client:outgoing?appSid=${BASE_ENV.TWILIO_TWIML_APP_SID}&clientName=alice`,
    );
    expect(payload.exp - payload.iat).toBe(300);
    expect(verifies(jwt, SECRETS.authToken)).toBe(true);
  });

  it('capability token with TOKEN_ALLOW_INCOMING: the incoming scope is added for that identity only', async () => {
    const { payload } = decode(await mint({ TOKEN_KIND: 'capability', TOKEN_ALLOW_INCOMING: 'true' }));
    expect(String(payload.scope).split(' ').sort()).toEqual([
      'scope:client:incoming?clientName=alice',
      `scope:client:outgoing?appSid=${BASE_ENV.TWILIO_TWIML_APP_SID}&clientName=alice`,
    ]);
  });

  it('Access Token: a Voice grant with the outgoing App, no incoming grant, no push credential, signed with the API key secret', async () => {
    const jwt = await mint({ TOKEN_KIND: 'access' });
    const { header, payload } = decode(jwt);
    expect(header).toMatchObject({ alg: 'HS256', cty: 'twilio-fpa;v=1' });
    expect(payload.grants).toEqual({
      identity: 'alice',
      voice: { outgoing: { application_sid: BASE_ENV.TWILIO_TWIML_APP_SID } },
    });
    expect(payload.iss).toBe(BASE_ENV.TWILIO_API_KEY_SID);
    expect(payload.sub).toBe(BASE_ENV.TWILIO_ACCOUNT_SID);
    expect(payload.exp - payload.iat).toBe(3600);
    expect(verifies(jwt, SECRETS.apiKeySecret)).toBe(true);
    expect(verifies(jwt, SECRETS.authToken)).toBe(false);
  });

  it('Access Token with incoming and a push credential configured: exactly those added', async () => {
    const { payload } = decode(
      await mint({
        TOKEN_KIND: 'access',
        TOKEN_ALLOW_INCOMING: 'true',
        TWILIO_PUSH_CREDENTIAL_SID: 'CR0000000000000000000000000000c0de',
      }),
    );
    expect(payload.grants.voice).toEqual({
      incoming: { allow: true },
      outgoing: { application_sid: BASE_ENV.TWILIO_TWIML_APP_SID },
      push_credential_sid: 'CR0000000000000000000000000000c0de',
    });
  });
});
