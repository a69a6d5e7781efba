import { ConfigError } from '../shared/config-error.ts';
import {
  type Env,
  readBoolean,
  readEnum,
  readInteger,
  readListen,
  readOptional,
  readOptionalSid,
  readRequired,
  readSid,
} from '../shared/env.ts';

/** `capability`: the brief's legacy Client token. `access`: an Access Token with a VoiceGrant. */
export type TokenKind = 'capability' | 'access';
/** `bearer`: only configured secrets get tokens. `open`: anyone does (the brief's behaviour). */
export type TokenAuthMode = 'bearer' | 'open';

/** Frozen token-server settings. Secrets live here and nowhere in logs or responses. */
export interface TokenServerConfig {
  readonly kind: TokenKind;
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiKeySid: string | undefined;
  readonly apiKeySecret: string | undefined;
  readonly appSid: string;
  readonly pushCredentialSid: string | undefined;
  readonly ttlSeconds: number;
  readonly allowIncoming: boolean;
  /** Extra parameters the TwiML App's Voice URL request will carry. */
  readonly appParams: Readonly<Record<string, string>> | undefined;
  readonly authMode: TokenAuthMode;
  /** secret → identity. */
  readonly apiKeys: ReadonlyMap<string, string>;
  /** Open mode without a body identity: capability tokens carry no clientName (client:Anonymous). */
  readonly defaultIdentity: string | undefined;
  readonly host: string;
  readonly port: number;
}

/** Identities the mobile SDKs accept (fidelity §7.3). */
export const IDENTITY_PATTERN = /^[A-Za-z0-9_]{1,121}$/;
/** Twilio refuses any token living longer than 24 h (fidelity §7.2, §7.3). */
export const MAX_TTL_SECONDS = 86_400;
const MIN_SECRET_LENGTH = 16;

/**
 * Reads the token server's settings from an environment record. Pure: no process.env.
 * Throws {@link ConfigError} with one line naming the variable at fault.
 *
 * Variables: TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_TWIML_APP_SID, TOKEN_KIND
 * (capability|access), TWILIO_API_KEY_SID + TWILIO_API_KEY_SECRET (access), TWILIO_PUSH_CREDENTIAL_SID,
 * TOKEN_TTL_SECONDS, TOKEN_ALLOW_INCOMING, TOKEN_APP_PARAMS (JSON object), TOKEN_AUTH_MODE
 * (bearer|open), TOKEN_API_KEYS (`identity:secret,…`), TOKEN_DEFAULT_IDENTITY,
 * TOKEN_SERVER_HOST, TOKEN_SERVER_PORT.
 */
export function loadTokenServerConfig(env: Env): TokenServerConfig {
  const kind = readEnum<TokenKind>(env, 'TOKEN_KIND', ['capability', 'access'], 'capability');
  const accountSid = readSid(env, 'TWILIO_ACCOUNT_SID', 'AC', 'Account');
  const authToken = readRequired(env, 'TWILIO_AUTH_TOKEN', 'your Auth Token from the Twilio console');
  if (!/^[0-9a-fA-F]{32}$/.test(authToken))
    throw new ConfigError('TWILIO_AUTH_TOKEN', 'must be 32 hex digits');
  const appSid = readSid(env, 'TWILIO_TWIML_APP_SID', 'AP', 'TwiML App');
  const apiKeySid = readOptionalSid(env, 'TWILIO_API_KEY_SID', 'SK', 'API Key');
  const apiKeySecret = readOptional(env, 'TWILIO_API_KEY_SECRET');
  if (kind === 'access') {
    if (apiKeySid === undefined)
      throw new ConfigError('TWILIO_API_KEY_SID', 'is required when TOKEN_KIND=access');
    if (apiKeySecret === undefined) {
      throw new ConfigError('TWILIO_API_KEY_SECRET', 'is required when TOKEN_KIND=access');
    }
  }
  const authMode = readEnum<TokenAuthMode>(env, 'TOKEN_AUTH_MODE', ['bearer', 'open'], 'bearer');
  const apiKeys = parseApiKeys(readOptional(env, 'TOKEN_API_KEYS'));
  if (authMode === 'bearer' && apiKeys.size === 0) {
    throw new ConfigError(
      'TOKEN_API_KEYS',
      'is required when TOKEN_AUTH_MODE=bearer (or set TOKEN_AUTH_MODE=open)',
    );
  }
  const defaultIdentity = readOptional(env, 'TOKEN_DEFAULT_IDENTITY');
  if (defaultIdentity !== undefined && !IDENTITY_PATTERN.test(defaultIdentity)) {
    throw new ConfigError('TOKEN_DEFAULT_IDENTITY', 'must be 1-121 characters of A-Z, a-z, 0-9 or _');
  }
  const config: TokenServerConfig = {
    kind,
    accountSid,
    authToken,
    apiKeySid,
    apiKeySecret,
    appSid,
    pushCredentialSid: readOptionalSid(env, 'TWILIO_PUSH_CREDENTIAL_SID', 'CR', 'Push Credential'),
    ttlSeconds: readInteger(env, 'TOKEN_TTL_SECONDS', kind === 'capability' ? 300 : 3600, 1, MAX_TTL_SECONDS),
    allowIncoming: readBoolean(env, 'TOKEN_ALLOW_INCOMING', false),
    appParams: parseAppParams(readOptional(env, 'TOKEN_APP_PARAMS')),
    authMode,
    apiKeys,
    defaultIdentity,
    ...readListen(env, 'TOKEN_SERVER', 3001),
  };
  return Object.freeze(config);
}

/** `alice:secret1, bob:secret2` → Map(secret → identity). */
function parseApiKeys(raw: string | undefined): ReadonlyMap<string, string> {
  const keys = new Map<string, string>();
  if (raw === undefined) return keys;
  for (const [index, entry] of raw.split(',').entries()) {
    const colon = entry.indexOf(':');
    const identity = entry.slice(0, colon).trim();
    const secret = entry.slice(colon + 1).trim();
    const where = `entry ${index + 1}`;
    if (colon < 0 || !IDENTITY_PATTERN.test(identity)) {
      throw new ConfigError(
        'TOKEN_API_KEYS',
        `${where} must be identity:secret with identity of A-Z, a-z, 0-9 or _`,
      );
    }
    if (secret.length < MIN_SECRET_LENGTH || /\s/.test(secret)) {
      throw new ConfigError(
        'TOKEN_API_KEYS',
        `${where} needs a secret of at least ${MIN_SECRET_LENGTH} non-space characters`,
      );
    }
    if (keys.has(secret))
      throw new ConfigError('TOKEN_API_KEYS', `${where} repeats a secret used by another entry`);
    keys.set(secret, identity);
  }
  return keys;
}

function parseAppParams(raw: string | undefined): Readonly<Record<string, string>> | undefined {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('TOKEN_APP_PARAMS', 'must be a JSON object of strings, e.g. {"team":"billing"}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('TOKEN_APP_PARAMS', 'must be a JSON object of strings, e.g. {"team":"billing"}');
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      throw new ConfigError('TOKEN_APP_PARAMS', `value of "${key}" must be a string`);
    out[key] = value;
  }
  return Object.freeze(out);
}
