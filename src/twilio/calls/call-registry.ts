import type { CallRecord, CallStatus } from './call-record.ts';

/** Filters of `GET …/Calls.json` (§9.1). */
export interface CallFilter {
  accountSid?: string;
  to?: string;
  from?: string;
  status?: string;
  parentCallSid?: string;
}

/** In-memory calls, newest last; listing returns newest first as Twilio does. */
export class CallRegistry {
  readonly #bySid = new Map<string, CallRecord>();
  readonly #deleted = new Set<string>();
  /** Finished calls in the order they ended: the eviction queue. */
  readonly #finished: string[] = [];
  #finishedHead = 0;

  /**
   * Records that a call ended and returns the SIDs of the oldest finished calls beyond
   * `maxFinished`, already removed here; the caller drops their logs and recordings too.
   * @note Without a cap a long `callrig serve` or soak grows by ~9 kB per call for ever.
   */
  finish(sid: string, maxFinished: number): string[] {
    this.#finished.push(sid);
    const evicted: string[] = [];
    while (this.#finished.length - this.#finishedHead > maxFinished) {
      const old = this.#finished[this.#finishedHead++] as string;
      this.#bySid.delete(old);
      this.#deleted.delete(old);
      evicted.push(old);
    }
    if (this.#finishedHead > 4096) {
      this.#finished.splice(0, this.#finishedHead);
      this.#finishedHead = 0;
    }
    return evicted;
  }

  add(call: CallRecord): void {
    this.#bySid.set(call.sid, call);
  }

  /** A call that exists and was not deleted. */
  get(sid: string): CallRecord | undefined {
    return this.#deleted.has(sid) ? undefined : this.#bySid.get(sid);
  }

  /** Removes a call from REST views (DELETE → 204). */
  delete(sid: string): boolean {
    if (!this.get(sid)) return false;
    this.#deleted.add(sid);
    return true;
  }

  list(filter: CallFilter = {}): CallRecord[] {
    return [...this.#bySid.values()]
      .filter((c) => !this.#deleted.has(c.sid))
      .filter(
        (c) =>
          (!filter.accountSid || c.accountSid === filter.accountSid) &&
          (!filter.to || c.to === filter.to) &&
          (!filter.from || c.from === filter.from) &&
          (!filter.status || c.status === filter.status) &&
          (!filter.parentCallSid || c.parentCallSid === filter.parentCallSid),
      )
      .reverse();
  }

  /** Every call, deleted ones included (debugger, waitForCall). */
  any(sid: string): CallRecord | undefined {
    return this.#bySid.get(sid);
  }

  all(): CallRecord[] {
    return [...this.#bySid.values()];
  }

  /** Status moves, with date_updated stamped. */
  setStatus(call: CallRecord, status: CallStatus, nowMs: number): void {
    call.status = status;
    call.dateUpdatedMs = nowMs;
  }
}
