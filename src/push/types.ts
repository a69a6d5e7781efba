/**
 * Shared types of the push side (fake APNs, fake Catapush, simulated iPhone).
 * Timeline events are plain data stamped with the injected clock's time, so the scenario runner can
 * merge them with the call engine's timeline.
 */

/** APNs environment: separate listeners and separate token spaces (catapush-apns.md §2.1). */
export type ApnsEnvironment = 'sandbox' | 'production';

/** Which token kind a device holds: a remote-notification token or a PushKit VoIP token. */
export type PushTokenKind = 'apns' | 'voip';

/** Catapush's per-app delivery mode (catapush-apns.md §1.2). */
export type CatapushDeliveryMode = 'voip' | 'alert';

/** iOS app lifecycle states the simulation distinguishes (§3.1). */
export type AppState = 'foreground' | 'background' | 'suspended' | 'terminated';

/** A push as handed from the fake APNs to a simulated device. */
export interface DeliveredPush {
  apnsId: string;
  topic: string;
  pushType: string;
  priority: number;
  environment: ApnsEnvironment;
  token: string;
  payload: Record<string, unknown>;
  /** Clock time of delivery. */
  at: number;
}

/** One event on the device's timeline. */
export type PushTimelineEvent =
  | { type: 'app.installed'; at: number; device: string; bundleId: string }
  | { type: 'app.launched'; at: number; device: string; reason: 'user' | 'voip-push'; state: AppState }
  | { type: 'app.state'; at: number; device: string; from: AppState; to: AppState }
  | { type: 'app.killed'; at: number; device: string; code: 'CALLRIG_CALLKIT_NOT_REPORTED'; message: string }
  | { type: 'pushkit.registered'; at: number; device: string; token: string }
  | { type: 'pushkit.token-invalidated'; at: number; device: string; token: string }
  | { type: 'pushkit.token-updated'; at: number; device: string; token: string }
  | {
      type: 'push.received';
      at: number;
      device: string;
      apnsId: string;
      pushType: string;
      topic: string;
      appState: AppState;
      catapushId?: string;
      twilioCallSid?: string;
    }
  | {
      type: 'push.dropped';
      at: number;
      device: string;
      apnsId: string;
      code: 'CALLRIG_VOIP_DELIVERY_STOPPED';
      message: string;
    }
  | {
      type: 'callkit.reported';
      at: number;
      device: string;
      apnsId: string;
      via: 'callkit' | 'livecommunicationkit';
    }
  | { type: 'pushkit.completion'; at: number; device: string; apnsId: string }
  | { type: 'voip.strike'; at: number; device: string; strikes: number; blocked: boolean }
  | {
      type: 'notification.shown';
      at: number;
      device: string;
      apnsId: string;
      text: string;
      via: 'nse' | 'raw';
    }
  | {
      type: 'nse.ran';
      at: number;
      device: string;
      apnsId: string;
      outcome: 'rewritten' | 'overran' | 'failed';
    }
  | {
      type: 'catapush.registered';
      at: number;
      device: string;
      identifier: string;
      tokenKind: PushTokenKind;
      token: string;
    }
  | { type: 'catapush.acked'; at: number; device: string; messageId: string }
  | { type: 'catapush.read'; at: number; device: string; messageId: string }
  | {
      type: 'catapush.error';
      at: number;
      device: string;
      operation: string;
      sdkCode: number;
      message: string;
    }
  | {
      type: 'token.fetched';
      at: number;
      device: string;
      url: string;
      tokenKind: 'access' | 'capability' | 'unknown';
    }
  | { type: 'token.failed'; at: number; device: string; url: string; code: TokenFetchCode; message: string }
  | { type: 'call.connecting'; at: number; device: string; params: Record<string, string> }
  | { type: 'call.connected'; at: number; device: string; callSid: string; status: string }
  | { type: 'call.failed'; at: number; device: string; code: number; sdkCode: number; message: string }
  | { type: 'twilio.registered'; at: number; device: string; identity: string }
  | {
      type: 'twilio.register-failed';
      at: number;
      device: string;
      code: number;
      sdkCode: number;
      message: string;
    }
  | { type: 'twilio.call-invite'; at: number; device: string; callSid: string; from: string; to: string }
  | { type: 'warning'; at: number; device: string; message: string };

/** The brief's token-fetch failure branches, as named callrig codes. */
export type TokenFetchCode =
  | 'CALLRIG_TOKEN_FETCH_FAILED'
  | 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO'
  | 'CALLRIG_TOKEN_RESPONSE_NO_TOKEN';
