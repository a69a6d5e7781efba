/**
 * The composition root's vocabulary: one frozen `Config` describes a whole simulated world
 * (fake Twilio, Catapush, APNs, the iPhone and the servers under test); `Harness` is that world
 * built from it. Plain types only.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../core/clock/clock.ts';
import type { EngineOptions } from '../core/engine/options.ts';
import type { IdSource } from '../core/ids/id-source.ts';
import type { FakeApns } from '../push/apns/fake-apns.ts';
import type { CatapushFake } from '../push/catapush/plugin.ts';
import type { DeviceRules } from '../push/device/context.ts';
import type { SimulatedIphone } from '../push/device/simulated-iphone.ts';
import type { PushTimelineEvent } from '../push/types.ts';
import type { ServerLogger } from '../servers/shared/logger.ts';
import type { TwilioFake } from '../twilio/create-twilio-fake.ts';
import type { WebhookFaultGate } from './webhook-faults.ts';

/** A server under test: callrig's reference implementation, or the user's own at a URL. */
export type ServerChoice =
  /** `variant`: one of `BUILTIN_VARIANTS` for that server (see builtin-variants.ts). */
  | { kind: 'builtin'; variant?: string }
  | { kind: 'url'; url: string; headers: Readonly<Record<string, string>> };

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  appSid: string;
  apiKeySid: string;
  apiKeySecret: string;
  pushCredentialSid: string;
  /** The TwiML App's Voice URL; default `<help desk>/voice`. */
  voiceUrl: string | null;
  voiceMethod: 'GET' | 'POST';
  fallbackUrl: string | null;
  /** The App's status callback; default `<help desk>/status-callback` for the builtin help desk. */
  statusCallback: string | null;
  /** Events the App's status callback subscribes to; `null` = Twilio's default (`completed`). */
  statusCallbackEvents: ReadonlyArray<'initiated' | 'ringing' | 'answered' | 'completed'> | null;
  /** Resolved engine switches ([rig] defaults of shared/fidelity/twilio-voice.md §12). */
  engine: EngineOptions;
  /** Multiplies the webhook client's wall timers (test-only; 1 = Twilio's real 15 s cap). */
  webhookTimeScale: number;
  /**
   * What a webhook exchange costs on the call's clock: `measured` wall time (Twilio's
   * behaviour, §5.1) or `nominal` (0 for an answer, the timer for a time-out: deterministic).
   */
  webhookLatency: 'measured' | 'nominal';
}

export interface DeviceConfig {
  id: string;
  bundleId: string;
  /** Catapush identifier of the user on this phone (also the default token identity). */
  identity: string;
  environment: 'sandbox' | 'production';
  state: 'foreground' | 'background' | 'suspended' | 'terminated';
  iosVersion: number;
  notificationsAllowed: boolean;
  /** What the builtin token server mints: the brief's capability token or an Access Token. */
  tokenKind: 'capability' | 'access';
  catapushMode: 'voip' | 'alert';
  /**
   * Does the app use the Catapush SDK at all? `false`: launching registers PushKit only, no
   * Catapush login or push token (scenario `registerVoip: { catapush: false }`).
   */
  catapushLogin: boolean;
  app: { reportsToCallKit: boolean; onPush: 'call' | 'ignore'; registersPushKit: boolean };
  /** iOS rules (catapush-apns.md §6 `device.*`). */
  rules: DeviceRules;
}

export interface CatapushConfig {
  appId: number;
  appKey: string;
  /** Dashboard token the "backend" (the runner) sends messages with. */
  permanentToken: string;
  password: string;
}

/** Everything a harness is built from. Deep-frozen by `resolveConfig`. */
export interface Config {
  seed: string | number;
  /** Virtual time (default) or wall time. */
  clock: 'virtual' | 'real';
  /** Epoch ms the virtual clock starts at. */
  startEpochMs: number;
  servers: { token: ServerChoice; helpdesk: ServerChoice };
  twilio: TwilioConfig;
  device: DeviceConfig;
  catapush: CatapushConfig;
}

/** What callers pass: any subset, engine options deep-partial. */
export type ConfigInput = {
  [K in keyof Config]?: Config[K] extends object
    ? K extends 'twilio'
      ? Partial<Omit<TwilioConfig, 'engine'>> & {
          engine?: { [G in keyof EngineOptions]?: Partial<EngineOptions[G]> };
        }
      : K extends 'device'
        ? Partial<Omit<DeviceConfig, 'app' | 'rules'>> & {
            app?: Partial<DeviceConfig['app']>;
            rules?: Partial<DeviceRules>;
          }
        : Partial<Config[K]>
    : Config[K];
};

/** Where everything listens once `harness.listen()` resolved. */
export interface HarnessUrls {
  twilio: string;
  catapush: string;
  apns: { sandbox: string; production: string };
  /** Token endpoint (`…/token`) and help-desk origin, builtin or the user's. */
  token: string;
  helpdesk: string;
}

/** A request one of the builtin servers received (recorded by an onResponse hook). */
export interface ReceivedRequest {
  server: 'token' | 'helpdesk';
  method: string;
  path: string;
  params: Record<string, string>;
  status: number;
  at: number;
}

/** Something the harness itself did (the runner's own actions), on the same clock. */
export interface RunnerEvent {
  type: string;
  at: number;
  [field: string]: unknown;
}

/**
 * The built world. Build with `buildHarness`, bind with `listen()`, close with `close()`.
 * The phone exists only after `listen()` (it needs the servers' URLs).
 */
export interface Harness {
  readonly config: Readonly<Config>;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly twilio: TwilioFake;
  readonly apns: FakeApns;
  readonly catapush: CatapushFake;
  /** The builtin reference servers (absent when the scenario points at the user's own). */
  readonly reference: { readonly token?: FastifyInstance; readonly helpdesk?: FastifyInstance };
  readonly faults: WebhookFaultGate;
  /** Requests the builtin servers received, in order. */
  readonly received: readonly ReceivedRequest[];
  /** Events the runner added (token fetched, call connected, message sent, …), in order. */
  readonly events: readonly RunnerEvent[];
  /**
   * Adds a runner event, stamped with the clock's time unless `at` is given. `deviceEventsBefore`
   * places it among device events when it reports an action that started earlier.
   */
  emit(event: Omit<RunnerEvent, 'at'> & { at?: number }, opts?: { deviceEventsBefore?: number }): void;
  /** How many device events existed when a runner event was added (orders same-instant events). */
  deviceEventsBefore(event: RunnerEvent): number;
  /** Throws before `listen()`. */
  readonly phone: SimulatedIphone;
  readonly urls: HarnessUrls;
  /** Binds everything on 127.0.0.1 (port 0 unless `twilioPort` pins the fake Twilio's). */
  listen(opts?: { twilioPort?: number }): Promise<HarnessUrls>;
  /** Waits until Catapush dispatches, APNs deliveries and the phone's handlers have settled. */
  settle(): Promise<void>;
  /** Device events so far (empty before `listen()`). */
  deviceEvents(): readonly PushTimelineEvent[];
  close(): Promise<void>;
}

export interface HarnessDeps {
  config: Readonly<Config>;
  clock: Clock;
  ids: IdSource;
  logger?: ServerLogger;
}
