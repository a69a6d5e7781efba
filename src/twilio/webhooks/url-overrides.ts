/**
 * Connection overrides carried in a webhook URL's fragment (twilio-voice.md §5.1):
 * `#ct=1000&rt=2000&tt=5000&rc=2&rp=ct,5xx`. The fragment never reaches the wire.
 */

export type RetryClass = 'ct' | 'rt' | '4xx' | '5xx';

export interface ConnectionOverrides {
  /** TCP connect timeout, ms. */
  ct: number;
  /** Wait for first byte / between packets, ms. */
  rt: number;
  /** Total budget for all attempts, ms (capped at 15 s). */
  tt: number;
  /** Whether `tt` was set explicitly (running out of it is then 11203, not 11200). */
  ttExplicit: boolean;
  /** Retries after the first attempt. */
  rc: number;
  rp: ReadonlySet<RetryClass>;
  /** Problems found (clamped values, invalid `rp` → 11243), reported as warnings. */
  warnings: { code: number | null; message: string }[];
}

/** Twilio's hard cap per call-related request. */
export const HARD_CAP_MS = 15_000;

const RANGES = {
  ct: [100, 10_000, 5_000],
  rt: [100, 15_000, 15_000],
  tt: [100, 15_000, 15_000],
  rc: [0, 5, 1],
} as const;

/** Reads the overrides from a URL's fragment; defaults when there is none. */
export function parseOverrides(url: string): ConnectionOverrides {
  const out: ConnectionOverrides = {
    ct: RANGES.ct[2],
    rt: RANGES.rt[2],
    tt: RANGES.tt[2],
    ttExplicit: false,
    rc: RANGES.rc[2],
    rp: new Set<RetryClass>(['ct']),
    warnings: [],
  };
  const hash = url.indexOf('#');
  if (hash === -1) return out;
  const fragment = new URLSearchParams(url.slice(hash + 1));
  for (const key of ['ct', 'rt', 'tt', 'rc'] as const) {
    const raw = fragment.get(key);
    if (raw === null) continue;
    const [min, max] = RANGES[key];
    const n = Number(raw);
    if (!Number.isFinite(n)) {
      out.warnings.push({
        code: null,
        message: `Connection override ${key}=${raw} is not a number; default used`,
      });
      continue;
    }
    const clamped = Math.min(max, Math.max(min, Math.trunc(n)));
    if (clamped !== n)
      out.warnings.push({ code: null, message: `Connection override ${key}=${raw} clamped to ${clamped}` });
    out[key] = clamped;
    if (key === 'tt') out.ttExplicit = true;
  }
  const rp = fragment.get('rp');
  if (rp !== null) {
    const parsed = parseRetryPolicy(rp);
    if (parsed) out.rp = parsed;
    else
      out.warnings.push({
        code: 11243,
        message: `Connection override rp=${rp} is not a valid retry policy; default "ct" used`,
      });
  }
  return out;
}

function parseRetryPolicy(value: string): Set<RetryClass> | null {
  const set = new Set<RetryClass>();
  for (const item of value.split(',').map((s) => s.trim())) {
    if (item === 'all') for (const c of ['ct', 'rt', '4xx', '5xx'] as const) set.add(c);
    else if (item === 'ct' || item === 'rt' || item === '4xx' || item === '5xx') set.add(item);
    else return null;
  }
  return set.size > 0 ? set : null;
}
