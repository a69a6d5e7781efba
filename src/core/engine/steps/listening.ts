/**
 * Inputs while the caller is listening (a prompt, the beep, ringing, a bridged Dial), and what
 * follows when that activity runs its course.
 */
import type { Activity } from '../call-state.ts';
import { requestDocument, useInline } from '../fetch-document.ts';
import { liveStatus, standardParams } from '../params.ts';
import { advance, answer, emit, endCall, type Run } from '../run.ts';
import type { CallInput } from '../types.ts';
import { afterRinging, finishDial } from './dial.ts';
import { interruptPrompt, interrupts, nextPrompt } from './gather.ts';
import { hangupDuringBeep, startCapture } from './record.ts';

type Listening = Extract<Activity, { kind: 'listening' }>;

/** Applies one input; returns the ms of the input used. */
export async function listeningInput(
  run: Run,
  a: Listening,
  input: CallInput,
  limitAt: number,
): Promise<number> {
  const s = run.state;
  if (input.kind === 'hangup') {
    emit(run, { type: 'caller.hangup' });
    if (a.record !== undefined) await hangupDuringBeep(run, a.record);
    else if (a.gather !== undefined) {
      const g = a.gather;
      emit(run, {
        type: 'gather.result',
        path: g.path,
        digits: '',
        finishedOnKey: '',
        reason: 'hangup',
        actionRequested: false,
      });
    }
    await endCall(run, s.answeredAt === null ? 'canceled' : 'completed', 'caller', 'caller-hangup');
    return 0;
  }
  if (a.gather !== undefined && interrupts(run, a.gather, input))
    return interruptPrompt(run, a.gather, input, limitAt);
  if (input.kind === 'digits') {
    const dial = a.dial;
    if (dial?.phase === 'bridged' && input.digits.includes('*') && hangupOnStar(run, dial.verbIndex)) {
      emit(run, { type: 'caller.digits', digits: input.digits, ignored: false });
      await finishDial(run, dial);
      return 0;
    }
    // @note Keys during a top-level prompt are discarded (§3.3).
    emit(run, { type: 'caller.digits', digits: input.digits, ignored: true });
    return 0;
  }
  if (input.kind !== 'speech' && input.kind !== 'silence' && input.kind !== 'wait') return 0;
  const ms = input.seconds === undefined ? Number.POSITIVE_INFINITY : input.seconds * 1000;
  if (input.kind === 'speech') {
    emit(run, {
      type: 'caller.speech',
      seconds: input.seconds,
      ...(input.transcript === undefined ? {} : { transcript: input.transcript }),
    });
  } else if (input.kind === 'silence') emit(run, { type: 'caller.silence', seconds: input.seconds });
  const start = s.t;
  const end = Math.min(start + ms, a.endsAt, limitAt);
  await advance(run, end - start);
  if (s.t >= a.endsAt && s.ended === null) await finishListening(run, a);
  return end - start;
}

function hangupOnStar(run: Run, verbIndex: number): boolean {
  const v = run.state.doc?.verbs[verbIndex];
  return v?.verb === 'Dial' && v.hangupOnStar;
}

/** The activity ran its course: start capture, the next prompt, the bridge, or the call. */
export async function finishListening(run: Run, a: Listening): Promise<void> {
  const s = run.state;
  s.activity = null;
  if (a.record !== undefined) return startCapture(run, a.record);
  if (a.gather !== undefined) return nextPrompt(run, a.gather);
  if (a.dial !== undefined)
    return a.dial.phase === 'ringing' ? afterRinging(run, a.dial) : finishDial(run, a.dial);
  if (a.ring === 'answer') {
    await answer(run);
    return connect(run);
  }
  if (a.ring === 'no-answer') return endCall(run, 'no-answer', 'callee', 'no-answer');
  if (a.what === 'pause' && s.call.direction === 'inbound') await answer(run);
}

/** Fetches the call's first document (Voice URL or REST Url), or loads its inline TwiML. */
export async function connect(run: Run): Promise<void> {
  const c = run.state.call;
  if (c.twiml !== undefined) return useInline(run, c.twiml);
  return requestDocument(
    run,
    'voice',
    c.url as string,
    c.method,
    standardParams(run.state, liveStatus(run.state)),
  );
}
