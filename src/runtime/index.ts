/** The composition root's public surface (used by the runner, the CLI and tests). */
export { buildHarness } from './build-harness.ts';
export {
  BEARER_SECRET,
  BUILTIN_VARIANTS,
  type BuiltinVariant,
  type HelpDeskVariant,
  type TokenVariant,
  variantNames,
} from './builtin-variants.ts';
export { CONFIG_SCHEMA } from './config-schema.ts';
export { DEFAULT_CONFIG } from './defaults.ts';
export { appBehaviour } from './push-wiring.ts';
export { RUNNER_HEADER, tokenRequestHeaders } from './reference-servers.ts';
export { ConfigInvalidError, deepFreeze, resolveConfig } from './resolve-config.ts';
export type * from './types.ts';
export { createWebhookFaultGate, type WebhookFault, type WebhookFaultGate } from './webhook-faults.ts';
