import formbody from '@fastify/formbody';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import type { TwilioFakeContext } from '../fake-context.ts';
import { TwilioRestError } from './error-body.ts';
import { checkRestAuth, extensionOf } from './rest-auth-hook.ts';
import { registerCallRoutes } from './routes-calls.ts';
import { registerRecordingRoutes } from './routes-recordings.ts';

const ACCOUNT_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/(.*)$/;

/**
 * The REST API subset under `/2010-04-01` (twilio-voice.md §9), encapsulated with its own error
 * handler so every failure leaves as Twilio's JSON (`code`, `message`, `more_info`, `status`).
 */
export const restPlugin: FastifyPluginAsync<{ ctx: TwilioFakeContext }> = async (app, { ctx }) => {
  await app.register(formbody);

  app.addHook('onRequest', async (req) => {
    const m = ACCOUNT_PATH.exec(req.url.split('?')[0] ?? '');
    if (!m) return;
    const [, accountSid = '', rest = ''] = m;
    // @note Media needs no credentials unless media.requireAuth (Twilio's opt-in, §10).
    const file = /^Recordings\/([^/]+)$/.exec(rest)?.[1];
    const isMedia = req.method === 'GET' && file !== undefined && extensionOf(file) !== '.json';
    if (isMedia && !ctx.options.media.requireAuth) return;
    checkRestAuth(ctx.accounts, req, accountSid);
  });

  app.setErrorHandler((err: FastifyError | TwilioRestError, req, reply) => {
    const e = toTwilioError(err);
    if (e.status === 401) void reply.header('WWW-Authenticate', 'Basic realm="Twilio API"');
    if (e.status >= 500) req.log.error({ err }, 'twilio fake: internal error');
    return reply.code(e.status).type('application/json').send(e.body());
  });

  registerCallRoutes(app, ctx);
  registerRecordingRoutes(app, ctx);
};

/** Any error → a Twilio REST error; never a stack trace on the wire. */
export function toTwilioError(err: FastifyError | TwilioRestError | Error): TwilioRestError {
  if (err instanceof TwilioRestError) return err;
  const status = (err as FastifyError).statusCode;
  if (status === 415) return new TwilioRestError(20001, 415, `Unsupported Content-Type: ${err.message}`);
  if (status !== undefined && status >= 400 && status < 500)
    return new TwilioRestError(20001, status, err.message);
  return new TwilioRestError(20500, 500, 'An internal server error has occurred');
}
