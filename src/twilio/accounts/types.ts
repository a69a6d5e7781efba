/** Accounts, API keys and TwiML Apps the fake knows (twilio-voice.md §1, §4.3, §7). */

export type HttpMethod = 'GET' | 'POST';

export interface ApiKeyConfig {
  sid: string;
  secret: string;
}

export interface AccountConfig {
  sid: string;
  authToken: string;
  friendlyName?: string;
  apiKeys?: ApiKeyConfig[];
}

export interface TwimlAppConfig {
  sid: string;
  accountSid: string;
  friendlyName?: string;
  voiceUrl: string;
  voiceMethod?: HttpMethod;
  voiceFallbackUrl?: string;
  voiceFallbackMethod?: HttpMethod;
  statusCallback?: string;
  statusCallbackMethod?: HttpMethod;
  /**
   * Which call progress events reach `statusCallback` (default `['completed']`).
   * @note Real Apps have no such field in the console; a callrig addition so SDK calls can be
   * observed like REST calls' `StatusCallbackEvent`.
   */
  statusCallbackEvents?: StatusCallbackEvent[];
}

/** A call progress event a status callback can subscribe to. */
export type StatusCallbackEvent = 'initiated' | 'ringing' | 'answered' | 'completed';

/**
 * How the far end of a REST-created call behaves. `answer` picks up after `afterSec` and stays
 * on the line (silent) until the TwiML ends or `hangupAfterSec` passes.
 */
export type CalleeScript =
  | { outcome: 'answer'; afterSec?: number; hangupAfterSec?: number; caller?: unknown }
  | { outcome: 'busy' | 'no-answer' | 'failed'; afterSec?: number };

/** The config file / admin API payload: everything the fake is told up front. */
export interface TwilioFakeConfig {
  accounts: AccountConfig[];
  apps?: TwimlAppConfig[];
  /** Callee behaviour per `To` number for REST-created calls. */
  callees?: Record<string, CalleeScript>;
}
