import twilio from 'twilio';
import { RUNNER_HEADER } from '../../../runtime/reference-servers.ts';
import type { CalleeScript } from '../../../twilio/accounts/types.ts';
import type { CalleeOutcome, CallStep, Failure, RestCallbackStep } from '../../types.ts';
import { catchUpClock } from '../clock-sync.ts';
import type { StepContext, StepHandler } from '../types.ts';
import { fetchAppToken } from './token-steps.ts';

/** What staff say when they call back (inline TwiML of the REST call, unless `url` is given). */
export const CALLBACK_GREETING = 'Hello, this is customer support returning your call.';

/**
 * The app places the help-desk call with its current token (fetching one first, as the brief's
 * `requestOutgoingColl` does, when it has none) and the caller script; the whole call runs.
 */
export const call: StepHandler<CallStep['call']> = async (ctx, arg, where) => {
  const { harness } = ctx;
  const device = harness.config.device.id;
  if (ctx.token === null) {
    const got = await fetchAppToken(ctx);
    if (!got.ok)
      return [{ where, message: `the app could not get a token to call with: ${got.code}: ${got.message}` }];
  }
  const params: Record<string, string> = Object.fromEntries(
    Object.entries(arg.params ?? {}).map(([k, v]) => [k, String(v)]),
  );
  if (arg.to !== undefined) params.To = arg.to;
  ctx.emit({ type: 'call.connecting', device, params });
  const outcome = await harness.twilio.connect({ token: ctx.token, params, caller: arg.caller ?? [] });
  const expect = arg.expect ?? 'connected';
  if (outcome.ok) {
    // @note The SDK says "connected" when Twilio answers, not when the call is over.
    const answered = harness.twilio.calls
      .any(outcome.body.callSid)
      ?.timeline.find((e) => e.type === 'call.answered');
    const event = {
      type: 'call.connected',
      device,
      callSid: outcome.body.callSid,
      status: outcome.body.status,
    };
    harness.emit({ ...event, at: answered?.at ?? ctx.clock.now() });
    catchUpClock(harness);
    if (expect === 'connected') return [];
    return [
      {
        where,
        message: `expected the call to fail with ${expect}, but it connected (${outcome.body.callSid})`,
        expected: expect,
      },
    ];
  }
  catchUpClock(harness);
  const { code, sdkCode, message } = outcome.body;
  ctx.emit({ type: 'call.failed', device, code, sdkCode, message });
  if (expect === code) return [];
  return [
    {
      where,
      message: `expected the call to ${expect === 'connected' ? 'connect' : `fail with ${expect}`}, but Twilio refused it with ${code} (SDK ${sdkCode}): ${message}`,
      expected: expect,
      actual: code,
    },
  ];
};

/**
 * Reads the help desk's pending callbacks (`GET /callbacks`), remembering every entry seen.
 * @note Only entries of this scenario's own calls count: a user's help desk is shared by every
 * scenario of a run (and by earlier runs), unlike the fresh builtin one.
 */
export async function readCallbacks(ctx: StepContext): Promise<Array<Record<string, unknown>>> {
  const res = await fetch(`${ctx.harness.urls.helpdesk}/callbacks`, {
    headers: { [RUNNER_HEADER]: '1' },
  }).catch(() => null);
  if (!res?.ok) return [];
  const body = (await res.json().catch(() => null)) as { callbacks?: Array<Record<string, unknown>> } | null;
  const ours = new Set(ctx.harness.twilio.calls.all().map((c) => c.sid));
  const list = (Array.isArray(body?.callbacks) ? body.callbacks : []).filter((e) =>
    ours.has(String(e.callSid)),
  );
  for (const entry of list) if (typeof entry.id === 'number') ctx.callbacks.set(entry.id, entry);
  return list;
}

function calleeScript(callee: CalleeOutcome | undefined, caller: unknown): CalleeScript {
  if (callee === undefined) return { outcome: 'answer', afterSec: 0, ...(caller ? { caller } : {}) };
  if (typeof callee === 'string') return { outcome: callee };
  const { after, talkFor } = callee.answer;
  return {
    outcome: 'answer',
    ...(after === undefined ? {} : { afterSec: after }),
    ...(talkFor === undefined ? {} : { hangupAfterSec: talkFor }),
    ...(caller ? { caller } : {}),
  };
}

/**
 * Staff call the customer back: the oldest pending entry of the help-desk queue, through the
 * Twilio REST API with the official `twilio` client, then mark the entry done.
 */
export const restCallback: StepHandler<RestCallbackStep['restCallback']> = async (ctx, arg, where) => {
  const { harness } = ctx;
  const pending = await readCallbacks(ctx);
  const entry = pending[0];
  const to = arg.to ?? (typeof entry?.caller === 'string' ? entry.caller : undefined);
  if (to === undefined) {
    return [
      {
        where,
        message: `no pending callback in the help desk's queue (GET ${harness.urls.helpdesk}/callbacks) to call back`,
      },
    ];
  }
  const from = arg.from ?? 'client:support';
  harness.twilio.context.accounts.setCallee(to, calleeScript(arg.callee, arg.caller));
  const t = harness.config.twilio;
  // @note Loaded here, not at the top: intercept.ts also holds the msw interceptor (200+ ms to
  // import), which only a call-back step should pay for, never every `callrig run`.
  const { FakeTwilioHttpClient } = await import('../../../twilio/intercept.ts');
  const client = twilio(t.accountSid, t.authToken, {
    httpClient: new FakeTwilioHttpClient(harness.urls.twilio),
  });
  const twiml = new twilio.twiml.VoiceResponse();
  twiml.say({ voice: 'woman' }, CALLBACK_GREETING);
  const expect = arg.expect ?? 'ok';
  let sid: string;
  try {
    const created = await client.calls.create({
      to,
      from,
      ...(arg.url ? { url: arg.url } : { twiml: twiml.toString() }),
    });
    sid = created.sid;
  } catch (error) {
    const code = (error as { code?: number }).code;
    ctx.emit({
      type: 'rest.failed',
      to,
      from,
      code,
      message: (error as Error).message,
      label: `POST /Calls.json → ${code}`,
    });
    if (expect !== 'ok' && code === expect) return [];
    return [
      {
        where,
        message: `REST call to ${to} failed with ${code}: ${(error as Error).message}`,
        expected: expect,
        actual: code,
      },
    ];
  }
  ctx.emit({
    type: 'rest.call-created',
    to,
    from,
    callSid: sid,
    ...(entry ? { callbackId: entry.id } : {}),
    label: `POST /Calls.json To=${to}`,
  });
  await harness.twilio.waitForCall(sid);
  catchUpClock(harness);
  const failures: Failure[] = [];
  if (expect !== 'ok')
    failures.push({
      where,
      message: `expected the REST call to fail with ${expect}, but it was created (${sid})`,
    });
  if (entry && arg.to === undefined) await markDone(ctx, entry.id as number);
  return failures;
};

async function markDone(ctx: StepContext, id: number): Promise<void> {
  const res = await fetch(`${ctx.harness.urls.helpdesk}/callbacks/${id}/done`, {
    method: 'POST',
    headers: { [RUNNER_HEADER]: '1' },
  }).catch(() => null);
  const body = res?.ok
    ? ((await res.json().catch(() => null)) as { callback?: Record<string, unknown> } | null)
    : null;
  if (body?.callback) ctx.callbacks.set(id, body.callback);
  ctx.emit({ type: 'queue.callback-done', callbackId: id, ok: res?.ok === true });
}
