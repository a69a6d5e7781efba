/** A recording callback as received from Twilio, before it is stored. */
export interface NewCallback {
  readonly callSid: string;
  /** `From` (or `Caller`), e.g. `client:alice` or `+14155550100`. */
  readonly caller: string | null;
  /** Unique per take; a second callback for the same one is a duplicate. */
  readonly recordingSid: string | null;
  readonly recordingUrl: string | null;
  readonly recordingDuration: number | null;
  /** The key that ended the take, `hangup`, or null. */
  readonly digits: string | null;
  /** Epoch ms at which the help desk received it. */
  readonly receivedAt: number;
}

/** A stored callback request. */
export interface CallbackEntry extends NewCallback {
  readonly id: number;
  readonly status: 'pending' | 'done';
  readonly doneAt: number | null;
}

/**
 * The help desk's queue of people to call back. Every method resolves only once the change is
 * durable (SQLite: committed with synchronous=FULL), so an acknowledged callback is never lost.
 */
export interface CallbackQueue {
  /** Stores a callback; `created: false` when its RecordingSid is already queued. */
  add(entry: NewCallback): Promise<{ readonly id: number; readonly created: boolean }>;
  /** Pending entries, oldest first. */
  listPending(): Promise<readonly CallbackEntry[]>;
  get(id: number): Promise<CallbackEntry | undefined>;
  /** Marks an entry handled; idempotent. False when no entry has that id. */
  markDone(id: number, at: number): Promise<boolean>;
  close(): Promise<void>;
}
