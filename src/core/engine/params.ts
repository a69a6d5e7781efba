/**
 * The form parameters Twilio sends (fidelity §4.2–4.4), and the small value formats they use.
 */
import type { CallState } from './call-state.ts';

export type Params = Array<[string, string]>;

/** RFC 2822 in GMT: `Thu, 29 Jul 2021 06:59:25 +0000`. */
export function rfc2822(epochMs: number): string {
  return new Date(epochMs).toUTCString().replace('GMT', '+0000');
}

/** Sorts by name in byte order (stable, so repeated names keep their order). */
export function sortParams(params: Params): Params {
  return params.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `CallStatus` for a TwiML request now (§4.4). */
export function liveStatus(state: CallState): string {
  if (state.ended !== null) return 'completed';
  return state.answeredAt === null && state.call.direction === 'inbound' ? 'ringing' : 'in-progress';
}

const GEO = ['City', 'State', 'Zip', 'Country'] as const;

/**
 * The standard set (§4.2) with `CallStatus`, plus custom parameters (standard names win),
 * unsorted: callers add their extras, then sort once.
 */
export function standardParams(state: CallState, callStatus: string): Params {
  const c = state.call;
  const called = c.sdkCall ? '' : c.to;
  const p: Params = [
    ['AccountSid', c.accountSid],
    ['ApiVersion', '2010-04-01'],
    ['CallSid', c.callSid],
    ['CallStatus', callStatus],
    ['Called', called],
    ['Caller', c.from],
    ['Direction', c.direction],
    ['From', c.from],
    ['To', c.to],
  ];
  if (c.applicationSid !== undefined) p.push(['ApplicationSid', c.applicationSid]);
  // @note PSTN parties carry geo fields, empty when unknown [wire]; SDK legs never do.
  if (!c.sdkCall) {
    if (c.from.startsWith('+')) for (const g of GEO) p.push([`From${g}`, ''], [`Caller${g}`, '']);
    if (c.to.startsWith('+')) for (const g of GEO) p.push([`To${g}`, ''], [`Called${g}`, '']);
  }
  if (c.customParams.length > 0) {
    const taken = new Set(p.map((x) => x[0]));
    for (const [k, v] of c.customParams) if (!taken.has(k)) p.push([k, v]);
  }
  return p;
}

/**
 * Resolves `ref` against `base` (WHATWG); null when either is unusable. @note An absolute
 * `ref` is returned exactly as written: Twilio signs the URL as configured, unnormalised.
 */
export function resolveUrl(ref: string, base: string | null): string | null {
  try {
    new URL(ref);
    return ref;
  } catch {
    // relative: resolved below
  }
  if (base === null) return null;
  try {
    return new URL(ref, base).href;
  } catch {
    return null;
  }
}

/** The URL without its `#fragment` (ErrorUrl, signing). */
export function stripFragment(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}
