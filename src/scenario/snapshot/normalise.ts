import { formatOffset } from '../assert/describe.ts';
import type { TimelineEventLike } from '../types.ts';

/** Names for SID prefixes (shared/fidelity/twilio-voice.md §1); unknown prefixes become `<XXSid#n>`. */
const SID_NAMES: Record<string, string> = {
  CA: 'CallSid',
  RE: 'RecordingSid',
  AP: 'ApplicationSid',
  AC: 'AccountSid',
  SK: 'ApiKeySid',
  TR: 'TranscriptionSid',
  CR: 'CredentialSid',
  PN: 'PhoneNumberSid',
  MM: 'MessageSid',
  NO: 'NotificationSid',
};

const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g;
const SID = /\b([A-Z]{2})([0-9a-f]{32}|[0-9A-F]{32})\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const URL_PORT = /\b((?:https?|wss?|h2c?):\/\/(?:\[[^\]\s]+\]|[^/\s:@]+)):\d{1,5}\b/g;
const HOST_PORT = /\b(127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):\d{1,5}\b/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})\b/g;
const RFC_DATE =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g;

export interface NormaliseOptions {
  /** Fields dropped everywhere because they measure wall time (default `elapsedMs`, `wallMs`). */
  dropKeys?: readonly string[];
}

/**
 * A stateful normaliser: the same SID or UUID gets the same placeholder everywhere it is
 * used, numbered per prefix in order of first appearance, so a snapshot diff shows
 * behaviour changes and nothing else (LocalStack's snapshot transformers are the model).
 */
export function createNormaliser(start: number, options: NormaliseOptions = {}): (value: unknown) => unknown {
  const drop = new Set(options.dropKeys ?? ['elapsedMs', 'wallMs']);
  const ids = new Map<string, string>();
  const counters = new Map<string, number>();
  const placeholder = (kind: string, raw: string): string => {
    const known = ids.get(raw);
    if (known) return known;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const name = `<${kind}#${n}>`;
    ids.set(raw, name);
    return name;
  };
  const text = (s: string): string =>
    s
      .replace(JWT, '<jwt>')
      .replace(SID, (raw, prefix: string) =>
        placeholder(SID_NAMES[prefix] ?? `${prefix}Sid`, raw.toLowerCase()),
      )
      .replace(UUID, (raw) => placeholder('uuid', raw.toLowerCase()))
      .replace(URL_PORT, '$1:<port>')
      .replace(HOST_PORT, '$1:<port>')
      .replace(ISO_DATE, '<date>')
      .replace(RFC_DATE, '<date>');
  const visit = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && /signature/i.test(key) ? '<signature>' : text(value);
    if (typeof value === 'number' && key && /(?:[a-z]At|^timestamp)$/.test(key)) return value - start;
    if (Array.isArray(value)) return value.map((v) => visit(v));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!drop.has(k) && v !== undefined) out[k] = visit(v, k);
    return out;
  };
  return (value) => visit(value);
}

/**
 * A timeline ready for a snapshot: `t` (offset from the first event, `00:14.500`) and `type` first, the
 * other fields sorted by name, absolute `at` removed, identifiers replaced.
 */
export function normaliseTimeline(
  timeline: readonly TimelineEventLike[],
  options: NormaliseOptions & { normalise?: (value: unknown) => unknown } = {},
): Record<string, unknown>[] {
  const start = timeline[0]?.at ?? 0;
  const normalise = options.normalise ?? createNormaliser(start, options);
  return timeline.map((event) => {
    // @note The event's own `t` (ms since its call started) is replaced by the scenario offset.
    const { at, t: _callOffset, type, ...rest } = event;
    const offset = at - start;
    const fields = normalise(rest) as Record<string, unknown>;
    const sorted = Object.fromEntries(
      Object.keys(fields)
        .sort()
        .map((k) => [k, fields[k]]),
    );
    return { t: formatOffset(offset), type, ...sorted };
  });
}
