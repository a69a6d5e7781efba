import type { FastifyRequest } from 'fastify';
import type { AccountStore } from '../accounts/account-store.ts';
import type { AccountConfig } from '../accounts/types.ts';
import { authenticate } from './basic-auth.ts';
import { authError } from './error-body.ts';

export interface AccountParams {
  AccountSid: string;
}

/** List filters and paging keys (§9.1). */
export type ListQuery = Record<string, string | undefined> & {
  To?: string;
  From?: string;
  Status?: string;
  ParentCallSid?: string;
  Page?: string;
  PageSize?: string;
  PageToken?: string;
};

const authenticated = new WeakMap<FastifyRequest, AccountConfig>();

/** Checks Basic auth against the account in the path and remembers the result for the route. */
export function checkRestAuth(
  accounts: AccountStore,
  req: FastifyRequest,
  accountSid: string,
): AccountConfig {
  const account = authenticate(accounts, req.headers.authorization, accountSid);
  authenticated.set(req, account);
  return account;
}

/** The account the auth hook accepted for this request. */
export function accountFrom(req: FastifyRequest): AccountConfig {
  const account = authenticated.get(req);
  if (!account) throw authError();
  return account;
}

/**
 * `CA….json` → `CA…`; null when the prefix or extension is wrong (then the route answers 404).
 * @example resourceSid('RE…3.wav', 'RE', ['', '.wav']) // 'RE…3'
 */
export function resourceSid(file: string, prefix: 'CA' | 'RE', extensions: readonly string[]): string | null {
  const m = /^([A-Za-z]{2}[0-9a-fA-F]{32})(\.[a-z0-9]+)?$/.exec(file);
  if (!m?.[1]?.startsWith(prefix)) return null;
  return extensions.includes(m[2] ?? '') ? m[1] : null;
}

/** The extension of a `RE…[.ext]` path segment ('' when none). */
export function extensionOf(file: string): string {
  const dot = file.indexOf('.');
  return dot === -1 ? '' : file.slice(dot);
}
