/**
 * The engine's state between inputs. @note Plain data only (no closures, no class
 * instances, no Maps): `structuredClone(state)` must give an independent copy, so an explorer
 * can fork a call at every point where the caller could act.
 */
import type { HttpMethod, Verb } from '../twiml/ast.ts';
import type { EngineOptions } from './options.ts';
import type { WebhookKind } from './ports.ts';
import type { CallEndStatus, EndReason, HungUpBy } from './timeline.ts';
import type { CalleeOutcome, RecordingInfo } from './types.ts';

/** The call's fixed facts, resolved from CallInit. */
export interface CallFacts {
  callSid: string;
  accountSid: string;
  applicationSid?: string;
  direction: 'inbound' | 'outbound-api';
  from: string;
  to: string;
  url?: string;
  method: HttpMethod;
  twiml?: string;
  customParams: Array<[string, string]>;
  fallbackUrl?: string;
  fallbackMethod: HttpMethod;
  statusCallback?: string;
  statusCallbackMethod: HttpMethod;
  statusCallbackEvents: string[];
  sdkCall: boolean;
  apiOrigin: string;
  callee: CalleeOutcome;
  ringTimeoutSec: number;
}

/** The document being executed. `url` is null for inline TwiML and synthetic documents. */
export interface DocState {
  url: string | null;
  verbs: Verb[];
  /** Index of the next verb to run. */
  next: number;
  /** callrig-made documents: the apology, an audio or plain-text response. */
  synthetic?: 'apology' | 'audio' | 'text';
}

/** The activity the call is in while it waits for input. */
export type Activity =
  | {
      kind: 'listening';
      what: 'say' | 'play' | 'pause' | 'beep' | 'ringing' | 'dial';
      path: string;
      occurrence: number;
      startedAt: number;
      endsAt: number;
      text?: string;
      /** Set while inside a Gather prompt. */
      gather?: GatherActivity;
      /** Set while the beep of a Record plays. */
      record?: RecordActivity;
      /** Set while a Dial rings or is bridged. */
      dial?: DialProgress;
      /** Set while an outbound-api call rings: what happens when ringing ends. */
      ring?: 'answer' | 'no-answer';
    }
  | RecordActivity
  | GatherActivity
  | { kind: 'dial'; path: string; occurrence: number; startedAt: number; verbIndex: number };

export interface RecordActivity {
  kind: 'record';
  path: string;
  occurrence: number;
  startedAt: number;
  /** Index of the Record verb in the current document. */
  verbIndex: number;
  recordingSid: string;
  captureStartedAt: number;
  /** Effective maxLength (SDK cap applied), seconds. */
  maxLength: number;
  /** Speech segments, ms from capture start. */
  speech: Array<{ startMs: number; endMs: number; transcript?: string }>;
  /** Last moment (ms from capture start) speech ended, or of capture start. */
  silenceSince: number;
}

export interface GatherActivity {
  kind: 'gather';
  path: string;
  occurrence: number;
  startedAt: number;
  verbIndex: number;
  /** Next prompt child to play; equals children.length in the input phase. */
  prompt: number;
  digits: string;
  timeoutAt: number;
}

export interface DialProgress {
  verbIndex: number;
  /** The Dial's occurrence, shared by its ringing and bridged phases. */
  occurrence: number;
  phase: 'ringing' | 'bridged';
  /** The outcome the callee script chose. */
  status: 'completed' | 'busy' | 'no-answer' | 'failed';
  answeredAt: number | null;
  /** Ms the callee stays on the line once bridged. */
  talkMs: number;
  dialCallSid?: string;
}

export interface PendingCallback {
  due: number;
  kind: WebhookKind;
  method: HttpMethod;
  url: string;
  params: Array<[string, string]>;
}

export interface CallState {
  v: 1;
  call: CallFacts;
  options: EngineOptions;
  startEpochMs: number;
  /** Virtual ms since the call started. */
  t: number;
  answeredAt: number | null;
  /** Any verb ran yet (Pause/Reject as first verb have special meaning). */
  verbsRun: number;
  doc: DocState | null;
  documents: number;
  activity: Activity | null;
  counts: Record<'say' | 'play' | 'pause' | 'beep' | 'record' | 'gather' | 'dial' | 'ringing', number>;
  /** Next status-callback SequenceNumber. */
  sequence: number;
  pending: PendingCallback[];
  recordings: RecordingInfo[];
  /** Set once a fatal error sent the call to the apology, for the end reason. */
  appError: boolean;
  ended: { status: CallEndStatus; durationSec: number; hungUpBy: HungUpBy; reason: EndReason } | null;
}
