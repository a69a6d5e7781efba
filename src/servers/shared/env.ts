import { ConfigError } from './config-error.ts';

/** The environment as the loaders see it: a plain record, so tests pass literals. */
export type Env = Readonly<Record<string, string | undefined>>;

/** @note Blank values count as unset: `FOO= npm start` should not mean "FOO is empty". */
export function readOptional(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) return undefined;
  const value = raw.trim();
  return value === '' ? undefined : value;
}

export function readRequired(env: Env, name: string, hint: string): string {
  const value = readOptional(env, name);
  if (value === undefined) throw new ConfigError(name, `is required (${hint})`);
  return value;
}

/**
 * A Twilio SID: two-letter prefix plus 32 hex digits.
 * @note Values are never echoed back in the error: a mistyped secret pasted into the wrong
 * variable would otherwise end up in a terminal log.
 */
export function checkSid(name: string, value: string, prefix: string, what: string): string {
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value)) {
    throw new ConfigError(name, `must be the ${what} SID: "${prefix}" followed by 32 hex digits`);
  }
  return value;
}

export function readSid(env: Env, name: string, prefix: string, what: string): string {
  return checkSid(name, readRequired(env, name, `your ${what} SID, "${prefix}…"`), prefix, what);
}

export function readOptionalSid(env: Env, name: string, prefix: string, what: string): string | undefined {
  const value = readOptional(env, name);
  return value === undefined ? undefined : checkSid(name, value, prefix, what);
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = readOptional(env, name);
  if (value === undefined) return fallback;
  const lower = value.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(lower)) return true;
  if (['false', '0', 'no', 'off'].includes(lower)) return false;
  throw new ConfigError(name, 'must be true or false');
}

export function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = readOptional(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `must be a whole number between ${min} and ${max}`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = readOptional(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** A listen host and port; the default host is loopback so nothing is exposed by accident. */
export function readListen(env: Env, prefix: string, defaultPort: number): { host: string; port: number } {
  return {
    host: readOptional(env, `${prefix}_HOST`) ?? '127.0.0.1',
    port: readInteger(env, `${prefix}_PORT`, defaultPort, 0, 65535),
  };
}

/** An absolute http(s) URL without query or fragment; the trailing slash is dropped. */
export function readBaseUrl(env: Env, name: string): string | undefined {
  const value = readOptional(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'must be an absolute http(s) URL, e.g. https://help.example.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, 'must use http or https');
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError(name, 'must not carry credentials, a query or a fragment');
  }
  return value.replace(/\/+$/, '');
}
