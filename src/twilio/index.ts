/**
 * The fake Twilio's public surface (for src/runtime, the CLI, tests and benchmarks).
 * @note This barrel re-exports intercept.ts, which loads msw (200+ ms). Code on the
 * `callrig run` / `serve` path imports the module it needs directly, never this barrel.
 */
export { AccountStore, TwilioConfigError } from './accounts/account-store.ts';
export { configSchema } from './accounts/config-schema.ts';
export type {
  AccountConfig,
  ApiKeyConfig,
  CalleeScript,
  TwilioFakeConfig,
  TwimlAppConfig,
} from './accounts/types.ts';
export type { CallRecord, CallStatus } from './calls/call-record.ts';
export type { ConnectRequest } from './calls/sdk-connect.ts';
export { createTwilioFake, type TwilioFake } from './create-twilio-fake.ts';
export { type DebuggerEntry, DebuggerLog } from './debugger/debugger-log.ts';
export { type ConnectOutcome, createFakeContext, type TwilioFakeContext } from './fake-context.ts';
export { FakeTwilioHttpClient, type InterceptOptions, interceptTwilio, TWILIO_API_URL } from './intercept.ts';
export { resolveTwilioOptions, type TwilioFakeOptions } from './options.ts';
export { type TwilioPluginOptions, twilioPlugin } from './plugin.ts';
export {
  MP3_FRAME_BYTES,
  MP3_FRAME_HEADER,
  MP3_SAMPLE_RATE,
  MP3_SAMPLES_PER_FRAME,
  mp3Bytes,
} from './recordings/mp3.ts';
export type { RecordingRecord } from './recordings/recording-store.ts';
export { type AudioSource, readWavInfo, wavBytes } from './recordings/wav.ts';
export { TwilioRestError } from './rest/error-body.ts';
export { type AcceptedToken, checkToken, type RefusedToken } from './tokens/verify-token.ts';
export { computeSignature, formEncode, signedUrl } from './webhooks/signature.ts';
export { createWebhookClient, type WebhookClientDeps } from './webhooks/webhook-client.ts';
