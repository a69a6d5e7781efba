import { createPrivateKey, type KeyObject, sign } from 'node:crypto';
import http2 from 'node:http2';
import type { ApnsEnvironment } from '../types.ts';
import type { CatapushApnsLink } from './options.ts';

/** What a push attempt came back with. */
export interface ApnsSendResult {
  status: number;
  apnsId: string | null;
  reason: string | null;
  timestamp: number | null;
}

export interface ApnsPushRequest {
  environment: ApnsEnvironment;
  token: string;
  topic: string;
  pushType: 'voip' | 'alert';
  priority: number;
  /** UNIX seconds (end of the validity window). */
  expiration: number;
  payload: Record<string, unknown>;
}

/**
 * Catapush's provider connection to the (fake) APNs: real HTTP/2 with a `.p8` provider token.
 *
 * @note One JWT per connection, refreshed after 50 minutes like well-behaved clients: minting a JWT
 * per request is exactly what the fake APNs punishes with TooManyProviderTokenUpdates.
 */
export class ApnsSender {
  private readonly sessions = new Map<ApnsEnvironment, http2.ClientHttp2Session>();
  private jwt: { value: string; iat: number } | null = null;
  private readonly key: KeyObject;

  constructor(
    private readonly link: CatapushApnsLink,
    private readonly wallNow: () => number,
  ) {
    this.key = typeof link.privateKey === 'string' ? createPrivateKey(link.privateKey) : link.privateKey;
  }

  async send(req: ApnsPushRequest): Promise<ApnsSendResult> {
    const session = this.session(req.environment);
    const body = JSON.stringify(req.payload);
    return new Promise((resolve) => {
      const stream = session.request({
        ':method': 'POST',
        ':path': `/3/device/${req.token}`,
        authorization: `bearer ${this.token()}`,
        'apns-topic': req.topic,
        'apns-push-type': req.pushType,
        'apns-priority': String(req.priority),
        'apns-expiration': String(req.expiration),
        'content-type': 'application/json',
      });
      let status = 0;
      let apnsId: string | null = null;
      let data = '';
      stream.on('response', (h) => {
        status = Number(h[':status']);
        apnsId = typeof h['apns-id'] === 'string' ? h['apns-id'] : null;
      });
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => {
        data += c;
      });
      stream.on('end', () => {
        const parsed = safeJson(data);
        resolve({
          status,
          apnsId,
          reason: typeof parsed?.reason === 'string' ? parsed.reason : null,
          timestamp: typeof parsed?.timestamp === 'number' ? parsed.timestamp : null,
        });
      });
      stream.on('error', (e) =>
        resolve({ status: 0, apnsId: null, reason: `transport: ${e.message}`, timestamp: null }),
      );
      stream.end(body);
    });
  }

  close(): void {
    for (const s of this.sessions.values()) s.close();
    this.sessions.clear();
  }

  private session(env: ApnsEnvironment): http2.ClientHttp2Session {
    const existing = this.sessions.get(env);
    if (existing && !existing.closed && !existing.destroyed) return existing;
    const s = http2.connect(this.link.urls[env], { ca: this.link.ca });
    s.on('error', () => this.sessions.delete(env));
    s.on('close', () => this.sessions.delete(env));
    s.unref();
    this.sessions.set(env, s);
    return s;
  }

  private token(): string {
    const nowS = Math.floor(this.wallNow() / 1000);
    if (this.jwt && nowS - this.jwt.iat < 3000) return this.jwt.value;
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const data = `${b64({ alg: 'ES256', kid: this.link.keyId })}.${b64({ iss: this.link.teamId, iat: nowS })}`;
    const sig = sign('sha256', Buffer.from(data), { key: this.key, dsaEncoding: 'ieee-p1363' }).toString(
      'base64url',
    );
    this.jwt = { value: `${data}.${sig}`, iat: nowS };
    return this.jwt.value;
  }
}

function safeJson(s: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(s);
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
