import type { CallerScript, CallerStep } from '../core/caller/caller-script.ts';
import type { EngineOptionsInput } from '../core/engine/options.ts';
import type { CalleeOutcome } from '../core/engine/types.ts';

/**
 * The scenario language as TypeScript types. They mirror `schema/scenario.schema.json`
 * one to one: the schema is what files are checked against, these types are what the
 * runner, assertions and reporters read. Everything here is plain data.
 */

/** Seconds as a number (`12`, `0.5`) or a string with a unit: `500ms`, `30s`, `2m`, `1m30s`, `1h`. */
export type Duration = number | string;

/** A server under test: the reference server callrig starts itself, or the user's own at a URL. */
export type ServerRef =
  | 'builtin'
  | { builtin: { variant?: string; [option: string]: unknown } }
  | { url: string; headers?: Record<string, string> };

export interface FidelityRef {
  /** The note the scenario relies on, e.g. `shared/fidelity/twilio-voice.md §3.4`. */
  source: string;
  /** `YYYY-MM-DD`: when the fact was last checked against the real service. */
  lastChecked?: string;
  note?: string;
}

export interface TwilioSpec {
  accountSid?: string;
  authToken?: string;
  appSid?: string;
  voiceUrl?: string;
  voiceMethod?: 'GET' | 'POST';
  fallbackUrl?: string;
  statusCallback?: string;
  statusCallbackEvents?: string[];
  /** Engine switches (`record.silentRecording`, ...), passed to the core verbatim. */
  engine?: EngineOptionsInput;
}

export interface DeviceSpec {
  bundleId?: string;
  identity?: string;
  state?: 'foreground' | 'background' | 'suspended' | 'terminated';
  environment?: 'sandbox' | 'production';
  iosVersion?: number | string;
  notificationsAllowed?: boolean;
  tokenKind?: 'capability' | 'access';
  catapush?: { mode: 'voip' | 'alert' };
  app?: {
    /** Does the app report every VoIP push to CallKit (iOS 13+ rule)? */
    reportsToCallKit?: boolean;
    /** What the app does with a push: start/report a call, or nothing. */
    onPush?: 'call' | 'ignore';
    /** Does the app register with PushKit on every launch? */
    registersPushKit?: boolean;
  };
}

// ---- caller script: the core's own type, carried verbatim ----

export type { CalleeOutcome, CallerScript, CallerStep };

// ---- steps: a discriminated union keyed by the single step name ----

/** `ok`, a named error code (`CALLRIG_TOKEN_RESPONSE_NO_TWILIO`, `TOKEN_UNAUTHENTICATED`), or an HTTP status. */
export type TokenOutcome = 'ok' | string | { status: number; code?: string };

export interface RegisterVoipStep {
  registerVoip: true | { catapush?: boolean; twilio?: boolean };
}
export interface CatapushMessageStep {
  catapushMessage: { text: string; recipient?: string; expect?: 'ok' | string };
}
export interface FetchTokenStep {
  fetchToken: true | { identity?: string; expect?: TokenOutcome };
}
export interface MintTokenStep {
  mintToken: {
    kind?: 'capability' | 'access';
    identity?: string;
    expired?: boolean;
    wrongApp?: boolean;
    tamper?: boolean;
    ttl?: Duration;
    incoming?: boolean;
  };
}
export interface CallStep {
  call: {
    to?: string;
    caller?: CallerScript;
    params?: Record<string, string | number | boolean>;
    /** `connected` or the Twilio error code the call must fail with. */
    expect?: 'connected' | number;
  };
}
export interface RestCallbackStep {
  restCallback: {
    to?: string;
    from?: string;
    url?: string;
    /** Does the called person answer (default `{answer: {}}`)? */
    callee?: CalleeOutcome;
    /** What the called person does once connected. */
    caller?: CallerScript;
    expect?: 'ok' | number;
  };
}
export interface AdvanceStep {
  advance: Duration;
}

export type WebhookFaultKind = 'down' | 'status' | 'invalid-twiml' | 'json' | 'slow' | 'empty';
export interface WebhookFaultStep {
  webhookFault:
    | WebhookFaultKind
    | {
        kind: WebhookFaultKind;
        status?: number;
        delay?: Duration;
        body?: string;
        on?: 'voice' | 'action' | 'fallback' | 'any';
        times?: number;
      };
}

export type ScenarioStep =
  | RegisterVoipStep
  | CatapushMessageStep
  | FetchTokenStep
  | MintTokenStep
  | CallStep
  | RestCallbackStep
  | AdvanceStep
  | WebhookFaultStep;

/** Every step name, in schema order. */
export type StepName =
  | 'registerVoip'
  | 'catapushMessage'
  | 'fetchToken'
  | 'mintToken'
  | 'call'
  | 'restCallback'
  | 'advance'
  | 'webhookFault';

// ---- expectations ----

/**
 * A value matcher: a literal (strings and numbers compare loosely, so `12` matches `"12"`),
 * `{regex, flags?}`, `{range: [min, max]}` (inclusive), `{oneOf: [...]}`, `{absent: true|false}`,
 * or a plain object matched field by field.
 */
export type Matcher =
  | string
  | number
  | boolean
  | null
  | { regex: string; flags?: string }
  | { range: [number, number] }
  | { oneOf: Matcher[] }
  | { absent: boolean }
  | Matcher[]
  | { [field: string]: Matcher };

/** One expected timeline event: `type` plus field matchers; `t` matches the offset (ms) from the scenario's first event. */
export interface EventExpectation {
  type: Matcher;
  [field: string]: Matcher;
}

export interface RequestExpectation {
  path: Matcher;
  method?: Matcher;
  server?: Matcher;
  status?: Matcher;
  params?: Record<string, Matcher>;
  /** Exact number of matching requests (or a matcher); default: at least one. */
  count?: number | Matcher;
}

export interface ItemsExpectation {
  count?: number | Matcher;
  /** Each item must match a distinct observed entry, in order. */
  items?: Record<string, Matcher>[];
}

export interface ErrorExpectation {
  code: number | string;
  severity?: 'error' | 'warning';
  count?: number;
}

export interface Expectation {
  timeline?: EventExpectation[];
  requests?: RequestExpectation[];
  callbacks?: ItemsExpectation;
  errors?: (number | string | ErrorExpectation)[];
  /** Fail on observed error-severity codes not listed in `errors` (default true). */
  noOtherErrors?: boolean;
  /** Also fail on unlisted warnings (default false). */
  noOtherWarnings?: boolean;
  recordings?: ItemsExpectation;
}

export interface Scenario {
  name: string;
  /** One line: what happens and why it matters. */
  story: string;
  tags?: string[];
  seed?: string | number;
  /** Wall-time budget (default decided by the runner). */
  timeout?: Duration;
  fidelity?: FidelityRef[];
  servers?: { token?: ServerRef; helpdesk?: ServerRef };
  twilio?: TwilioSpec;
  device?: DeviceSpec;
  steps: ScenarioStep[];
  expect?: Expectation;
}

/** A scenario read from disk, with the file it came from. */
export interface LoadedScenario {
  file: string;
  scenario: Scenario;
}

// ---- observations and results ----

/**
 * One timeline event, structural so both the core's `TimelineEvent` and the push side's
 * `PushTimelineEvent` fit. `at` is the virtual clock (epoch ms) and orders everything; `t`, when the
 * core sets it, counts from the start of that call (assertions and snapshots use `at`).
 */
export interface TimelineEventLike {
  type: string;
  at: number;
  t?: number;
  [field: string]: unknown;
}

export interface ObservedRequest {
  /** Which user server got it: `helpdesk`, `token`, ... */
  server?: string;
  method: string;
  path: string;
  url?: string;
  params?: Record<string, string> | ReadonlyArray<readonly [string, string]>;
  status?: number;
  at?: number;
}

export type ObservedCallback = Record<string, unknown>;

export interface ObservedError {
  code: number | string;
  severity?: 'error' | 'warning';
  message?: string;
  where?: string;
  at?: number;
}

export interface ObservedRecording {
  sid: string;
  callSid?: string;
  duration?: number;
  status?: string;
  mediaUrl?: string;
  /** The audio itself as a `data:` URI, when the run embedded it (`embedMedia`). */
  mediaDataUri?: string;
  [field: string]: unknown;
}

/** What the runner saw; the input of `checkExpectations`. */
export interface Observed {
  timeline: TimelineEventLike[];
  requests: ObservedRequest[];
  callbacks: ObservedCallback[];
  errors: ObservedError[];
  recordings: ObservedRecording[];
}

export interface Failure {
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** Where in the scenario: `expect.timeline[2]`, `steps[3].call`, or file:line. */
  where?: string;
}

export type ScenarioStatus = 'passed' | 'failed' | 'error' | 'timeout';

export interface SnapshotOutcome {
  status: 'matched' | 'written' | 'updated' | 'mismatch' | 'skipped';
  file?: string;
  diff?: string;
}

export interface ScenarioResult {
  name: string;
  file: string;
  status: ScenarioStatus;
  story?: string;
  tags?: string[];
  /** Wall-clock duration. */
  durationMs: number;
  /** Virtual time the scenario covered. */
  simulatedMs: number;
  timeline: TimelineEventLike[];
  failures: Failure[];
  requests: ObservedRequest[];
  callbacks: ObservedCallback[];
  recordings: ObservedRecording[];
  errors?: ObservedError[];
  /** Effective configuration (defaults included), flattened or nested, for printing. */
  config?: Record<string, unknown>;
  snapshot?: SnapshotOutcome;
}

export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  timedOut: number;
  durationMs: number;
  simulatedMs: number;
  results: ScenarioResult[];
  /** ISO start time, when the caller wants it in reports (left out for reproducible output). */
  startedAt?: string;
}
