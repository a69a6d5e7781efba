import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { IDENTITY_PATTERN, type TokenServerConfig } from './config.ts';
import type { TokenErrorCode } from './errors.ts';

/** The outcome of authenticating one token request. */
export type IdentityResult =
  | { readonly ok: true; readonly identity: string | undefined }
  | { readonly ok: false; readonly code: TokenErrorCode };

/**
 * Decides who is asking.
 *
 * - `bearer`: `Authorization: Bearer <secret>` (or `X-Api-Key: <secret>`) must match a
 *   configured secret; the identity is the one mapped to it. A body identity, if sent,
 *   must equal it (403 otherwise), so a key cannot mint tokens for someone else.
 * - `open`: the identity is `{"identity": "…"}` from the JSON body, else
 *   TOKEN_DEFAULT_IDENTITY, else none (capability: client:Anonymous, as in the brief).
 */
export function resolveIdentity(config: TokenServerConfig, request: FastifyRequest): IdentityResult {
  const bodyIdentity = readBodyIdentity(request.body);
  if (bodyIdentity === 'invalid') return { ok: false, code: 'TOKEN_BAD_IDENTITY' };
  if (bodyIdentity === 'not-object') return { ok: false, code: 'TOKEN_BAD_REQUEST' };
  if (config.authMode === 'open') return { ok: true, identity: bodyIdentity ?? config.defaultIdentity };
  const secret = presentedSecret(request);
  const identity = secret === undefined ? undefined : lookup(config.apiKeys, secret);
  if (identity === undefined) return { ok: false, code: 'TOKEN_UNAUTHENTICATED' };
  if (bodyIdentity !== undefined && bodyIdentity !== identity)
    return { ok: false, code: 'TOKEN_IDENTITY_MISMATCH' };
  return { ok: true, identity };
}

function readBodyIdentity(body: unknown): string | undefined | 'invalid' | 'not-object' {
  if (body === undefined || body === null) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) return 'not-object';
  const value = (body as Record<string, unknown>).identity;
  if (value === undefined) return undefined;
  return typeof value === 'string' && IDENTITY_PATTERN.test(value) ? value : 'invalid';
}

function presentedSecret(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match?.[1];
  }
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey !== '' ? apiKey : undefined;
}

/**
 * @note Compares SHA-256 digests in constant time and checks every entry, so neither the
 * length of a secret nor its position in the list leaks through response timing.
 */
function lookup(keys: ReadonlyMap<string, string>, secret: string): string | undefined {
  const presented = createHash('sha256').update(secret).digest();
  let found: string | undefined;
  for (const [candidate, identity] of keys) {
    const digest = createHash('sha256').update(candidate).digest();
    if (timingSafeEqual(presented, digest)) found = identity;
  }
  return found;
}
