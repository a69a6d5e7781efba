import { timingSafeEqual } from 'node:crypto';
import type { AccountStore } from '../accounts/account-store.ts';
import type { AccountConfig } from '../accounts/types.ts';
import { authError } from './error-body.ts';

/**
 * HTTP Basic auth as the REST API does it (§9.1): `AC…:AuthToken`, or `SK…:secret` of a key
 * owned by the account in the path. Throws 401/20003 otherwise.
 */
export function authenticate(
  accounts: AccountStore,
  authorization: string | undefined,
  pathAccountSid: string,
): AccountConfig {
  const creds = parseBasic(authorization);
  if (!creds) throw authError();
  const account = accounts.account(pathAccountSid);
  if (!account) throw authError();
  if (creds.user === account.sid && safeEqual(creds.password, account.authToken)) return account;
  const key = account.apiKeys?.find((k) => k.sid === creds.user);
  if (key && safeEqual(creds.password, key.secret)) return account;
  throw authError();
}

/** `Basic base64(user:password)` → parts; null when absent or malformed. */
export function parseBasic(header: string | undefined): { user: string; password: string } | null {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf-8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
