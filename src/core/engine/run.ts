/**
 * The per-step working set (state + dependencies + the events of this step) and the few
 * primitives every verb uses: emit, let time pass, send a callback, end the call.
 */
import { type CallrigCode, callrigSeverity } from '../errors/callrig-codes.ts';
import type { Severity } from '../errors/twilio-codes.ts';
import { describeCode } from '../errors/twilio-codes.ts';
import type { HttpMethod } from '../twiml/ast.ts';
import type { CallState } from './call-state.ts';
import type { ParseCache } from './classify.ts';
import { type Params, rfc2822, sortParams, standardParams } from './params.ts';
import type { WebhookKind, WebhookResult } from './ports.ts';
import type { CallEndStatus, EndReason, ErrorWhere, HungUpBy, TimelineEvent } from './timeline.ts';
import type { EngineContext } from './types.ts';

export interface Run {
  state: CallState;
  ctx: EngineContext;
  events: TimelineEvent[];
  cache: ParseCache;
}

type Unstamped<E> = E extends TimelineEvent ? Omit<E, 'at' | 't'> : never;

/** Appends an event stamped with the call's current virtual time. */
export function emit(run: Run, event: Unstamped<TimelineEvent>): void {
  const s = run.state;
  run.events.push({ at: s.startEpochMs + s.t, t: s.t, ...event } as TimelineEvent);
}

/** Emits an `error` event; severity comes from the catalogue unless given. */
export function emitError(
  run: Run,
  code: number | CallrigCode,
  message: string,
  where: ErrorWhere,
  severity?: Severity,
): void {
  const info = typeof code === 'number' ? describeCode(code) : null;
  const name = info?.name ?? String(code);
  const level: Severity = severity ?? info?.severity ?? callrigSeverity(code as CallrigCode);
  emit(run, { type: 'error', code, name, severity: level, message, where });
}

/**
 * Lets `ms` of call time pass. Recording status callbacks that fall due meanwhile are sent at
 * their moment. @note In real-time mode the clock paces the call; a virtual clock is never
 * consulted, so a 60 s take costs no wall time.
 */
export async function advance(run: Run, ms: number, paced = true): Promise<void> {
  if (!(ms > 0)) return;
  const s = run.state;
  const target = s.t + ms;
  while (s.pending.length > 0) {
    const due = nextDue(s);
    if (due === null || due.due > target) break;
    if (paced && run.ctx.clock.kind === 'real' && due.due > s.t) await run.ctx.clock.sleep(due.due - s.t);
    s.t = Math.max(s.t, due.due);
    s.pending.splice(s.pending.indexOf(due), 1);
    await sendCallback(run, due.kind, due.method, due.url, due.params);
  }
  if (paced && run.ctx.clock.kind === 'real' && target > s.t) await run.ctx.clock.sleep(target - s.t);
  s.t = target;
}

function nextDue(s: CallState): CallState['pending'][number] | null {
  let best: CallState['pending'][number] | null = null;
  for (const p of s.pending) if (best === null || p.due < best.due) best = p;
  return best;
}

/** Calls the port, turning a (forbidden) rejection into a transport failure. */
export async function callPort(
  run: Run,
  kind: WebhookKind,
  method: HttpMethod,
  url: string,
  params: Params,
): Promise<WebhookResult> {
  try {
    return await run.ctx.port({ kind, method, url, params, callSid: run.state.call.callSid });
  } catch (err) {
    // @note The port contract says it never rejects; a broken port must not crash the call.
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 11205, message: `HTTP connection failure: ${why}`, elapsedMs: 0 };
  }
}

/**
 * Sends a non-TwiML callback (status, recording, transcription). Its answer never changes the
 * call: a 4xx/5xx is a 15003 warning, a transport failure a warning with its code (§5.3).
 */
export async function sendCallback(
  run: Run,
  kind: WebhookKind,
  method: HttpMethod,
  url: string,
  params: Params,
) {
  sortParams(params);
  const res = await callPort(run, kind, method, url, params);
  const status = res.ok ? res.status : null;
  emit(run, {
    type: 'callback.sent',
    kind,
    method,
    url,
    params,
    status,
    ...(res.ok ? {} : { code: res.code }),
  });
  if (!res.ok) emitError(run, res.code, `${kind} to ${url} failed: ${res.message}`, { url }, 'warning');
  else if (res.status >= 400) emitError(run, 15003, `${kind} to ${url} answered HTTP ${res.status}`, { url });
}

/** Sends the call status callback for one event, if subscribed (§4.9). */
export async function statusEvent(run: Run, event: 'initiated' | 'ringing' | 'answered' | 'completed') {
  const c = run.state.call;
  if (c.statusCallback === undefined || !c.statusCallbackEvents.includes(event)) return;
  const s = run.state;
  const callStatus =
    event === 'completed' ? (s.ended?.status ?? 'completed') : event === 'answered' ? 'in-progress' : event;
  const p = standardParams(s, callStatus);
  p.push(
    ['CallbackSource', 'call-progress-events'],
    ['SequenceNumber', String(s.sequence++)],
    ['Timestamp', rfc2822(s.startEpochMs + s.t)],
  );
  if (event === 'completed') {
    const d = s.ended?.durationSec ?? 0;
    p.push(['CallDuration', String(d)], ['Duration', String(Math.ceil(d / 60))]);
    if (!c.sdkCall) p.push(['SipResponseCode', SIP_CODES[callStatus as CallEndStatus] ?? '200']);
  }
  await sendCallback(run, 'status-callback', c.statusCallbackMethod, c.statusCallback, p);
}

const SIP_CODES: Record<CallEndStatus, string> = {
  completed: '200',
  busy: '486',
  'no-answer': '487',
  canceled: '487',
  failed: '500',
};

/** Marks the call answered (first verb that answers, or the callee picking up). */
export async function answer(run: Run): Promise<void> {
  if (run.state.answeredAt !== null) return;
  run.state.answeredAt = run.state.t;
  emit(run, { type: 'call.answered' });
  await statusEvent(run, 'answered');
}

/**
 * Ends the call: `call.ended`, then the status callback, then every pending recording
 * callback in due order (Twilio's late-callback order, §12).
 */
export async function endCall(
  run: Run,
  status: CallEndStatus,
  hungUpBy: HungUpBy,
  reason: EndReason,
): Promise<void> {
  const s = run.state;
  if (s.ended !== null) return;
  const durationSec = s.answeredAt === null ? 0 : Math.round((s.t - s.answeredAt) / 1000);
  s.ended = { status, durationSec, hungUpBy, reason };
  s.activity = null;
  s.doc = null;
  emit(run, { type: 'call.ended', status, durationSec, hungUpBy, reason });
  await statusEvent(run, 'completed');
  const pending = s.pending.sort((a, b) => a.due - b.due);
  s.pending = [];
  for (const p of pending) {
    if (run.ctx.clock.kind === 'real' && p.due > s.t) await run.ctx.clock.sleep(p.due - s.t);
    s.t = Math.max(s.t, p.due);
    await sendCallback(run, p.kind, p.method, p.url, p.params);
  }
}
