/**
 * The typed TwiML model the parser produces and the engine executes. Attribute values are
 * already validated and defaulted (a bad value became a diagnostic and took its default, as
 * shared/fidelity/twilio-voice.md §2.2 prescribes), so the engine never re-checks them.
 */
import type { Diagnostic } from '../errors/diagnostic.ts';

export interface SourcePos {
  line: number;
  column: number;
}

interface VerbBase {
  pos: SourcePos;
  /** e.g. `Response/Gather[2]/Say[1]` — stable, used in timeline events and diagnostics. */
  path: string;
}

export type HttpMethod = 'GET' | 'POST';

export interface SayVerb extends VerbBase {
  verb: 'Say';
  /** Text with SSML markup stripped, whitespace collapsed. */
  text: string;
  voice: string;
  language: string;
  /** 0 = until hang-up (bounded at 1000 by the engine). */
  loop: number;
}

export interface PlayVerb extends VerbBase {
  verb: 'Play';
  /** Media URL as written (may be relative); absent when only `digits` is given. */
  url?: string;
  loop: number;
  digits?: string;
}

export interface PauseVerb extends VerbBase {
  verb: 'Pause';
  length: number;
}

export interface RecordVerb extends VerbBase {
  verb: 'Record';
  /** As written; the engine resolves it (default: the current document URL). */
  action?: string;
  method: HttpMethod;
  timeout: number;
  finishOnKey: string;
  maxLength: number;
  playBeep: boolean;
  trim: 'trim-silence' | 'do-not-trim';
  recordingStatusCallback?: string;
  recordingStatusCallbackMethod: HttpMethod;
  recordingStatusCallbackEvent: Array<'in-progress' | 'completed' | 'absent'>;
  transcribe: boolean;
  transcribeCallback?: string;
}

export type GatherPrompt = SayVerb | PlayVerb | PauseVerb;

export interface GatherVerb extends VerbBase {
  verb: 'Gather';
  action?: string;
  method: HttpMethod;
  input: Array<'dtmf' | 'speech'>;
  timeout: number;
  /** A single key, or '' (every key is input). */
  finishOnKey: string;
  /** Undefined = unlimited. */
  numDigits?: number;
  actionOnEmptyResult: boolean;
  speechTimeout: number | 'auto';
  language: string;
  hints?: string;
  children: GatherPrompt[];
}

export type DialNoun =
  | { noun: 'Number'; number: string; url?: string; statusCallback?: string; sendDigits?: string }
  | {
      noun: 'Client';
      identity: string;
      url?: string;
      statusCallback?: string;
      params: Record<string, string>;
    }
  | { noun: 'Sip'; uri: string }
  | { noun: 'Conference'; name: string }
  | { noun: 'Queue'; name: string }
  | { noun: 'Unsimulated'; name: string };

export interface DialVerb extends VerbBase {
  verb: 'Dial';
  action?: string;
  method: HttpMethod;
  timeout: number;
  timeLimit: number;
  callerId?: string;
  hangupOnStar: boolean;
  answerOnBridge: boolean;
  record: string;
  nouns: DialNoun[];
}

export interface HangupVerb extends VerbBase {
  verb: 'Hangup';
}

export interface RedirectVerb extends VerbBase {
  verb: 'Redirect';
  url: string;
  method: HttpMethod;
}

export interface RejectVerb extends VerbBase {
  verb: 'Reject';
  reason: 'rejected' | 'busy';
}

export interface EnqueueVerb extends VerbBase {
  verb: 'Enqueue';
  name: string;
  action?: string;
  method: HttpMethod;
  waitUrl?: string;
}

export interface LeaveVerb extends VerbBase {
  verb: 'Leave';
}

/** A verb Twilio accepts that callrig parses but does not simulate (Start, Pay, Connect, ...). */
export interface UnsimulatedVerb extends VerbBase {
  verb: 'Unsimulated';
  name: string;
}

export type Verb =
  | SayVerb
  | PlayVerb
  | PauseVerb
  | RecordVerb
  | GatherVerb
  | DialVerb
  | HangupVerb
  | RedirectVerb
  | RejectVerb
  | EnqueueVerb
  | LeaveVerb
  | UnsimulatedVerb;

export interface TwimlDocument {
  verbs: Verb[];
}

/** What parsing returns: a document unless an ERROR-level diagnostic made it unusable. */
export interface ParseResult {
  document: TwimlDocument | null;
  diagnostics: Diagnostic[];
}
