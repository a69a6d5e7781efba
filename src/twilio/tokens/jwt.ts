import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Minimal HS256/384/512 JWT reading. @note node:crypto rather than `jsonwebtoken`: that package
 * is only a transitive dependency of `twilio` (no types installed), and its `verify` reads
 * Date.now, while callrig checks expiry against the injected virtual clock in a fixed order (§7.4).
 */

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** `header.payload`, the bytes the signature covers. */
  signingInput: string;
  signature: Buffer;
}

/** What went wrong while decoding: which part failed. */
export type DecodeFailure = { part: 'shape' | 'header' | 'payload'; header?: Record<string, unknown> };

const HASH: Record<string, string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

/** Decodes a compact JWT; returns which part failed when it is not three base64url JSON parts. */
export function decodeJwt(token: string): DecodedJwt | DecodeFailure {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { part: 'shape' };
  const [h = '', p = '', s = ''] = parts;
  const header = parseJsonObject(h);
  if (!header) return { part: 'header' };
  const payload = parseJsonObject(p);
  if (!payload) return { part: 'payload', header };
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

export function isDecoded(d: DecodedJwt | DecodeFailure): d is DecodedJwt {
  return 'payload' in d && 'signature' in d;
}

/** Whether `alg` is one Twilio accepts for the given token kind. */
export function isSupportedAlg(alg: unknown, allowed: readonly string[]): alg is string {
  return typeof alg === 'string' && allowed.includes(alg);
}

/** Constant-time HMAC check of a decoded token with `secret`. */
export function verifyHmac(jwt: DecodedJwt, secret: string): boolean {
  const hash = HASH[String(jwt.header.alg)];
  if (!hash) return false;
  const expected = createHmac(hash, secret).update(jwt.signingInput).digest();
  return expected.length === jwt.signature.length && timingSafeEqual(expected, jwt.signature);
}

function parseJsonObject(b64: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(b64, 'base64url').toString('utf-8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
