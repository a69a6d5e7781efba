/**
 * The call engine as a step machine: `startCall` runs a call up to the first moment it needs
 * an input, `resumeCall` applies one input and runs to the next such moment. Between steps the
 * whole call is the plain-data `CallState`.
 */
import { TwilioFailure } from '../errors/twilio-failure.ts';
import type { CallFacts, CallState } from './call-state.ts';
import { createParseCache, type ParseCache } from './classify.ts';
import { resolveEngineOptions } from './options.ts';
import { standardParams } from './params.ts';
import { answer, emit, endCall, type Run, statusEvent } from './run.ts';
import { applyInput, runUntilWait } from './step-loop.ts';
import { connect } from './steps/listening.ts';
import { listen } from './steps/prompt.ts';
import type { CallInit, CallInput, CallStep, EngineContext } from './types.ts';
import { waitingFor } from './waiting.ts';

const caches = new Map<number, ParseCache>();
function parseCache(size: number): ParseCache {
  let c = caches.get(size);
  if (c === undefined) {
    c = createParseCache(size);
    caches.set(size, c);
  }
  return c;
}

/**
 * Starts a call: `call.started`, ringing for outbound-api calls, the first document, and
 * verbs up to the first point where the caller (or callee) could act.
 * @throws TwilioFailure 21205 when `init` has neither `url` nor `twiml` (an API misuse the REST
 * layer reports before calling the engine).
 */
export async function startCall(init: CallInit, ctx: EngineContext): Promise<CallStep<CallState>> {
  if (init.url === undefined && init.twiml === undefined) {
    throw new TwilioFailure(21205, 'CallInit needs a `url` or inline `twiml`', {});
  }
  const options = resolveEngineOptions(ctx.options);
  const state: CallState = {
    v: 1,
    call: facts(init, ctx),
    options,
    startEpochMs: ctx.clock.now(),
    t: 0,
    answeredAt: null,
    verbsRun: 0,
    doc: null,
    documents: 0,
    activity: null,
    counts: { say: 0, play: 0, pause: 0, beep: 0, record: 0, gather: 0, dial: 0, ringing: 0 },
    sequence: 0,
    pending: [],
    recordings: [],
    appError: false,
    ended: null,
  };
  const run: Run = { state, ctx, events: [], cache: parseCache(options.engine.parseCacheSize) };
  const c = state.call;
  emit(run, {
    type: 'call.started',
    callSid: c.callSid,
    accountSid: c.accountSid,
    direction: c.direction,
    from: c.from,
    to: c.to,
    sdkCall: c.sdkCall,
  });
  for (const name of collisions(state)) {
    emit(run, {
      type: 'note',
      note: 'param-ignored',
      message: `[callrig] Custom parameter '${name}' has a standard name; Twilio sends the standard value (fidelity §4.3)`,
    });
  }
  await statusEvent(run, 'initiated');
  if (c.direction === 'outbound-api') {
    await statusEvent(run, 'ringing');
    await ring(run);
  } else {
    await connect(run);
  }
  await runUntilWait(run);
  return { state, events: run.events, waiting: waitingFor(state), consumedMs: 0 };
}

/**
 * Applies one input and runs to the next waiting point. @note Takes ownership of `state`
 * (it is updated in place and returned): `structuredClone` it first to fork the call.
 * Inputs after the call ended are ignored.
 */
export async function resumeCall(
  state: CallState,
  input: CallInput,
  ctx: EngineContext,
): Promise<CallStep<CallState>> {
  const run: Run = { state, ctx, events: [], cache: parseCache(state.options.engine.parseCacheSize) };
  if (state.ended !== null) return { state, events: [], waiting: waitingFor(state), consumedMs: 0 };
  const consumedMs = await applyInput(run, input);
  await runUntilWait(run);
  return { state, events: run.events, waiting: waitingFor(state), consumedMs };
}

/** Custom parameter names that a standard parameter overrides (§4.3: the standard value wins). */
function collisions(state: CallState): string[] {
  if (state.call.customParams.length === 0) return [];
  const standard = new Set(
    standardParams({ ...state, call: { ...state.call, customParams: [] } }, '').map((p) => p[0]),
  );
  return state.call.customParams.map((p) => p[0]).filter((name) => standard.has(name));
}

function facts(init: CallInit, ctx: EngineContext): CallFacts {
  const f: CallFacts = {
    callSid: init.callSid ?? ctx.ids.sid('CA'),
    accountSid: init.accountSid,
    direction: init.direction,
    from: init.from,
    to: init.to,
    method: init.method ?? 'POST',
    customParams: Object.entries(init.customParams ?? {}),
    fallbackMethod: init.fallbackMethod ?? 'POST',
    statusCallbackMethod: init.statusCallbackMethod ?? 'POST',
    statusCallbackEvents: init.statusCallbackEvents ?? ['completed'],
    sdkCall: init.sdkCall === true,
    apiOrigin: init.apiOrigin ?? 'https://api.twilio.com',
    callee: init.callee ?? { answer: { after: 0 } },
    ringTimeoutSec: init.ringTimeoutSec ?? 60,
  };
  if (init.applicationSid !== undefined) f.applicationSid = init.applicationSid;
  if (init.url !== undefined) f.url = init.url;
  else if (init.twiml !== undefined) f.twiml = init.twiml;
  if (init.fallbackUrl !== undefined) f.fallbackUrl = init.fallbackUrl;
  if (init.statusCallback !== undefined) f.statusCallback = init.statusCallback;
  return f;
}

/** An outbound-api call rings its callee; only an answer fetches the URL (§9.2). */
async function ring(run: Run): Promise<void> {
  const c = run.state.call;
  const o = c.callee;
  if (o === 'busy' || o === 'failed') return endCall(run, o, 'callee', o);
  const after = o === 'no-answer' ? Number.POSITIVE_INFINITY : (o.answer.after ?? 0) * 1000;
  const timeout = c.ringTimeoutSec * 1000;
  const answers = after <= timeout;
  const ms = answers ? after : timeout;
  if (ms <= 0) {
    if (!answers) return endCall(run, 'no-answer', 'callee', 'no-answer');
    await answer(run);
    return connect(run);
  }
  listen(run, 'ringing', 'callrig:ringing', ms);
  if (run.state.activity?.kind === 'listening') run.state.activity.ring = answers ? 'answer' : 'no-answer';
}
