import type { AudioSource } from './wav.ts';

/** Recording statuses as the REST API shows them (§9.3). */
export type RecordingStatus =
  | 'in-progress'
  | 'paused'
  | 'stopped'
  | 'processing'
  | 'completed'
  | 'absent'
  | 'deleted';

/** One stored recording and its metadata. */
export interface RecordingRecord {
  sid: string;
  accountSid: string;
  callSid: string;
  status: RecordingStatus;
  /** Whole seconds (the `RecordingDuration` the app was told). */
  durationSec: number;
  channels: number;
  source: 'RecordVerb' | 'DialVerb' | 'OutboundAPI' | 'StartCallRecordingAPI';
  /** 16101 / 16102 when absent. */
  errorCode: number | null;
  startTimeMs: number;
  dateCreatedMs: number;
  dateUpdatedMs: number;
  /** Virtual time from which the media may be fetched (recording.availableAfterMs). */
  availableAtMs: number;
  audio: AudioSource;
}

/** Input from the engine's record events. */
export type RecordingInput = Omit<
  RecordingRecord,
  'dateCreatedMs' | 'dateUpdatedMs' | 'availableAtMs' | 'channels' | 'source' | 'audio'
> &
  Partial<Pick<RecordingRecord, 'channels' | 'source' | 'audio'>>;

/** In-memory recordings, in creation order. */
export class RecordingStore {
  readonly #bySid = new Map<string, RecordingRecord>();

  constructor(
    private readonly now: () => number,
    private readonly availableAfterMs = 0,
    private readonly defaultAudio: AudioSource = { kind: 'silence' },
  ) {}

  /** Creates or updates a recording (a take moves in-progress → completed/absent). */
  upsert(input: RecordingInput): RecordingRecord {
    const now = this.now();
    const prev = this.#bySid.get(input.sid);
    const rec: RecordingRecord = {
      channels: 1,
      source: 'RecordVerb',
      audio: this.defaultAudio,
      ...prev,
      ...input,
      dateCreatedMs: prev?.dateCreatedMs ?? now,
      dateUpdatedMs: now,
      availableAtMs: input.status === 'completed' ? now + this.availableAfterMs : Number.POSITIVE_INFINITY,
    };
    this.#bySid.set(rec.sid, rec);
    return rec;
  }

  get(sid: string): RecordingRecord | undefined {
    return this.#bySid.get(sid);
  }

  /** Forgets every recording of a call (retention), media included. */
  dropCall(callSid: string): void {
    for (const [sid, rec] of this.#bySid) if (rec.callSid === callSid) this.#bySid.delete(sid);
  }

  /** Marks a recording deleted; its JSON and media then answer 404. */
  delete(sid: string): boolean {
    const rec = this.#bySid.get(sid);
    if (!rec || rec.status === 'deleted') return false;
    rec.status = 'deleted';
    rec.dateUpdatedMs = this.now();
    return true;
  }

  /** Visible recordings (not deleted), optionally for one account and/or call. */
  list(filter: { accountSid?: string; callSid?: string } = {}): RecordingRecord[] {
    return [...this.#bySid.values()].filter(
      (r) =>
        r.status !== 'deleted' &&
        (!filter.accountSid || r.accountSid === filter.accountSid) &&
        (!filter.callSid || r.callSid === filter.callSid),
    );
  }

  /** Whether media can be served now (§10: completed and past availableAfterMs). */
  mediaReady(rec: RecordingRecord): boolean {
    return rec.status === 'completed' && this.now() >= rec.availableAtMs;
  }
}
