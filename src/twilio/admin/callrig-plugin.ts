import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { TwilioConfigError } from '../accounts/account-store.ts';
import type { AccountConfig, CalleeScript, TwimlAppConfig } from '../accounts/types.ts';
import type { TwilioFakeContext } from '../fake-context.ts';

/** callrig's own JSON error: `{ code, message }` (+ `sdkCode` on connect, `errors` on config). */
interface CallrigErrorBody {
  code: number | string;
  message: string;
  sdkCode?: number;
  errors?: { path: string; message: string }[];
}

/**
 * callrig's own doors: `POST /callrig/v1/connect` (what the Voice SDK does), the per-call
 * debugger log, and the admin API that sets up accounts, Apps and callee scripts.
 */
export const callrigPlugin: FastifyPluginAsync<{ ctx: TwilioFakeContext }> = async (app, { ctx }) => {
  app.setErrorHandler((err: FastifyError | TwilioConfigError, req, reply) => {
    if (err instanceof TwilioConfigError) {
      const body: CallrigErrorBody = { code: err.code, message: err.message, errors: err.problems };
      return reply.code(400).send(body);
    }
    const status =
      err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'twilio fake: internal error');
    const body: CallrigErrorBody = {
      code: status === 500 ? 20500 : 20001,
      message: status === 500 ? 'Internal error' : err.message,
    };
    if (req.url.startsWith('/callrig/v1/connect')) body.sdkCode = status === 500 ? 31005 : 31100;
    return reply.code(status).send(body);
  });

  app.post<{ Body: unknown }>('/callrig/v1/connect', async (req, reply) => {
    const body = req.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return reply.code(400).send({
        code: 20001,
        sdkCode: 31100,
        message: 'Body must be a JSON object { token, params, caller }',
      });
    }
    const { token, params, caller } = body as Record<string, unknown>;
    const outcome = await ctx.connect({
      token,
      params: params as Record<string, unknown> | undefined,
      caller,
    });
    return reply.code(outcome.httpStatus).send(outcome.body);
  });

  app.get<{ Params: { sid: string } }>('/callrig/v1/calls/:sid/debugger', async (req, reply) => {
    const call = ctx.calls.any(req.params.sid);
    if (!call) return reply.code(404).send({ code: 20404, message: `Unknown call ${req.params.sid}` });
    return { callSid: call.sid, status: call.status, entries: ctx.debuggerLog.forCall(call.sid) };
  });

  app.get('/callrig/v1/admin/accounts', async () => ({
    accounts: ctx.accounts.accounts().map(publicAccount),
  }));
  app.post<{ Body: Partial<AccountConfig> }>('/callrig/v1/admin/accounts', async (req, reply) => {
    const input = objectBody(req.body);
    const account = ctx.accounts.addAccount({
      ...input,
      sid: typeof input.sid === 'string' ? input.sid : ctx.options.ids.sid('AC'),
      authToken: typeof input.authToken === 'string' ? input.authToken : ctx.options.ids.hex(32),
    } as AccountConfig);
    // @note Secrets are returned once, at creation (as Twilio does for API key secrets); lists mask them.
    return reply.code(201).send(account);
  });

  app.get('/callrig/v1/admin/apps', async () => ({ apps: ctx.accounts.apps() }));
  app.post<{ Body: Partial<TwimlAppConfig> }>('/callrig/v1/admin/apps', async (req, reply) => {
    const input = objectBody(req.body);
    const appConfig = ctx.accounts.addApp({
      ...input,
      sid: typeof input.sid === 'string' ? input.sid : ctx.options.ids.sid('AP'),
    } as TwimlAppConfig);
    return reply.code(201).send(appConfig);
  });

  app.get('/callrig/v1/admin/callees', async () => ({ callees: ctx.accounts.callees() }));
  app.put<{ Params: { to: string }; Body: CalleeScript }>('/callrig/v1/admin/callees/:to', async (req) => {
    ctx.accounts.setCallee(req.params.to, req.body);
    return { to: req.params.to, callee: ctx.accounts.callee(req.params.to) };
  });
};

function objectBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TwilioConfigError('request body', [{ path: '/', message: 'must be a JSON object' }]);
  }
  return body as Record<string, unknown>;
}

function publicAccount(a: AccountConfig): Record<string, unknown> {
  return {
    sid: a.sid,
    friendlyName: a.friendlyName ?? null,
    apiKeys: (a.apiKeys ?? []).map((k) => ({ sid: k.sid })),
  };
}
