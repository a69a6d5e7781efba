import type { FastifyPluginAsync } from 'fastify';
import { callrigPlugin } from './admin/callrig-plugin.ts';
import type { TwilioFakeContext } from './fake-context.ts';
import { TwilioRestError } from './rest/error-body.ts';
import { restPlugin } from './rest/rest-plugin.ts';
import { allowedMethods } from './rest/route-table.ts';

export interface TwilioPluginOptions {
  /** The fake's state, from `createFakeContext` (or `createTwilioFake(...).context`). */
  ctx: TwilioFakeContext;
}

/**
 * The fake Twilio as one Fastify plugin: REST API subset, recording media, connect endpoint,
 * debugger and admin API. @note Deliberately not wrapped in fastify-plugin: its routes, hooks and
 * error handlers stay private, so each sibling fake renders its own service's error bodies.
 * Register it at the root (no prefix): the twilio client addresses `/2010-04-01/...` absolutely.
 */
export const twilioPlugin: FastifyPluginAsync<TwilioPluginOptions> = async (app, { ctx }) => {
  await app.register(restPlugin, { ctx });
  await app.register(callrigPlugin, { ctx });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    const methods = allowedMethods(path);
    const err = methods
      ? new TwilioRestError(20004, 405, `Method ${req.method} not allowed on ${path}`)
      : new TwilioRestError(20404, 404, `The requested resource ${path} was not found`);
    if (methods) void reply.header('Allow', methods.join(', '));
    return reply.code(err.status).type('application/json').send(err.body());
  });
};
