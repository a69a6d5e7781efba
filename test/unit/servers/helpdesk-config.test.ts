import { describe, expect, it } from 'vitest';
import { BRIEF_GREETING, loadHelpDeskConfig } from '../../../src/servers/helpdesk/config.ts';
import { ConfigError } from '../../../src/servers/shared/config-error.ts';
import { HELPDESK_ENV } from './fixtures.ts';

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadHelpDeskConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadHelpDeskConfig', () => {
  it('applies the brief defaults and freezes the result', () => {
    const config = loadHelpDeskConfig({ TWILIO_AUTH_TOKEN: HELPDESK_ENV.TWILIO_AUTH_TOKEN });
    expect(Object.isFrozen(config)).toBe(true);
    expect(config).toMatchObject({
      validateSignatures: true,
      publicBaseUrl: undefined,
      voice: 'woman',
      greeting: BRIEF_GREETING,
      noMessageText: 'I did not receive any message.',
      maxLength: 60,
      timeout: 3,
      playBeep: true,
      host: '127.0.0.1',
      port: 3002,
      dbPath: 'data/helpdesk.sqlite',
    });
    expect(config.greeting).toContain('you contact details');
    expect(config.greeting).toContain('as soon as possibile.');
  });

  it('strips a trailing slash from the public URL and keeps a path prefix', () => {
    expect(
      loadHelpDeskConfig({ ...HELPDESK_ENV, HELPDESK_PUBLIC_URL: 'https://x.example/ivr/' }).publicBaseUrl,
    ).toBe('https://x.example/ivr');
  });

  it('allows no auth token only when validation is switched off', () => {
    const config = loadHelpDeskConfig({ HELPDESK_VALIDATE_SIGNATURES: 'false' });
    expect(config).toMatchObject({ validateSignatures: false, authToken: undefined });
  });

  it.each([
    [{ TWILIO_AUTH_TOKEN: undefined }, 'TWILIO_AUTH_TOKEN', 'HELPDESK_VALIDATE_SIGNATURES=false'],
    [{ TWILIO_AUTH_TOKEN: 'abc' }, 'TWILIO_AUTH_TOKEN', '32 hex digits'],
    [{ HELPDESK_VALIDATE_SIGNATURES: 'sometimes' }, 'HELPDESK_VALIDATE_SIGNATURES', 'true or false'],
    [{ HELPDESK_PUBLIC_URL: 'help.example.com' }, 'HELPDESK_PUBLIC_URL', 'absolute http(s) URL'],
    [{ HELPDESK_PUBLIC_URL: 'ftp://help.example.com' }, 'HELPDESK_PUBLIC_URL', 'http or https'],
    [{ HELPDESK_PUBLIC_URL: 'https://help.example.com/?a=1' }, 'HELPDESK_PUBLIC_URL', 'query'],
    [{ HELPDESK_PUBLIC_URL: 'https://u:p@help.example.com' }, 'HELPDESK_PUBLIC_URL', 'credentials'],
    [{ HELPDESK_RECORD_MAX_LENGTH: '1' }, 'HELPDESK_RECORD_MAX_LENGTH', 'between 2 and 14400'],
    [{ HELPDESK_RECORD_TIMEOUT: '-1' }, 'HELPDESK_RECORD_TIMEOUT', 'between 0 and 3600'],
    [{ HELPDESK_RECORD_PLAY_BEEP: 'loud' }, 'HELPDESK_RECORD_PLAY_BEEP', 'true or false'],
    [{ HELPDESK_PORT: 'http' }, 'HELPDESK_PORT', 'whole number'],
  ])('rejects %o naming %s in one line', (override, variable, fragment) => {
    const error = errorOf({ ...HELPDESK_ENV, ...override });
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).toContain(fragment);
    expect(error.message).not.toContain('\n');
  });
});
