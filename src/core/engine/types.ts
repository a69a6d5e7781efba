/**
 * The engine's public vocabulary: what starts a call, what a caller (or the REST API) can do
 * to it, and what the engine reports back after each step.
 */
import type { Clock } from '../clock/clock.ts';
import type { IdSource } from '../ids/id-source.ts';
import type { HttpMethod } from '../twiml/ast.ts';

/** AST types the verb steps use, re-exported so `steps/` imports stay one level deep. */
export type { DialNoun, DialVerb, GatherPrompt, GatherVerb, RecordVerb } from '../twiml/ast.ts';

import type { CallState } from './call-state.ts';
import type { EngineOptionsInput } from './options.ts';
import type { WebhookPort } from './ports.ts';
import type { CallEndStatus, EndReason, HungUpBy, TimelineEvent } from './timeline.ts';

/**
 * How the other party of an outbound call (REST call callee, or a `<Dial>` target) behaves.
 * `answer.after`: seconds of ringing; `answer.talkFor`: seconds until that party hangs up.
 */
export type CalleeOutcome =
  | 'busy'
  | 'no-answer'
  | 'failed'
  | { answer: { after?: number; talkFor?: number } };

/** Everything needed to start one call. Plain data. */
export interface CallInit {
  /** Minted from `ctx.ids` when absent. */
  callSid?: string;
  accountSid: string;
  applicationSid?: string;
  direction: 'inbound' | 'outbound-api';
  from: string;
  to: string;
  /** The Voice URL (App VoiceUrl or REST Url). Exactly one of `url` / `twiml`. */
  url?: string;
  method?: HttpMethod;
  /** Inline TwiML (REST `Twiml`): it has no document URL (fidelity §2.4 item 6). */
  twiml?: string;
  /** Extra form fields of the first and every later TwiML request (connect/token params). */
  customParams?: Record<string, string>;
  fallbackUrl?: string;
  fallbackMethod?: HttpMethod;
  statusCallback?: string;
  statusCallbackMethod?: HttpMethod;
  /** Default `['completed']`. */
  statusCallbackEvents?: Array<'initiated' | 'ringing' | 'answered' | 'completed'>;
  /** A Voice SDK (client) leg: `Called` empty, no city fields, Record maxLength capped at 600. */
  sdkCall?: boolean;
  /** Origin used in RecordingUrl, e.g. `https://api.twilio.com`. */
  apiOrigin?: string;
  /** outbound-api only: does the callee answer? Default `{ answer: { after: 0 } }`. */
  callee?: CalleeOutcome;
  /** outbound-api only: seconds to ring before `no-answer` (REST `Timeout`, default 60). */
  ringTimeoutSec?: number;
}

/** Dependencies, passed in (STYLE practice 3). */
export interface EngineContext {
  port: WebhookPort;
  clock: Clock;
  ids: IdSource;
  options?: EngineOptionsInput;
}

/**
 * What can happen next. Caller inputs carry virtual durations; control inputs come from the
 * REST API (call update). Durations are seconds (fractions allowed).
 */
export type CallInput =
  /** Keys pressed at this moment (all at once). */
  | { kind: 'digits'; digits: string }
  /** The caller talks for `seconds`; `transcript` is what speech recognition hears. */
  | { kind: 'speech'; seconds: number; transcript?: string; confidence?: number }
  | { kind: 'silence'; seconds: number }
  | { kind: 'hangup' }
  /** Let time pass: for `seconds`, or (absent) until the current activity ends by itself. */
  | { kind: 'wait'; seconds?: number }
  /** The callee outcome of a `<Dial>` (answers `waiting.kind === 'dial'`). */
  | { kind: 'dial-outcome'; outcome: CalleeOutcome }
  /** REST update: continue from a new URL (aborts the current verb). */
  | { kind: 'redirect'; url: string; method?: HttpMethod }
  /** REST update: continue from inline TwiML. */
  | { kind: 'twiml'; twiml: string }
  /** REST `Status=completed` / `Status=canceled`. */
  | { kind: 'complete' }
  | { kind: 'cancel' };

interface WaitingBase {
  /** Element path of the verb, e.g. `Response/Record[1]`. */
  path: string;
  /** 1-based count of this kind of activity in the call (the 2nd Say heard, ...). */
  occurrence: number;
  /** When the activity started, ms since call start. */
  startedAt: number;
}

/** What the call is waiting for. Every kind but `ended` accepts any caller/control input. */
export type WaitingFor =
  | (WaitingBase & {
      kind: 'listening';
      /** What the caller hears: a prompt, the beep, ringing, or a bridged Dial. */
      what: 'say' | 'play' | 'pause' | 'beep' | 'ringing' | 'dial';
      /** When it ends if the caller does nothing, ms since call start. */
      endsAt: number;
      /** True inside `<Gather>`: digits/speech interrupt it. */
      interruptible: boolean;
      /** Say text (for `waitFor: { sayText }`). */
      text?: string;
    })
  | (WaitingBase & {
      kind: 'record';
      captureStartedAt: number;
      /** Ms of capture so far, and of trailing silence. */
      capturedMs: number;
      silenceMs: number;
      timeout: number;
      maxLength: number;
      finishOnKey: string;
    })
  | (WaitingBase & {
      kind: 'gather';
      input: Array<'dtmf' | 'speech'>;
      digits: string;
      /** The gather times out at this moment if nothing else happens. */
      timeoutAt: number;
      finishOnKey: string;
      numDigits?: number;
    })
  | (WaitingBase & { kind: 'dial'; targets: string[]; timeout: number })
  | {
      kind: 'ended';
      status: CallEndStatus;
      durationSec: number;
      hungUpBy: HungUpBy;
      reason: EndReason;
    };

/** One `RE…` recording the call made. */
export interface RecordingInfo {
  recordingSid: string;
  callSid: string;
  accountSid: string;
  /** `completed`, or `absent` for an empty take in fall-through mode. */
  status: 'completed' | 'absent';
  /** Final RecordingDuration (seconds; 0 when absent). */
  durationSec: number;
  rawMs: number;
  /** 0, 16101 or 16102. */
  errorCode: number;
  /** Epoch ms of capture start (RecordingStartTime). */
  startEpochMs: number;
  mediaUrl: string;
  source: 'RecordVerb';
  channels: 1;
  /** Speech segments in ms from capture start (for synthesising media). */
  speech: Array<{ startMs: number; endMs: number; transcript?: string }>;
}

/**
 * The result of one step. `state` is plain data (structuredClone-able); `resumeCall` takes
 * ownership of it, so clone first to fork.
 */
export interface CallStep<S = CallState> {
  state: S;
  /** Events new since the previous step. */
  events: TimelineEvent[];
  waiting: WaitingFor;
  /** Ms of the last input's duration that the engine used before the activity changed. */
  consumedMs: number;
}

/** What `runCall` returns. */
export interface CallResult {
  callSid: string;
  status: CallEndStatus;
  durationSec: number;
  timeline: TimelineEvent[];
  recordings: RecordingInfo[];
  /** CALLRIG_SCRIPT_UNUSED warnings: steps that never got their moment, missing outcomes. */
  scriptWarnings: ScriptWarning[];
  /** The `error` events of the timeline (warnings included). */
  errors: Array<Extract<TimelineEvent, { type: 'error' }>>;
}

export interface ScriptWarning {
  code: 'CALLRIG_SCRIPT_UNUSED';
  /** Index in the script's `steps` (or `dial`), when the warning is about one step. */
  step?: number;
  message: string;
}
