import { ConfigError } from '../shared/config-error.ts';
import { type Env, readBaseUrl, readBoolean, readInteger, readListen, readOptional } from '../shared/env.ts';

/** The brief's greeting, word for word (its typos "you contact details" and "possibile" kept). */
export const BRIEF_GREETING =
  'You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.';
/** The brief's fall-through line, spoken when the caller said nothing. */
export const BRIEF_NO_MESSAGE = 'I did not receive any message.';

/** Frozen help-desk settings. */
export interface HelpDeskConfig {
  /** Signs and validates X-Twilio-Signature; never logged. */
  readonly authToken: string | undefined;
  readonly validateSignatures: boolean;
  /** Where Twilio reaches this app's root; undefined → rebuilt from each request's Host. */
  readonly publicBaseUrl: string | undefined;
  readonly dbPath: string;
  readonly voice: string;
  readonly greeting: string;
  readonly noMessageText: string;
  readonly thankYouText: string;
  readonly maxLength: number;
  readonly timeout: number;
  readonly playBeep: boolean;
  readonly host: string;
  readonly port: number;
}

/**
 * Reads the help desk's settings from an environment record. Pure: no process.env.
 * Throws {@link ConfigError} with one line naming the variable at fault.
 *
 * Variables: TWILIO_AUTH_TOKEN, HELPDESK_VALIDATE_SIGNATURES (default true),
 * HELPDESK_PUBLIC_URL, HELPDESK_DB_PATH, HELPDESK_VOICE, HELPDESK_GREETING,
 * HELPDESK_NO_MESSAGE_TEXT, HELPDESK_THANK_YOU_TEXT, HELPDESK_RECORD_MAX_LENGTH,
 * HELPDESK_RECORD_TIMEOUT, HELPDESK_RECORD_PLAY_BEEP, HELPDESK_HOST, HELPDESK_PORT.
 */
export function loadHelpDeskConfig(env: Env): HelpDeskConfig {
  const validateSignatures = readBoolean(env, 'HELPDESK_VALIDATE_SIGNATURES', true);
  const authToken = readOptional(env, 'TWILIO_AUTH_TOKEN');
  if (authToken === undefined && validateSignatures) {
    throw new ConfigError(
      'TWILIO_AUTH_TOKEN',
      'is required to validate X-Twilio-Signature (or set HELPDESK_VALIDATE_SIGNATURES=false for local experiments)',
    );
  }
  if (authToken !== undefined && !/^[0-9a-fA-F]{32}$/.test(authToken)) {
    throw new ConfigError('TWILIO_AUTH_TOKEN', 'must be 32 hex digits');
  }
  const config: HelpDeskConfig = {
    authToken,
    validateSignatures,
    publicBaseUrl: readBaseUrl(env, 'HELPDESK_PUBLIC_URL'),
    dbPath: readOptional(env, 'HELPDESK_DB_PATH') ?? 'data/helpdesk.sqlite',
    voice: readOptional(env, 'HELPDESK_VOICE') ?? 'woman',
    greeting: readOptional(env, 'HELPDESK_GREETING') ?? BRIEF_GREETING,
    noMessageText: readOptional(env, 'HELPDESK_NO_MESSAGE_TEXT') ?? BRIEF_NO_MESSAGE,
    thankYouText:
      readOptional(env, 'HELPDESK_THANK_YOU_TEXT') ??
      'Thank you. We have your message and will call you back.',
    // @note Twilio's own bounds (fidelity §3.4): maxLength > 1 and ≤ 14400; timeout ≥ 0.
    maxLength: readInteger(env, 'HELPDESK_RECORD_MAX_LENGTH', 60, 2, 14_400),
    timeout: readInteger(env, 'HELPDESK_RECORD_TIMEOUT', 3, 0, 3600),
    playBeep: readBoolean(env, 'HELPDESK_RECORD_PLAY_BEEP', true),
    ...readListen(env, 'HELPDESK', 3002),
  };
  return Object.freeze(config);
}
