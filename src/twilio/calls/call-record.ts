import type { CallInput, CallResult, TimelineEvent } from '../../core/index.ts';

/** Call statuses as REST JSON shows them (`initiated` appears only in callbacks, §9.2). */
export type CallStatus =
  | 'queued'
  | 'ringing'
  | 'in-progress'
  | 'completed'
  | 'busy'
  | 'failed'
  | 'no-answer'
  | 'canceled';

export const FINISHED: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);

/** One call the fake knows about, SDK-originated or REST-created. */
export interface CallRecord {
  sid: string;
  accountSid: string;
  applicationSid: string | null;
  direction: 'inbound' | 'outbound-api';
  from: string;
  to: string;
  status: CallStatus;
  dateCreatedMs: number;
  dateUpdatedMs: number;
  startTimeMs: number | null;
  endTimeMs: number | null;
  /** Whole seconds, null until the call ends. */
  durationSec: number | null;
  parentCallSid: string | null;
  /** Events so far (the whole timeline once ended). */
  timeline: TimelineEvent[];
  result: CallResult | null;
  /** Control inputs from REST updates, consumed by the runner between engine steps. */
  pendingControls: CallInput[];
  /** Settles when the call has ended (never rejects). */
  done: Promise<CallResult | null>;
  /** A runner failure that is not a Twilio outcome (a bug); the call is then `failed`. */
  internalError?: string;
}
