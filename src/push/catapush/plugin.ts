import formbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import { CatapushHttpError, CatapushSdkError, catapushErrorBody } from './error-body.ts';
import type { CatapushOptions } from './options.ts';
import { registerApiRoutes } from './routes-api.ts';
import { registerDeviceRoutes } from './routes-device.ts';
import { CatapushRuntime } from './runtime.ts';

export interface CatapushPluginOptions {
  runtime: CatapushRuntime;
}

/**
 * The fake Catapush as an encapsulated Fastify plugin (not wrapped in fastify-plugin): its routes,
 * form parser and error handler stay private, so it renders Catapush's JSON errors and nobody else's.
 */
export const catapushPlugin: FastifyPluginAsync<CatapushPluginOptions> = async (app, { runtime }) => {
  await app.register(formbody);
  // @note An empty body with Content-Type: application/json (common on DELETE) is "no body", not a
  // Fastify 400; a malformed one becomes Catapush's 400.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, text, done) => {
    if (String(text).trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(String(text)));
    } catch (e) {
      done(new CatapushHttpError(400, `body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
  app.setErrorHandler((err: FastifyError | Error, _req, reply) => {
    if (err instanceof CatapushSdkError)
      return reply.code(err.status).send({ sdkCode: err.sdkCode, message: err.message });
    if (err instanceof CatapushHttpError) {
      if (err.status === 401) reply.header('www-authenticate', 'Bearer');
      return reply
        .code(err.status)
        .send(err.rawBody ?? catapushErrorBody(err.status, err.detail, err.errors));
    }
    const code = 'code' in err ? err.code : undefined;
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send(catapushErrorBody(415, 'unsupported Content-Type'));
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send(catapushErrorBody(413, 'body too large'));
    const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 400)
      return reply.code(400).send(catapushErrorBody(400, `body is not valid JSON: ${err.message}`));
    return reply.code(status).send(catapushErrorBody(status, err.message));
  });
  app.addHook('onRequest', async () => {
    runtime.sweepExpired();
  });
  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send(catapushErrorBody(404, `no route ${req.method} ${req.url}`)),
  );
  registerApiRoutes(app, runtime);
  registerDeviceRoutes(app, runtime);
};

/** A standalone fake Catapush (Fastify over HTTP/1.1), built but not listening. */
export interface CatapushFake {
  app: FastifyInstance;
  runtime: CatapushRuntime;
  /** Listens on 127.0.0.1 (port 0 by default) and returns the origin. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the fake Catapush.
 * @example
 * const cp = buildCatapushFake({ clock, ids, accounts, apns: { urls: apns.urls, ca: apns.certPem, keyId, teamId, privateKey } });
 * const origin = await cp.listen();
 */
export function buildCatapushFake(opts: CatapushOptions & { logger?: boolean }): CatapushFake {
  const runtime = new CatapushRuntime(opts);
  const app = Fastify({ logger: opts.logger ?? false });
  app.register(catapushPlugin, { runtime });
  return {
    app,
    runtime,
    async listen(port = 0) {
      return app.listen({ port, host: '127.0.0.1' });
    },
    async close() {
      // @note No idle() here: with a real clock a failing webhook retries for minutes.
      runtime.close();
      await app.close();
    },
  };
}
