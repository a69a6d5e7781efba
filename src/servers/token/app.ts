import Fastify, { type FastifyInstance } from 'fastify';
import { loggerOptions, type ServerLogger } from '../shared/logger.ts';
import type { TokenServerConfig } from './config.ts';
import { tokenServerPlugin } from './plugin.ts';

/** Options for {@link buildTokenServer}. */
export interface TokenServerOptions {
  /** Log destination and level; silent when omitted. Secrets are redacted either way. */
  readonly logger?: ServerLogger;
  /** Epoch ms; inject a virtual clock so tokens are valid on the fake Twilio's clock. */
  readonly now?: () => number;
}

/**
 * Builds the token server (`POST /token` → `{"twilio":{"token":"<jwt>"}}`), not listening.
 *
 * @example
 * const app = buildTokenServer(loadTokenServerConfig(process.env));
 * await app.listen({ host: '127.0.0.1', port: 3001 });
 */
export function buildTokenServer(config: TokenServerConfig, opts: TokenServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: loggerOptions(opts.logger) });
  app.register(tokenServerPlugin, { config, ...(opts.now ? { now: opts.now } : {}) });
  return app;
}
