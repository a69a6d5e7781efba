import { createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import type { AuthOutcome } from './voip-rules.ts';

/** A `.p8` signing key registered with the fake (catapush-apns.md §2.3). */
export interface ProviderKey {
  kid: string;
  teamId: string;
  /** PEM or KeyObject of the P-256 public key. */
  publicKey: string | KeyObject;
  /** Bundle ids; `com.x` also allows `com.x.voip` and `com.x.complication`. */
  topics: string[];
}

/** A provider client certificate (certificate-based auth). Matched by its SHA-256 fingerprint. */
export interface ProviderCertificate {
  certPem: string;
  teamId: string;
  topics: string[];
}

/** Per-HTTP/2-connection authentication state (team binding and the token-update rule). */
export interface SessionAuthState {
  teamId: string | null;
  lastToken: string | null;
  lastAcceptedAt: number | null;
  /** Until when the connection answers 429 TooManyProviderTokenUpdates (wall ms). */
  blockedUntil: number | null;
  /** Fingerprint of the TLS client certificate, when one was presented. */
  clientCertFingerprint: string | null;
}

export interface ProviderAuthOptions {
  /** Milliseconds; what `iat` is judged against (`apns.jwtClock`, wall by default). */
  now: number;
  tokenUpdateMinIntervalSeconds: number;
  jwtFutureSkewSeconds: number;
}

export function newSessionAuthState(clientCertFingerprint: string | null): SessionAuthState {
  return { teamId: null, lastToken: null, lastAcceptedAt: null, blockedUntil: null, clientCertFingerprint };
}

/** Key registry: kid → key, fingerprint → certificate. */
export class ProviderCredentials {
  private readonly keys = new Map<string, { key: KeyObject; teamId: string; topics: string[] }>();
  private readonly certs = new Map<string, { teamId: string; topics: string[] }>();

  addKey(k: ProviderKey): void {
    const key = typeof k.publicKey === 'string' ? createPublicKey(k.publicKey) : k.publicKey;
    this.keys.set(k.kid, { key, teamId: k.teamId, topics: [...k.topics] });
  }

  addCertificate(c: ProviderCertificate): void {
    this.certs.set(new X509Certificate(c.certPem).fingerprint256, {
      teamId: c.teamId,
      topics: [...c.topics],
    });
  }

  /** Judges the `authorization` header (or the client certificate) for one request. */
  authenticate(authorization: string | undefined, s: SessionAuthState, o: ProviderAuthOptions): AuthOutcome {
    if (authorization === undefined) {
      // @note Certificate auth: the TLS client certificate stands in for the JWT on every request.
      if (s.clientCertFingerprint !== null) {
        const cert = this.certs.get(s.clientCertFingerprint);
        if (!cert) return { ok: false, status: 403, reason: 'BadCertificate' };
        return { ok: true, teamId: cert.teamId, topics: cert.topics };
      }
      return { ok: false, status: 403, reason: 'MissingProviderToken' };
    }
    if (s.blockedUntil !== null && o.now < s.blockedUntil) {
      return { ok: false, status: 429, reason: 'TooManyProviderTokenUpdates' };
    }
    const invalid: AuthOutcome = { ok: false, status: 403, reason: 'InvalidProviderToken' };
    const m = /^bearer\s+(.+)$/i.exec(authorization.trim());
    const jwt = m?.[1];
    if (!jwt) return invalid;
    const parts = jwt.split('.');
    if (parts.length !== 3) return invalid;
    const [h64 = '', c64 = '', s64 = ''] = parts;
    const header = decodeJson(h64);
    const claims = decodeJson(c64);
    if (!header || !claims || header.alg !== 'ES256' || typeof header.kid !== 'string') return invalid;
    const key = this.keys.get(header.kid);
    if (!key || claims.iss !== key.teamId || typeof claims.iat !== 'number') return invalid;
    const sig = Buffer.from(s64, 'base64url');
    const signed = Buffer.from(`${h64}.${c64}`);
    if (sig.length !== 64 || !verify('sha256', signed, { key: key.key, dsaEncoding: 'ieee-p1363' }, sig)) {
      return invalid;
    }
    if (claims.iat * 1000 > o.now + o.jwtFutureSkewSeconds * 1000) return invalid;
    if (claims.iat * 1000 < o.now - 3_600_000)
      return { ok: false, status: 403, reason: 'ExpiredProviderToken' };
    if (s.teamId !== null && s.teamId !== key.teamId) return invalid;
    if (s.lastToken !== null && s.lastToken !== jwt) {
      // @note Apple allows one new token per 20 min per connection; a provider minting a JWT per
      // request is the bug this catches, and the connection stays unusable afterwards.
      const interval = o.tokenUpdateMinIntervalSeconds * 1000;
      if (interval > 0 && s.lastAcceptedAt !== null && o.now - s.lastAcceptedAt < interval) {
        s.blockedUntil = s.lastAcceptedAt + interval;
        return { ok: false, status: 429, reason: 'TooManyProviderTokenUpdates' };
      }
    }
    if (s.lastToken !== jwt) {
      s.lastToken = jwt;
      s.lastAcceptedAt = o.now;
    }
    s.teamId = key.teamId;
    return { ok: true, teamId: key.teamId, topics: key.topics };
  }
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
