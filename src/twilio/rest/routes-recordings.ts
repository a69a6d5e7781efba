import type { FastifyInstance } from 'fastify';
import type { TwilioFakeContext } from '../fake-context.ts';
import { mp3Bytes } from '../recordings/mp3.ts';
import { wavBytes } from '../recordings/wav.ts';
import { recordingJson } from './call-json.ts';
import { notFound } from './error-body.ts';
import { page } from './paging.ts';
import {
  type AccountParams,
  accountFrom,
  extensionOf,
  type ListQuery,
  resourceSid,
} from './rest-auth-hook.ts';

const base = '/2010-04-01/Accounts/:AccountSid';

/** Recordings: list (account, per call), fetch, media (.wav/.mp3/none), delete (§9.3, §10). */
export function registerRecordingRoutes(app: FastifyInstance, ctx: TwilioFakeContext): void {
  app.get<{ Params: AccountParams; Querystring: ListQuery }>(`${base}/Recordings.json`, async (req) => {
    const account = accountFrom(req);
    const q = req.query;
    const list = ctx.recordings.list({ accountSid: account.sid, callSid: q.CallSid });
    return page(
      'recordings',
      list.map((r) => recordingJson(r, ctx.apiOrigin())),
      `/2010-04-01/Accounts/${account.sid}/Recordings.json`,
      q,
    );
  });

  app.get<{ Params: AccountParams & { file: string }; Querystring: ListQuery }>(
    `${base}/Calls/:file/Recordings.json`,
    async (req) => {
      const account = accountFrom(req);
      const sid = resourceSid(req.params.file, 'CA', ['']);
      const call = sid ? ctx.calls.get(sid) : undefined;
      if (!call || call.accountSid !== account.sid) throw notFound(req.url.split('?')[0] ?? req.url);
      const list = ctx.recordings.list({ accountSid: account.sid, callSid: call.sid });
      const path = `/2010-04-01/Accounts/${account.sid}/Calls/${call.sid}/Recordings.json`;
      return page(
        'recordings',
        list.map((r) => recordingJson(r, ctx.apiOrigin())),
        path,
        req.query,
      );
    },
  );

  app.get<{ Params: AccountParams & { file: string } }>(`${base}/Recordings/:file`, async (req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    const sid = resourceSid(req.params.file, 'RE', ['', '.json', '.wav', '.mp3']);
    const rec = sid ? ctx.recordings.get(sid) : undefined;
    if (!rec || rec.accountSid !== req.params.AccountSid || rec.status === 'deleted') throw notFound(path);
    const ext = extensionOf(req.params.file);
    if (ext === '.json') {
      accountFrom(req);
      return recordingJson(rec, ctx.apiOrigin());
    }
    if (!ctx.recordings.mediaReady(rec)) throw notFound(path);
    if (ext === '.mp3') return reply.type('audio/mpeg').send(mp3Bytes(rec.durationSec));
    return reply.type('audio/x-wav').send(wavBytes(rec.durationSec, rec.audio));
  });

  app.delete<{ Params: AccountParams & { file: string } }>(`${base}/Recordings/:file`, async (req, reply) => {
    const account = accountFrom(req);
    const sid = resourceSid(req.params.file, 'RE', ['', '.json']);
    const rec = sid ? ctx.recordings.get(sid) : undefined;
    if (!rec || rec.accountSid !== account.sid || !ctx.recordings.delete(rec.sid))
      throw notFound(req.url.split('?')[0] ?? req.url);
    return reply.code(204).send();
  });
}
