import type { FastifyPluginAsync } from 'fastify';
import { resolveIdentity } from './auth.ts';
import type { TokenServerConfig } from './config.ts';
import { sendTokenError } from './errors.ts';
import { mintToken } from './mint.ts';

/** Options of {@link tokenServerPlugin}. */
export interface TokenServerPluginOptions {
  readonly config: TokenServerConfig;
  /** Epoch ms; inject a virtual clock so tokens are valid on the fake Twilio's clock. */
  readonly now?: () => number;
}

/**
 * The token server's routes as an encapsulated Fastify plugin (not wrapped in fastify-plugin:
 * its parsers, error and 404 handlers stay private), so a harness can mount it with a prefix.
 */
export const tokenServerPlugin: FastifyPluginAsync<TokenServerPluginOptions> = async (
  app,
  { config, now },
) => {
  // @note The brief's app POSTs with no body; some clients still send Content-Type: json
  // with an empty body, which Fastify's default parser rejects. Empty means "no identity".
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('bad json'), { statusCode: 400, code: 'TOKEN_BAD_JSON' }), undefined);
    }
  });
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: { code?: string; statusCode?: number }, request, reply) => {
    if (error.code === 'TOKEN_BAD_JSON') return sendTokenError(reply, 'TOKEN_BAD_JSON');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendTokenError(reply, 'TOKEN_UNSUPPORTED_MEDIA_TYPE');
    if (error.statusCode !== undefined && error.statusCode < 500)
      return sendTokenError(reply, 'TOKEN_BAD_REQUEST');
    request.log.error({ err: error }, 'token request failed');
    return sendTokenError(reply, 'TOKEN_INTERNAL');
  });
  app.setNotFoundHandler((_request, reply) => sendTokenError(reply, 'TOKEN_NOT_FOUND'));

  app.post('/token', async (request, reply) => {
    const who = resolveIdentity(config, request);
    if (!who.ok) {
      request.log.info({ code: who.code }, 'token refused');
      if (who.code === 'TOKEN_UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="token"');
      return sendTokenError(reply, who.code);
    }
    const token = mintToken(config, { identity: who.identity, nowMs: now?.() });
    request.log.info({ kind: config.kind, identity: who.identity ?? null }, 'token issued');
    return reply.header('cache-control', 'no-store').send({ twilio: { token } });
  });
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/token',
    handler: async (_request, reply) =>
      sendTokenError(reply.header('allow', 'POST'), 'TOKEN_METHOD_NOT_ALLOWED'),
  });

  app.addHook('onReady', async () => {
    if (config.authMode === 'open') {
      app.log.warn(
        '[callrig] token server is in OPEN mode: anyone who can reach it gets tokens. Set TOKEN_AUTH_MODE=bearer and TOKEN_API_KEYS for production.',
      );
    }
  });
};
