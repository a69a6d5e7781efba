import type { CallrigCode } from '../errors/callrig-codes.ts';

/**
 * The engine's only door to the outside world: a webhook port. The fake Twilio implements it
 * with a signing HTTP client; tests and benchmarks implement it in memory. Requests and
 * responses are plain data (the MSW/Prism shape), so the engine never sees a socket.
 */

/** What a request is for decides how its failure is judged (TwiML ladder vs 15003 warning). */
export type WebhookKind =
  | 'voice' // first Voice URL fetch of a call
  | 'action' // Record/Gather/Dial action
  | 'redirect' // <Redirect>
  | 'fallback' // fallback URL after a fatal error
  | 'hangup-action' // Record action after the caller hung up: response read, never executed
  | 'status-callback' // call status callback
  | 'recording-status-callback'
  | 'transcription-callback'
  | 'media'; // <Play> media fetch (GET, no parameters)

export interface WebhookRequest {
  kind: WebhookKind;
  method: 'GET' | 'POST';
  /** Absolute URL as resolved by the engine, fragment (timer overrides) included. */
  url: string;
  /** Form parameters in send order (sorted by name); repeated names allowed. */
  params: ReadonlyArray<readonly [string, string]>;
  /** The call this request belongs to, for logs and the debugger. */
  callSid: string;
}

/** A completed HTTP exchange, before Twilio's classification (§2.1 of twilio-voice.md). */
export interface WebhookHttpResponse {
  ok: true;
  status: number;
  /** The Content-Type header as received, or null when the server sent none. */
  contentType: string | null;
  body: string;
  /** Body length in bytes as received (the 64 kB rule counts bytes). */
  bodyBytes: number;
  /** Was the response chunked (for 11770, empty chunked body)? */
  chunked?: boolean;
  /** Wall (or virtual) milliseconds the exchange took; the engine advances its clock by it. */
  elapsedMs: number;
  /** The URL that finally answered, after HTTP redirects. */
  finalUrl?: string;
}

/**
 * A transport failure the port already mapped to Twilio's code (11200, 11205, 11215, ...), or
 * to a callrig code when callrig itself refused the request (CALLRIG_HOST_NOT_ALLOWED).
 */
export interface WebhookTransportFailure {
  ok: false;
  code: number | CallrigCode;
  message: string;
  elapsedMs: number;
}

export type WebhookResult = WebhookHttpResponse | WebhookTransportFailure;

/** The port itself. It must never reject: failures come back as `ok: false`. */
export type WebhookPort = (req: WebhookRequest) => Promise<WebhookResult>;
