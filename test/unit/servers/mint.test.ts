import { describe, expect, it } from 'vitest';
import { loadTokenServerConfig } from '../../../src/servers/token/config.ts';
import { mintToken } from '../../../src/servers/token/mint.ts';
import { atInstant } from '../../../src/servers/token/pin-clock.ts';
import { TOKEN_ENV } from './fixtures.ts';
import { verifyJwt } from './jwt-oracle.ts';

const VIRTUAL_MS = Date.UTC(2030, 0, 1, 12, 0, 0);
const VIRTUAL_SEC = VIRTUAL_MS / 1000;

describe('capability tokens', () => {
  it('match the brief: outgoing scope for the App, iss = Account SID, 300 s, signed with the Auth Token', () => {
    const config = loadTokenServerConfig(TOKEN_ENV);
    const token = mintToken(config, { identity: undefined, nowMs: VIRTUAL_MS });
    const { header, payload } = verifyJwt(token, TOKEN_ENV.TWILIO_AUTH_TOKEN, VIRTUAL_SEC);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toEqual({
      scope: `scope:client:outgoing?appSid=${TOKEN_ENV.TWILIO_TWIML_APP_SID}`,
      iss: TOKEN_ENV.TWILIO_ACCOUNT_SID,
      iat: VIRTUAL_SEC,
      exp: VIRTUAL_SEC + 300,
    });
  });

  it('adds clientName, double-encoded appParams and the incoming scope when configured', () => {
    const config = loadTokenServerConfig({
      ...TOKEN_ENV,
      TOKEN_ALLOW_INCOMING: 'true',
      TOKEN_APP_PARAMS: JSON.stringify({ foo: 'bar baz', x: '1&2' }),
    });
    const token = mintToken(config, { identity: 'alice', nowMs: VIRTUAL_MS });
    const { payload } = verifyJwt(token, TOKEN_ENV.TWILIO_AUTH_TOKEN, VIRTUAL_SEC);
    expect(String(payload.scope).split(' ')).toEqual([
      `scope:client:outgoing?appSid=${TOKEN_ENV.TWILIO_TWIML_APP_SID}&clientName=alice&appParams=foo%3Dbar%2520baz%26x%3D1%25262`,
      'scope:client:incoming?clientName=alice',
    ]);
  });

  it('fails verification with another key and after expiry', () => {
    const token = mintToken(loadTokenServerConfig(TOKEN_ENV), { identity: undefined, nowMs: VIRTUAL_MS });
    expect(() => verifyJwt(token, 'wrong-key', VIRTUAL_SEC)).toThrow(/invalid signature/);
    expect(() => verifyJwt(token, TOKEN_ENV.TWILIO_AUTH_TOKEN, VIRTUAL_SEC + 300)).toThrow(/expired/);
  });
});

describe('access tokens', () => {
  it('carry a VoiceGrant for the identity, signed with the API Key secret', () => {
    const config = loadTokenServerConfig({
      ...TOKEN_ENV,
      TOKEN_KIND: 'access',
      TOKEN_ALLOW_INCOMING: 'true',
    });
    const token = mintToken(config, { identity: 'alice', nowMs: VIRTUAL_MS });
    const { header, payload } = verifyJwt(token, TOKEN_ENV.TWILIO_API_KEY_SECRET, VIRTUAL_SEC);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' });
    expect(payload).toEqual({
      jti: `${TOKEN_ENV.TWILIO_API_KEY_SID}-${VIRTUAL_SEC}`,
      grants: {
        identity: 'alice',
        voice: {
          incoming: { allow: true },
          outgoing: { application_sid: TOKEN_ENV.TWILIO_TWIML_APP_SID },
          push_credential_sid: TOKEN_ENV.TWILIO_PUSH_CREDENTIAL_SID,
        },
      },
      iat: VIRTUAL_SEC,
      exp: VIRTUAL_SEC + 3600,
      iss: TOKEN_ENV.TWILIO_API_KEY_SID,
      sub: TOKEN_ENV.TWILIO_ACCOUNT_SID,
    });
  });

  it('uses Anonymous when there is no identity, passes app params and honours the ttl', () => {
    const config = loadTokenServerConfig({
      ...TOKEN_ENV,
      TOKEN_KIND: 'access',
      TOKEN_TTL_SECONDS: '600',
      TOKEN_APP_PARAMS: '{"team":"billing"}',
    });
    const { payload } = verifyJwt(
      mintToken(config, { identity: undefined, nowMs: VIRTUAL_MS }),
      TOKEN_ENV.TWILIO_API_KEY_SECRET,
      VIRTUAL_SEC,
    );
    expect(payload.grants).toEqual({
      identity: 'Anonymous',
      voice: {
        outgoing: { application_sid: TOKEN_ENV.TWILIO_TWIML_APP_SID, params: { team: 'billing' } },
        push_credential_sid: TOKEN_ENV.TWILIO_PUSH_CREDENTIAL_SID,
      },
    });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(600);
  });

  it('uses the wall clock when no clock is injected', () => {
    const before = Math.floor(Date.now() / 1000);
    const config = loadTokenServerConfig({ ...TOKEN_ENV, TOKEN_KIND: 'access' });
    const { payload } = verifyJwt(
      mintToken(config, { identity: 'bob', nowMs: undefined }),
      TOKEN_ENV.TWILIO_API_KEY_SECRET,
    );
    expect(Number(payload.iat)).toBeGreaterThanOrEqual(before);
    expect(Number(payload.iat)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });
});

describe('atInstant', () => {
  it('pins Date only inside the call and restores it even when the call throws', () => {
    const RealDate = Date;
    // biome-ignore lint/complexity/useDateNow: ClientCapability reads `new Date()`, which is what this checks
    expect(atInstant(VIRTUAL_MS, () => [Date.now(), new Date().getTime(), new Date(5).getTime()])).toEqual([
      VIRTUAL_MS,
      VIRTUAL_MS,
      5,
    ]);
    expect(() =>
      atInstant(VIRTUAL_MS, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(Date).toBe(RealDate);
    expect(Date.now()).not.toBe(VIRTUAL_MS);
  });
});
