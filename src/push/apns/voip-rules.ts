/**
 * The fake APNs decision rules, pure: one request's facts in, one answer out.
 * It imports nothing from Node; the HTTP/2 adapter gathers the facts and supplies lookups.
 * Order and reasons follow shared/fidelity/catapush-apns.md §2.2–2.7 (the first failure wins).
 */

/** What authentication concluded (computed lazily: step 4 must not run before steps 1–3). */
export type AuthOutcome =
  | { ok: true; teamId: string; topics: readonly string[] }
  | { ok: false; status: 403 | 429; reason: string };

/** What the token registry knows about one device token in this environment. */
export type TokenLookup = { known: false } | { known: true; topic: string; invalidatedAt: number | null };

export interface ApnsRequestFacts {
  method: string;
  path: string;
  /** Name of a header that appeared more than once (from rawHeaders), or null. */
  duplicateHeader: string | null;
  headers: {
    topic?: string;
    pushType?: string;
    priority?: string;
    expiration?: string;
    apnsId?: string;
    collapseId?: string;
  };
  body: Uint8Array;
}

export interface ApnsRuleDeps {
  authenticate(): AuthOutcome;
  lookupToken(tokenHex: string): TokenLookup;
  /** `apns.strictTokenLength`: demand exactly 64 hex digits. */
  strictTokenLength?: boolean;
  /** `apns.strictPushType`: a missing push type is an error instead of being inferred. */
  strictPushType?: boolean;
}

export type ApnsDecision =
  | {
      status: 200;
      token: string;
      topic: string;
      pushType: string;
      priority: number;
      expiration: number | null;
      collapseId: string | null;
      payload: Record<string, unknown>;
      warnings: string[];
    }
  | { status: number; reason: string; timestamp?: number; token?: string; topic?: string; pushType?: string };

export const PUSH_TYPES = [
  'alert',
  'background',
  'voip',
  'complication',
  'fileprovider',
  'mdm',
  'location',
  'liveactivity',
  'pushtotalk',
] as const;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TOPIC = /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const utf8 = new TextEncoder();
const fail = (status: number, reason: string) => ({ status, reason });

/** Payload limit in bytes for a push type (§2.5): 5120 for VoIP, 4096 for everything else. */
export function payloadLimit(pushType: string): number {
  return pushType === 'voip' ? 5120 : 4096;
}

/** The bundle id a topic belongs to (`com.x.voip` → `com.x`). */
export function bundleOf(topic: string): string {
  return topic.replace(/\.(voip|complication)$/, '');
}

/** Judges one provider request. Never throws. */
export function decideApnsRequest(f: ApnsRequestFacts, deps: ApnsRuleDeps): ApnsDecision {
  // 1. path shape, 2. method
  const m = /^\/3\/device\/(.*)$/.exec(f.path.split('?')[0] ?? '');
  if (!m) return fail(404, 'BadPath');
  const token = m[1] ?? '';
  if (token === '') return fail(400, 'MissingDeviceToken');
  if (f.method !== 'POST') return fail(405, 'MethodNotAllowed');
  // 3. duplicate headers, apns-id
  if (f.duplicateHeader) return fail(400, 'DuplicateHeaders');
  const h = f.headers;
  if (h.apnsId !== undefined && !UUID.test(h.apnsId)) return fail(400, 'BadMessageId');
  // 4. provider authentication
  const auth = deps.authenticate();
  if (!auth.ok) return fail(auth.status, auth.reason);
  // 5. topic
  if (h.topic === undefined) return fail(400, 'MissingTopic');
  const topic = h.topic;
  if (!TOPIC.test(topic)) return fail(400, 'BadTopic');
  if (!auth.topics.includes(bundleOf(topic))) return fail(400, 'TopicDisallowed');
  // 6. push type: value, then the voip ⇔ .voip pairing (§2.4 a)
  const warnings: string[] = [];
  let pushType = h.pushType;
  if (pushType === undefined) {
    if (deps.strictPushType) return { ...fail(400, 'InvalidPushType'), token, topic };
    pushType = topic.endsWith('.voip') ? 'voip' : 'alert';
    warnings.push(
      `[callrig] no apns-push-type header; inferred "${pushType}" from the topic (set it explicitly)`,
    );
  }
  if (!(PUSH_TYPES as readonly string[]).includes(pushType))
    return { ...fail(400, 'InvalidPushType'), token, topic };
  if ((pushType === 'voip') !== topic.endsWith('.voip'))
    return { ...fail(400, 'InvalidPushType'), token, topic, pushType };
  // 7. priority, expiration, collapse id
  const priority = h.priority === undefined ? 10 : Number(h.priority);
  if (![1, 5, 10].includes(priority) || !/^\d+$/.test(h.priority ?? '10')) return fail(400, 'BadPriority');
  if (pushType === 'background' && priority === 10) return fail(400, 'BadPriority');
  if (h.expiration !== undefined && !/^\d+$/.test(h.expiration)) return fail(400, 'BadExpirationDate');
  if (h.collapseId !== undefined && utf8.encode(h.collapseId).length > 64) return fail(400, 'BadCollapseId');
  // 8. token format and environment, 9. invalidated, 10. pairing
  const wellFormed = /^[0-9a-fA-F]+$/.test(token) && token.length % 2 === 0 && token.length >= 64;
  if (!wellFormed || (deps.strictTokenLength && token.length !== 64))
    return { ...fail(400, 'BadDeviceToken'), token, topic };
  const known = deps.lookupToken(token.toLowerCase());
  if (!known.known) return { ...fail(400, 'BadDeviceToken'), token, topic };
  if (known.invalidatedAt !== null)
    return { status: 410, reason: 'Unregistered', timestamp: known.invalidatedAt, token, topic };
  if (known.topic !== topic) return { ...fail(400, 'DeviceTokenNotForTopic'), token, topic, pushType };
  // 11. body
  if (f.body.length === 0) return { ...fail(400, 'PayloadEmpty'), token, topic, pushType };
  if (f.body.length > payloadLimit(pushType))
    return { ...fail(413, 'PayloadTooLarge'), token, topic, pushType };
  const payload = parseObject(f.body);
  if (payload === null) return { ...fail(400, 'CallrigInvalidPayload'), token, topic, pushType };
  return {
    status: 200,
    token: token.toLowerCase(),
    topic,
    pushType,
    priority,
    expiration: h.expiration === undefined ? null : Number(h.expiration),
    collapseId: h.collapseId ?? null,
    payload,
    warnings,
  };
}

function parseObject(body: Uint8Array): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
