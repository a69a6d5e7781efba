/**
 * What a call did, as data: the one stream that assertions, snapshots and reporters read
 * (STYLE practice 12). Every event is plain JSON with `at` (virtual epoch ms) and `t` (ms since
 * the call started); the same script and webhook answers give the same events, byte for byte.
 */
import type { CallrigCode } from '../errors/callrig-codes.ts';
import type { Severity } from '../errors/twilio-codes.ts';
import type { WebhookKind } from './ports.ts';

interface EventBase {
  /** Virtual epoch milliseconds. */
  at: number;
  /** Milliseconds since the call started. */
  t: number;
}

/** Where a failure came from: the URL, and for documents the line/column/element path. */
export interface ErrorWhere {
  url?: string;
  line?: number;
  column?: number;
  path?: string;
}

export type CallEndStatus = 'completed' | 'busy' | 'no-answer' | 'failed' | 'canceled';

/** Who ended the call, and the precise reason (for reports and assertions). */
export type HungUpBy = 'caller' | 'twiml' | 'callee' | 'api' | 'engine';
export type EndReason =
  | 'hangup-verb'
  | 'end-of-document'
  | 'reject'
  | 'caller-hangup'
  | 'application-error'
  | 'loop-limit'
  | 'time-limit'
  | 'callee-hangup'
  | 'busy'
  | 'no-answer'
  | 'failed'
  | 'canceled'
  | 'api-completed';

export type RecordEndReason = 'silence' | 'key' | 'max-length' | 'hangup' | 'empty';

export type TimelineEvent =
  | (EventBase & {
      type: 'call.started';
      callSid: string;
      accountSid: string;
      direction: 'inbound' | 'outbound-api';
      from: string;
      to: string;
      sdkCall: boolean;
    })
  | (EventBase & { type: 'call.answered' })
  | (EventBase & {
      type: 'webhook.requested';
      kind: WebhookKind;
      method: 'GET' | 'POST';
      url: string;
      params: Array<[string, string]>;
    })
  | (EventBase & {
      type: 'webhook.responded';
      kind: WebhookKind;
      url: string;
      /** HTTP status, or null for a transport failure. */
      status: number | null;
      contentType: string | null;
      bodyBytes: number;
      elapsedMs: number;
      /** Set when the port reported a transport failure (11205, 11200, ...). */
      code?: number | CallrigCode;
    })
  | (EventBase & {
      type: 'say';
      path: string;
      text: string;
      voice: string;
      language: string;
      loop: number;
      durationMs: number;
    })
  | (EventBase & {
      type: 'play';
      path: string;
      url: string | null;
      digits?: string;
      loop: number;
      durationMs: number;
    })
  | (EventBase & { type: 'pause'; path: string; length: number })
  | (EventBase & { type: 'beep'; path: string; durationMs: number })
  | (EventBase & { type: 'prompt.interrupted'; path: string; by: 'digits' | 'speech' })
  | (EventBase & {
      type: 'record.started';
      path: string;
      recordingSid: string;
      timeout: number;
      maxLength: number;
      finishOnKey: string;
    })
  | (EventBase & {
      type: 'record.ended';
      path: string;
      recordingSid: string;
      /** RecordingDuration: whole seconds (trimmed unless configured otherwise). */
      duration: number;
      rawMs: number;
      reason: RecordEndReason;
      status: 'completed' | 'absent';
      /** 0, or 16101/16102 for an absent recording. */
      errorCode: number;
      digits?: string;
      actionRequested: boolean;
    })
  | (EventBase & { type: 'caller.digits'; digits: string; ignored: boolean })
  | (EventBase & { type: 'caller.speech'; seconds: number; transcript?: string })
  | (EventBase & { type: 'caller.silence'; seconds: number })
  | (EventBase & { type: 'caller.hangup' })
  | (EventBase & {
      type: 'gather.result';
      path: string;
      digits: string;
      finishedOnKey: string;
      speechResult?: string;
      confidence?: number;
      reason: 'num-digits' | 'finish-key' | 'timeout' | 'speech' | 'hangup';
      actionRequested: boolean;
    })
  | (EventBase & {
      type: 'dial.outcome';
      path: string;
      targets: string[];
      dialCallStatus: 'completed' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled';
      dialCallSid?: string;
      durationSec: number;
    })
  | (EventBase & {
      type: 'callback.sent';
      kind: WebhookKind;
      method: 'GET' | 'POST';
      url: string;
      params: Array<[string, string]>;
      status: number | null;
      code?: number | CallrigCode;
    })
  | (EventBase & { type: 'call.updated'; action: 'redirect' | 'twiml' | 'complete' | 'cancel'; url?: string })
  | (EventBase & {
      type: 'error';
      code: number | string;
      name: string;
      severity: Severity;
      message: string;
      where: ErrorWhere;
    })
  | (EventBase & {
      type: 'note';
      note: 'not-simulated' | 'basic-simulation' | 'script' | 'param-ignored';
      path?: string;
      message: string;
    })
  | (EventBase & {
      type: 'call.ended';
      status: CallEndStatus;
      /** CallDuration: whole seconds from answer to end (0 if never answered). */
      durationSec: number;
      hungUpBy: HungUpBy;
      reason: EndReason;
    });

export type TimelineEventType = TimelineEvent['type'];

/** Narrows the union to one event type, e.g. `EventOf<'record.ended'>`. */
export type EventOf<T extends TimelineEventType> = Extract<TimelineEvent, { type: T }>;
