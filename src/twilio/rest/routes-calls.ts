import type { FastifyInstance } from 'fastify';
import { FINISHED } from '../calls/call-record.ts';
import { cancelQueuedCall } from '../calls/call-service.ts';
import type { TwilioFakeContext } from '../fake-context.ts';
import { callJson } from './call-json.ts';
import { type FormBody, one } from './create-call.ts';
import { badParam, notFound } from './error-body.ts';
import { page } from './paging.ts';
import { type AccountParams, accountFrom, type ListQuery, resourceSid } from './rest-auth-hook.ts';

const base = '/2010-04-01/Accounts/:AccountSid';

/** Calls: create, list, fetch, update, delete (twilio-voice.md §9.2). */
export function registerCallRoutes(app: FastifyInstance, ctx: TwilioFakeContext): void {
  app.post<{ Params: AccountParams; Body: FormBody }>(`${base}/Calls.json`, async (req, reply) => {
    const account = accountFrom(req);
    const call = ctx.createCall(account, req.body ?? {});
    return reply.code(201).send(callJson(call));
  });

  app.get<{ Params: AccountParams; Querystring: ListQuery }>(`${base}/Calls.json`, async (req) => {
    const account = accountFrom(req);
    const q = req.query;
    const calls = ctx.calls.list({
      accountSid: account.sid,
      to: q.To,
      from: q.From,
      status: q.Status,
      parentCallSid: q.ParentCallSid,
    });
    return page('calls', calls.map(callJson), `/2010-04-01/Accounts/${account.sid}/Calls.json`, q);
  });

  app.get<{ Params: AccountParams & { file: string } }>(`${base}/Calls/:file`, async (req) => {
    return callJson(findCall(ctx, req));
  });

  app.post<{ Params: AccountParams & { file: string }; Body: FormBody }>(
    `${base}/Calls/:file`,
    async (req) => {
      const call = findCall(ctx, req);
      const body = req.body ?? {};
      if (FINISHED.has(call.status))
        throw badParam(21220, `Call ${call.sid} is not in-progress. Cannot redirect.`);
      const status = one(body, 'Status');
      const url = one(body, 'Url');
      const twiml = one(body, 'Twiml');
      if (status !== undefined && status !== 'completed' && status !== 'canceled') {
        throw badParam(21220, `Status must be completed or canceled, not ${status}`);
      }
      if (status && call.status === 'queued')
        cancelQueuedCall({ clock: ctx.options.clock, calls: ctx.calls }, call);
      else if (status === 'completed') call.pendingControls.push({ kind: 'complete' });
      else if (status === 'canceled' && call.status === 'ringing')
        call.pendingControls.push({ kind: 'cancel' });
      else if (url) {
        if (!/^https?:\/\/[^/?#\s]+/i.test(url)) throw badParam(21205, `Url is not a valid URL: ${url}`);
        const method = (one(body, 'Method') ?? 'POST').toUpperCase();
        if (method !== 'GET' && method !== 'POST')
          throw badParam(21209, `Method must be GET or POST, not ${method}`);
        ctx.hostPolicy.allowUrlHost(url);
        call.pendingControls.push({ kind: 'redirect', url, method });
      } else if (twiml) call.pendingControls.push({ kind: 'twiml', twiml });
      call.dateUpdatedMs = ctx.options.clock.now();
      return callJson(call);
    },
  );

  app.delete<{ Params: AccountParams & { file: string } }>(`${base}/Calls/:file`, async (req, reply) => {
    const call = findCall(ctx, req);
    ctx.calls.delete(call.sid);
    return reply.code(204).send();
  });
}

function findCall(ctx: TwilioFakeContext, req: { params: AccountParams & { file: string }; url: string }) {
  const account = accountFrom(req as never);
  const sid = resourceSid(req.params.file, 'CA', ['.json']);
  const call = sid ? ctx.calls.get(sid) : undefined;
  if (!call || call.accountSid !== account.sid) throw notFound(req.url.split('?')[0] ?? req.url);
  return call;
}
