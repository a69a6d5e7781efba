import Fastify, { type FastifyInstance } from 'fastify';
import { loggerOptions, type ServerLogger } from '../shared/logger.ts';
import type { CallbackQueue } from './callback-queue/types.ts';
import type { HelpDeskConfig } from './config.ts';
import { helpDeskPlugin } from './plugin.ts';

/** Optional collaborators for {@link buildHelpDesk}. */
export interface HelpDeskDeps {
  /** Defaults to a SQLite queue at `config.dbPath`, closed with the app. A given queue is not closed. */
  readonly queue?: CallbackQueue;
  readonly logger?: ServerLogger;
  /** Epoch ms for `receivedAt`/`doneAt`; inject a virtual clock in scenarios. */
  readonly now?: () => number;
}

/**
 * Builds the reference help-desk IVR (the brief's TwiML, recording callback, callback queue),
 * not listening.
 *
 * @example
 * const app = buildHelpDesk(loadHelpDeskConfig(process.env));
 * await app.listen({ host: '127.0.0.1', port: 3002 });
 */
export function buildHelpDesk(config: HelpDeskConfig, deps: HelpDeskDeps = {}): FastifyInstance {
  const app = Fastify({ logger: loggerOptions(deps.logger) });
  app.register(helpDeskPlugin, {
    config,
    ...(deps.queue ? { queue: deps.queue } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });
  return app;
}
