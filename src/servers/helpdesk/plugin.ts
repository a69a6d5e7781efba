import formbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin-routes.ts';
import { createSqliteCallbackQueue } from './callback-queue/sqlite-queue.ts';
import type { CallbackQueue } from './callback-queue/types.ts';
import type { HelpDeskConfig } from './config.ts';
import { sendHelpDeskError } from './errors.ts';
import { twilioRoutes } from './twilio-routes.ts';

/** Options of {@link helpDeskPlugin}. */
export interface HelpDeskPluginOptions {
  readonly config: HelpDeskConfig;
  /** Defaults to a SQLite queue at `config.dbPath`, closed with the app. A given queue is not closed. */
  readonly queue?: CallbackQueue;
  /** Epoch ms for `receivedAt`/`doneAt`; inject a virtual clock in scenarios. */
  readonly now?: () => number;
}

/**
 * The help desk's routes as an encapsulated Fastify plugin (not wrapped in fastify-plugin:
 * its parsers, error and 404 handlers stay private), so a harness can mount it with a prefix.
 * @note Mounted under a prefix, set `publicBaseUrl` to the origin: signatures are checked
 * over base + the full request path, prefix included.
 */
export const helpDeskPlugin: FastifyPluginAsync<HelpDeskPluginOptions> = async (app, options) => {
  const { config } = options;
  const queue = options.queue ?? createSqliteCallbackQueue(config.dbPath);
  const now = options.now ?? Date.now;
  if (!options.queue) app.addHook('onClose', async () => queue.close());

  // @note formbody uses querystring.parse, which turns repeated keys into arrays; the
  // signature check needs every value (fidelity §6.1 step 4).
  // @note Twilio only sends forms, and the staff routes take no body: anything else is a 415.
  app.removeAllContentTypeParsers();
  app.register(formbody);
  app.register(twilioRoutes, { config, queue, now });
  app.register(adminRoutes, { queue, now });

  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendHelpDeskError(reply, 'HELPDESK_UNSUPPORTED_MEDIA_TYPE');
    if (error.statusCode !== undefined && error.statusCode < 500)
      return sendHelpDeskError(reply, 'HELPDESK_BAD_REQUEST');
    request.log.error({ err: error }, 'help desk request failed');
    return sendHelpDeskError(reply, 'HELPDESK_INTERNAL');
  });
  app.setNotFoundHandler((_request, reply) => sendHelpDeskError(reply, 'HELPDESK_NOT_FOUND'));

  app.addHook('onReady', async () => {
    if (!config.validateSignatures) {
      app.log.warn(
        '[callrig] help desk is NOT validating X-Twilio-Signature: anyone can post fake callbacks. Remove HELPDESK_VALIDATE_SIGNATURES=false outside local experiments.',
      );
    }
  });
};
