import type { Clock } from '../../core/clock/clock.ts';
import type { AppState, PushTimelineEvent } from '../types.ts';
import type { CallKitReport } from './callkit-rule.ts';
import type { CatapushDeviceClient } from './catapush-client.ts';
import type { TwilioConnectPort } from './twilio-connect.ts';

/** What the app does when it is asked to place the help-desk call (the brief's flow). */
export interface PlaceCallBehaviour {
  /** JSON body of `POST /token` (the brief sends none; `{}` by default). */
  tokenRequestBody?: Record<string, unknown>;
  /** Extra headers, e.g. `authorization` for a token server in bearer mode. */
  tokenRequestHeaders?: Record<string, string>;
  /** Custom connect params. */
  params?: Record<string, string>;
  /** Caller script for the fake Twilio's engine. */
  caller?: unknown;
}

/** The app's scripted behaviour (catapush-apns.md §3.1: "app behaviour is a script"). */
export interface AppBehaviour {
  /** Create the PKPushRegistry on every launch, background launches included (default true). */
  registerPushKitOnLaunch?: boolean;
  voipPush?: {
    /** Default `callkit`. */
    report?: CallKitReport;
    reportDelayMs?: number;
    /** The SDK acks a Catapush message it took in (default true). */
    ackCatapush?: boolean;
    /** After reporting, fetch a token and place the help-desk call (default: don't). */
    placeCall?: PlaceCallBehaviour | false;
  };
  alertPush?: {
    /** A Catapush notification service extension is installed (default true). */
    nse?: boolean;
    /** How long the NSE works on a push (default 0). */
    nseDurationMs?: number;
  };
  /** Re-register with Catapush when PushKit hands a new token (default true). */
  reRegisterOnRotation?: boolean;
}

/** Settings of iOS's rules on the simulated device (§6 `device.*`). */
export interface DeviceRules {
  callKitReportDeadlineMs: number;
  voipStrikeLimit: number;
  voipStrikeMode: 'consecutive' | 'total';
  nseBudgetMs: number;
}

/** The mutable device internals the push handlers work on. */
export interface PhoneContext {
  readonly id: string;
  readonly clock: Clock;
  readonly behaviour: AppBehaviour;
  readonly rules: DeviceRules;
  readonly linkedSdk: number;
  readonly iosVersion: number;
  readonly notificationsAllowed: boolean;
  readonly tokenServerUrl: string | null;
  readonly twilio: TwilioConnectPort | null;
  readonly catapush: CatapushDeviceClient | null;
  state: AppState;
  /** Incremented on every launch; work from a killed process checks it and stops. */
  generation: number;
  pushKitRegistered: boolean;
  voipStrikes: number;
  voipLaunchBlocked: boolean;
  emit(e: PushTimelineEvent): void;
  launchInBackground(): Promise<void>;
  kill(why: string): Promise<void>;
}
