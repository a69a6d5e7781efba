/** Public surface of the reference servers (the user-side code callrig tests against). */
export { buildHelpDesk, type HelpDeskDeps } from './helpdesk/app.ts';
export { createMemoryCallbackQueue } from './helpdesk/callback-queue/memory-queue.ts';
export { MIGRATIONS } from './helpdesk/callback-queue/migrations.ts';
export {
  createSqliteCallbackQueue,
  type SqliteCallbackQueue,
} from './helpdesk/callback-queue/sqlite-queue.ts';
export type { CallbackEntry, CallbackQueue, NewCallback } from './helpdesk/callback-queue/types.ts';
export {
  BRIEF_GREETING,
  BRIEF_NO_MESSAGE,
  type HelpDeskConfig,
  loadHelpDeskConfig,
} from './helpdesk/config.ts';
export { HELPDESK_ERRORS, type HelpDeskErrorCode } from './helpdesk/errors.ts';
export { type HelpDeskPluginOptions, helpDeskPlugin } from './helpdesk/plugin.ts';
export { thankYouDocument, voiceDocument } from './helpdesk/twiml.ts';
export {
  DEV_CREDENTIALS,
  type ReferenceServerOptions,
  type ReferenceServers,
  referenceEnv,
  startReferenceServers,
} from './reference.ts';
export { ConfigError } from './shared/config-error.ts';
export type { ServerLogger } from './shared/logger.ts';
export { buildTokenServer, type TokenServerOptions } from './token/app.ts';
export {
  loadTokenServerConfig,
  MAX_TTL_SECONDS,
  type TokenKind,
  type TokenServerConfig,
} from './token/config.ts';
export { TOKEN_ERRORS, type TokenErrorCode } from './token/errors.ts';
export { mintToken } from './token/mint.ts';
export { type TokenServerPluginOptions, tokenServerPlugin } from './token/plugin.ts';
