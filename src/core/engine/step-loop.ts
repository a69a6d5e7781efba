/**
 * The step loop: applies one input to the current activity (or a REST control input to the
 * call), then runs verbs until the call needs the next input or ends.
 */
import type { Verb } from '../twiml/ast.ts';
import type { CallState } from './call-state.ts';
import { fail, requestDocument, useInline } from './fetch-document.ts';
import { liveStatus, resolveUrl, standardParams } from './params.ts';
import { answer, emit, emitError, endCall, type Run } from './run.ts';
import { applyDialOutcome, startDial } from './steps/dial.ts';
import { gatherInput, startGather } from './steps/gather.ts';
import { listeningInput } from './steps/listening.ts';
import { startPrompt } from './steps/prompt.ts';
import { recordInput, startRecord } from './steps/record.ts';
import type { CallInput } from './types.ts';

/** The earliest deadline: TimeLimit, or an outbound callee's `talkFor`. */
function limitOf(s: CallState): { at: number; kind: 'time-limit' | 'party-hangup' } {
  const limit = (s.answeredAt ?? 0) + s.options.engine.timeLimitSec * 1000;
  const o = s.call.callee;
  if (
    s.call.direction === 'outbound-api' &&
    s.answeredAt !== null &&
    typeof o === 'object' &&
    o.answer.talkFor !== undefined
  ) {
    const at = s.answeredAt + o.answer.talkFor * 1000;
    if (at < limit) return { at, kind: 'party-hangup' };
  }
  return { at: limit, kind: 'time-limit' };
}

export async function applyInput(run: Run, input: CallInput): Promise<number> {
  const s = run.state;
  switch (input.kind) {
    case 'redirect': {
      emit(run, { type: 'call.updated', action: 'redirect', url: input.url });
      s.activity = null;
      const url = resolveUrl(input.url, s.doc?.url ?? null);
      if (url === null) await fail(run, 11100, `Invalid URL format: '${input.url}'`, {}, 'redirect');
      else
        await requestDocument(run, 'redirect', url, input.method ?? 'POST', standardParams(s, liveStatus(s)));
      return 0;
    }
    case 'twiml':
      emit(run, { type: 'call.updated', action: 'twiml' });
      s.activity = null;
      await useInline(run, input.twiml);
      return 0;
    case 'complete':
      emit(run, { type: 'call.updated', action: 'complete' });
      await endCall(
        run,
        s.answeredAt === null ? 'canceled' : 'completed',
        'api',
        s.answeredAt === null ? 'canceled' : 'api-completed',
      );
      return 0;
    case 'cancel':
      // @note Twilio ignores Status=canceled on a call already in progress.
      if (s.answeredAt !== null) return 0;
      emit(run, { type: 'call.updated', action: 'cancel' });
      await endCall(run, 'canceled', 'api', 'canceled');
      return 0;
    default:
      break;
  }
  const a = s.activity;
  const limitAt = limitOf(s).at;
  if (a === null) return 0;
  switch (a.kind) {
    case 'listening':
      return listeningInput(run, a, input, limitAt);
    case 'record':
      return recordInput(run, a, input, limitAt);
    case 'gather':
      return gatherInput(run, a, input, limitAt);
    case 'dial':
      if (input.kind === 'dial-outcome') await applyDialOutcome(run, a.verbIndex, input.outcome);
      else if (input.kind === 'hangup') {
        emit(run, { type: 'caller.hangup' });
        await endCall(run, 'completed', 'caller', 'caller-hangup');
      } else {
        emit(run, {
          type: 'note',
          note: 'script',
          path: a.path,
          message: 'No callee outcome was given for this Dial; no-answer assumed',
        });
        await applyDialOutcome(run, a.verbIndex, 'no-answer');
      }
      return 0;
  }
}

/** Runs verbs until the call needs an input or ends. */
export async function runUntilWait(run: Run): Promise<void> {
  const s = run.state;
  for (;;) {
    if (s.ended !== null) return;
    const limit = limitOf(s);
    if (s.t >= limit.at) {
      if (limit.kind === 'party-hangup' && s.activity !== null) await applyInput(run, { kind: 'hangup' });
      else if (limit.kind === 'party-hangup') await endCall(run, 'completed', 'callee', 'callee-hangup');
      else {
        emitError(
          run,
          'CALLRIG_TIME_LIMIT',
          `[callrig] The call reached its TimeLimit (${s.options.engine.timeLimitSec} s)`,
          {},
          'warning',
        );
        await endCall(run, 'completed', 'engine', 'time-limit');
      }
      continue;
    }
    if (s.activity !== null) return;
    const doc = s.doc;
    if (doc === null || doc.next >= doc.verbs.length) {
      await endCall(run, 'completed', 'twiml', 'end-of-document');
      return;
    }
    const index = doc.next++;
    const verb = doc.verbs[index];
    if (verb !== undefined) await execVerb(run, verb, index);
  }
}

async function execVerb(run: Run, verb: Verb, index: number): Promise<void> {
  const s = run.state;
  s.verbsRun++;
  // @note A first Pause delays answering until it ends (§3.3) and Reject refuses the call;
  // every other verb answers it.
  const delays = verb.verb === 'Reject' || (verb.verb === 'Pause' && s.verbsRun === 1);
  if (!delays) await answer(run);
  switch (verb.verb) {
    case 'Say':
    case 'Play':
    case 'Pause':
      await startPrompt(run, verb);
      return;
    case 'Record':
      return startRecord(run, verb, index);
    case 'Gather':
      return startGather(run, verb, index);
    case 'Dial':
      return startDial(run, verb, index);
    case 'Hangup': {
      const apology = s.doc?.synthetic === 'apology';
      return endCall(
        run,
        'completed',
        apology ? 'engine' : 'twiml',
        apology ? 'application-error' : 'hangup-verb',
      );
    }
    case 'Redirect': {
      const url = resolveUrl(verb.url, s.doc?.url ?? null);
      if (url === null) {
        const inline = s.doc?.url === null;
        return fail(
          run,
          inline ? 15004 : 11100,
          `Redirect URL '${verb.url}' cannot be resolved`,
          { path: verb.path },
          'verb',
        );
      }
      return requestDocument(run, 'redirect', url, verb.method, standardParams(s, liveStatus(s)));
    }
    case 'Reject':
      if (s.answeredAt === null)
        return endCall(run, verb.reason === 'busy' ? 'busy' : 'no-answer', 'twiml', 'reject');
      return endCall(run, 'completed', 'twiml', 'reject');
    case 'Enqueue':
      emit(run, {
        type: 'note',
        note: 'basic-simulation',
        path: verb.path,
        message: `<Enqueue> '${verb.name}': basic simulation, the caller leaves the queue at once`,
      });
      return;
    case 'Leave':
      emit(run, {
        type: 'note',
        note: 'basic-simulation',
        path: verb.path,
        message: '<Leave> outside a queue: nothing to leave',
      });
      return;
    case 'Unsimulated':
      if (s.options.twiml.unsimulated === 'error') {
        return fail(
          run,
          13750,
          `<${verb.name}> is not simulated and twiml.unsimulated is "error"`,
          { path: verb.path },
          'verb',
        );
      }
      emit(run, {
        type: 'note',
        note: 'not-simulated',
        path: verb.path,
        message: `<${verb.name}> is not simulated; skipped`,
      });
      return;
  }
}
