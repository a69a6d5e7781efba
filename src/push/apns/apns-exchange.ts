import type http2 from 'node:http2';
import type { IdSource } from '../../core/ids/id-source.ts';
import type { ApnsEnvironment } from '../types.ts';
import type { DeviceRegistry } from './device-registry.ts';
import type { FakeApnsOptions } from './fake-apns.ts';
import type { ProviderCredentials, SessionAuthState } from './provider-auth.ts';
import { type ApnsDecision, decideApnsRequest } from './voip-rules.ts';

/** One logged provider request, accepted or not (§2.9). */
export interface ApnsAttempt {
  at: number;
  environment: ApnsEnvironment;
  transport: 'h2' | 'h2c';
  method: string;
  path: string;
  token: string | null;
  topic: string | null;
  pushType: string | null;
  priority: string | null;
  bytes: number;
  status: number;
  reason: string | null;
  timestamp: number | null;
  apnsId: string;
  delivered: boolean;
  warnings: string[];
}

/** An injected failure for the next `times` accepted-so-far requests (step 12 of §2.7). */
export interface ApnsFault {
  status: 403 | 410 | 429 | 500 | 503;
  reason: string;
  times?: number;
  token?: string;
}

/** Everything one request/response exchange needs from the fake APNs it runs in. */
export interface ExchangeContext {
  env: ApnsEnvironment;
  transport: 'h2' | 'h2c';
  opts: FakeApnsOptions;
  wallNow: () => number;
  credentials: ProviderCredentials;
  devices: DeviceRegistry;
  attempts: ApnsAttempt[];
  faults: ApnsFault[];
  sessionState(session: http2.Http2Session): SessionAuthState;
}

const MAX_BODY = 64 * 1024;

/**
 * One HTTP/2 stream: gather the facts, let voip-rules decide, answer, hand an accepted push to
 * the device registry, and log the attempt.
 */
export function handleExchange(
  x: ExchangeContext,
  stream: http2.ServerHttp2Stream,
  headers: http2.IncomingHttpHeaders,
  raw: string[],
): void {
  const { opts, attempts, devices, faults, credentials } = x;
  const l = { env: x.env, transport: x.transport };
  const wallNow = x.wallNow;
  const stateOf = x.sessionState;
  if (headers[':method'] === 'GET' && headers[':path'] === '/__callrig/apns/log') {
    // @note callrig-only inspection endpoint (catapush-apns.md §2.9); no real APNs path starts so.
    stream.respond({ ':status': 200, 'content-type': 'application/json' });
    stream.end(JSON.stringify({ attempts: attempts.filter((a) => a.environment === l.env) }));
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (c: Buffer) => {
    size += c.length;
    if (size <= MAX_BODY) chunks.push(c);
  });
  stream.on('error', () => {});
  stream.on('end', () => {
    const h = (name: string): string | undefined => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const decision = decideApnsRequest(
      {
        method: String(headers[':method']),
        path: String(headers[':path']),
        duplicateHeader: findDuplicate(raw),
        headers: {
          topic: h('apns-topic'),
          pushType: h('apns-push-type'),
          priority: h('apns-priority'),
          expiration: h('apns-expiration'),
          apnsId: h('apns-id'),
          collapseId: h('apns-collapse-id'),
        },
        body: Buffer.concat(chunks),
      },
      {
        authenticate: () =>
          credentials.authenticate(h('authorization'), stateOf(stream.session as http2.Http2Session), {
            now: opts.jwtClock === 'virtual' ? opts.clock.now() : wallNow(),
            tokenUpdateMinIntervalSeconds: opts.tokenUpdateMinIntervalSeconds ?? 1200,
            jwtFutureSkewSeconds: opts.jwtFutureSkewSeconds ?? 60,
          }),
        lookupToken: (t) => devices.lookup(l.env, t),
        strictTokenLength: opts.strictTokenLength,
        strictPushType: opts.strictPushType,
      },
    );
    const sentId = h('apns-id');
    const apnsId = sentId && /^[0-9a-f-]{36}$/i.test(sentId) ? sentId : opts.ids.uuid();
    const final = applyFault(decision, faults, opts.clock.now());
    respond(stream, l.env, final, apnsId, opts.ids);
    let delivered = false;
    if (final.status === 200 && 'payload' in final) {
      delivered = devices.deliver({
        apnsId,
        topic: final.topic,
        pushType: final.pushType,
        priority: final.priority,
        environment: l.env,
        token: final.token,
        payload: final.payload,
        at: opts.clock.now(),
      });
    }
    attempts.push({
      at: opts.clock.now(),
      environment: l.env,
      transport: l.transport,
      method: String(headers[':method']),
      path: String(headers[':path']),
      token: 'token' in final ? (final.token ?? null) : null,
      topic: h('apns-topic') ?? null,
      pushType: h('apns-push-type') ?? null,
      priority: h('apns-priority') ?? null,
      bytes: size,
      status: final.status,
      reason: 'reason' in final ? final.reason : null,
      timestamp: 'timestamp' in final ? (final.timestamp ?? null) : null,
      apnsId,
      delivered,
      warnings: 'warnings' in final ? final.warnings : [],
    });
  });
}

function findDuplicate(raw: string[]): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < raw.length; i += 2) {
    const name = (raw[i] ?? '').toLowerCase();
    if (name.startsWith(':')) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

/** Step 12: injected faults only replace answers that passed every other check. */
function applyFault(d: ApnsDecision, faults: ApnsFault[], now: number): ApnsDecision {
  if (d.status !== 200 || !('payload' in d)) return d;
  const i = faults.findIndex((f) => !f.token || f.token === d.token);
  const f = faults[i];
  if (!f) return d;
  f.times = (f.times ?? 1) - 1;
  if (f.times <= 0) faults.splice(i, 1);
  return f.status === 410
    ? { status: 410, reason: f.reason, timestamp: now, token: d.token, topic: d.topic }
    : { status: f.status, reason: f.reason, token: d.token, topic: d.topic };
}

function respond(
  stream: http2.ServerHttp2Stream,
  env: ApnsEnvironment,
  d: ApnsDecision,
  apnsId: string,
  ids: IdSource,
) {
  if (stream.destroyed || stream.closed) return;
  if (d.status === 200) {
    const headers: http2.OutgoingHttpHeaders = { ':status': 200, 'apns-id': apnsId };
    if (env === 'sandbox') headers['apns-unique-id'] = ids.uuid();
    stream.respond(headers, { endStream: true });
    return;
  }
  const body: Record<string, unknown> = { reason: 'reason' in d ? d.reason : 'InternalServerError' };
  if ('timestamp' in d && d.timestamp !== undefined) body.timestamp = d.timestamp;
  stream.respond({ ':status': d.status, 'content-type': 'application/json', 'apns-id': apnsId });
  stream.end(JSON.stringify(body));
}
