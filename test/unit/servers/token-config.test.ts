import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/servers/shared/config-error.ts';
import { loadTokenServerConfig } from '../../../src/servers/token/config.ts';
import { TOKEN_ENV } from './fixtures.ts';

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadTokenServerConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadTokenServerConfig', () => {
  it('reads a full environment into a frozen config with defaults', () => {
    const config = loadTokenServerConfig(TOKEN_ENV);
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).toMatchObject({
      kind: 'capability',
      ttlSeconds: 300,
      allowIncoming: false,
      authMode: 'bearer',
      host: '127.0.0.1',
      port: 3001,
      appParams: undefined,
    });
    expect([...config.apiKeys.values()]).toEqual(['alice', 'bob']);
  });

  it('defaults access tokens to 3600 s and accepts up to 24 h', () => {
    expect(loadTokenServerConfig({ ...TOKEN_ENV, TOKEN_KIND: 'access' }).ttlSeconds).toBe(3600);
    expect(
      loadTokenServerConfig({ ...TOKEN_ENV, TOKEN_KIND: 'access', TOKEN_TTL_SECONDS: '86400' }).ttlSeconds,
    ).toBe(86400);
  });

  it('parses app params, incoming, open mode and listen settings', () => {
    const config = loadTokenServerConfig({
      ...TOKEN_ENV,
      TOKEN_APP_PARAMS: '{"team":"billing"}',
      TOKEN_ALLOW_INCOMING: 'true',
      TOKEN_AUTH_MODE: 'open',
      TOKEN_API_KEYS: undefined,
      TOKEN_DEFAULT_IDENTITY: 'guest_1',
      TOKEN_SERVER_HOST: '0.0.0.0',
      TOKEN_SERVER_PORT: '8080',
    });
    expect(config).toMatchObject({
      appParams: { team: 'billing' },
      allowIncoming: true,
      authMode: 'open',
      defaultIdentity: 'guest_1',
      host: '0.0.0.0',
      port: 8080,
    });
  });

  it.each([
    [{ TWILIO_ACCOUNT_SID: undefined }, 'TWILIO_ACCOUNT_SID', 'is required'],
    [{ TWILIO_ACCOUNT_SID: 'AC123' }, 'TWILIO_ACCOUNT_SID', '"AC" followed by 32 hex digits'],
    [{ TWILIO_ACCOUNT_SID: 'SK0123456789abcdef0123456789abcdef' }, 'TWILIO_ACCOUNT_SID', 'Account SID'],
    [{ TWILIO_AUTH_TOKEN: '  ' }, 'TWILIO_AUTH_TOKEN', 'is required'],
    [{ TWILIO_AUTH_TOKEN: 'not-hex-at-all' }, 'TWILIO_AUTH_TOKEN', '32 hex digits'],
    [{ TWILIO_TWIML_APP_SID: undefined }, 'TWILIO_TWIML_APP_SID', 'is required'],
    [{ TWILIO_TWIML_APP_SID: 'APxyz' }, 'TWILIO_TWIML_APP_SID', 'TwiML App SID'],
    [{ TWILIO_API_KEY_SID: 'SKnope' }, 'TWILIO_API_KEY_SID', 'API Key SID'],
    [{ TWILIO_PUSH_CREDENTIAL_SID: 'CRnope' }, 'TWILIO_PUSH_CREDENTIAL_SID', 'Push Credential SID'],
    [{ TOKEN_KIND: 'access', TWILIO_API_KEY_SID: undefined }, 'TWILIO_API_KEY_SID', 'TOKEN_KIND=access'],
    [
      { TOKEN_KIND: 'access', TWILIO_API_KEY_SECRET: undefined },
      'TWILIO_API_KEY_SECRET',
      'TOKEN_KIND=access',
    ],
    [{ TOKEN_KIND: 'legacy' }, 'TOKEN_KIND', 'capability, access'],
    [{ TOKEN_TTL_SECONDS: '86401' }, 'TOKEN_TTL_SECONDS', 'between 1 and 86400'],
    [{ TOKEN_TTL_SECONDS: '0' }, 'TOKEN_TTL_SECONDS', 'between 1 and 86400'],
    [{ TOKEN_TTL_SECONDS: '5m' }, 'TOKEN_TTL_SECONDS', 'whole number'],
    [{ TOKEN_ALLOW_INCOMING: 'maybe' }, 'TOKEN_ALLOW_INCOMING', 'true or false'],
    [{ TOKEN_APP_PARAMS: '{nope' }, 'TOKEN_APP_PARAMS', 'JSON object'],
    [{ TOKEN_APP_PARAMS: '["a"]' }, 'TOKEN_APP_PARAMS', 'JSON object'],
    [{ TOKEN_APP_PARAMS: '{"n":1}' }, 'TOKEN_APP_PARAMS', '"n" must be a string'],
    [{ TOKEN_AUTH_MODE: 'none' }, 'TOKEN_AUTH_MODE', 'bearer, open'],
    [{ TOKEN_API_KEYS: undefined }, 'TOKEN_API_KEYS', 'TOKEN_AUTH_MODE=open'],
    [{ TOKEN_API_KEYS: 'alice' }, 'TOKEN_API_KEYS', 'entry 1 must be identity:secret'],
    [{ TOKEN_API_KEYS: 'al ice:0123456789abcdefgh' }, 'TOKEN_API_KEYS', 'entry 1'],
    [{ TOKEN_API_KEYS: 'alice:short' }, 'TOKEN_API_KEYS', 'at least 16'],
    [{ TOKEN_API_KEYS: 'a:0123456789abcdefgh,b:0123456789abcdefgh' }, 'TOKEN_API_KEYS', 'entry 2 repeats'],
    [{ TOKEN_DEFAULT_IDENTITY: 'no spaces' }, 'TOKEN_DEFAULT_IDENTITY', '1-121 characters'],
    [{ TOKEN_SERVER_PORT: '70000' }, 'TOKEN_SERVER_PORT', 'between 0 and 65535'],
  ])('rejects %o naming %s in one line', (override, variable, fragment) => {
    const error = errorOf({ ...TOKEN_ENV, ...override });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toContain(fragment);
    expect(error.message).not.toContain('\n');
  });

  it('never echoes a malformed secret back in the error', () => {
    const error = errorOf({ ...TOKEN_ENV, TWILIO_AUTH_TOKEN: 'SuperSecretButWrongShape' });
    expect(error.message).not.toContain('SuperSecretButWrongShape');
  });
});
