/** The call engine's public surface. */

export { resumeCall, startCall } from './call-engine.ts';
export type { CallState } from './call-state.ts';
export {
  DEFAULT_ENGINE_OPTIONS,
  describeEngineOptions,
  type EngineOptions,
  type EngineOptionsInput,
  resolveEngineOptions,
} from './options.ts';
export { rfc2822 } from './params.ts';
export type {
  WebhookHttpResponse,
  WebhookKind,
  WebhookPort,
  WebhookRequest,
  WebhookResult,
  WebhookTransportFailure,
} from './ports.ts';
export { runCall } from './run-call.ts';
export type * from './timeline.ts';
export type * from './types.ts';
