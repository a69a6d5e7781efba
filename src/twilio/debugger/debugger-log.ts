/**
 * A per-call request log like Twilio's console debugger: every webhook exchange with its
 * status, time, body excerpt and error code. Served at `GET /callrig/v1/calls/:sid/debugger`.
 */

export interface DebuggerEntry {
  /** Virtual time of the request, ISO 8601. */
  at: string;
  kind: string;
  method: 'GET' | 'POST';
  /** The URL as sent (credentials and fragment removed). */
  url: string;
  /** Request parameters as sent. */
  params: Record<string, string | string[]>;
  attempts: number;
  status: number | null;
  contentType: string | null;
  elapsedMs: number;
  /** First 500 characters of the response body. */
  bodyExcerpt: string;
  errorCode: number | string | null;
  message: string | null;
  /** Non-fatal notes (clamped overrides, 11243, credentials retry). */
  warnings: string[];
}

/** Body excerpts are cut here, as Twilio's debugger does. */
export const EXCERPT_CHARS = 500;

/** In-memory debugger log keyed by CallSid. */
export class DebuggerLog {
  readonly #byCall = new Map<string, DebuggerEntry[]>();

  /** Appends one entry to a call's log. */
  add(callSid: string, entry: DebuggerEntry): void {
    const list = this.#byCall.get(callSid) ?? [];
    list.push(entry);
    this.#byCall.set(callSid, list);
  }

  /** Entries for a call in request order; empty when the call made no requests. */
  forCall(callSid: string): readonly DebuggerEntry[] {
    return this.#byCall.get(callSid) ?? [];
  }

  /** Forgets a call's entries (retention). */
  drop(callSid: string): void {
    this.#byCall.delete(callSid);
  }

  /** Whether any request was logged for the call. */
  has(callSid: string): boolean {
    return this.#byCall.has(callSid);
  }
}

/** Groups form parameters the way a debugger shows them (repeated names as arrays). */
export function paramsRecord(
  params: ReadonlyArray<readonly [string, string]>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    if (prev === undefined) out[k] = v;
    else out[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
