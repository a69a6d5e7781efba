/**
 * `<Gather>` (fidelity §3.5, §4.7): prompts that input interrupts, digits, finishOnKey,
 * numDigits, the inter-digit timeout, scripted speech, and the no-input fall-through.
 */

import type { GatherActivity } from '../call-state.ts';
import { fail, requestDocument } from '../fetch-document.ts';
import { standardParams } from '../params.ts';
import { advance, emit, endCall, type Run } from '../run.ts';
import type { CallInput, GatherVerb } from '../types.ts';
import { actionUrl } from './action-url.ts';
import { startPrompt } from './prompt.ts';

export async function startGather(run: Run, verb: GatherVerb, verbIndex: number): Promise<void> {
  const s = run.state;
  const g: GatherActivity = {
    kind: 'gather',
    path: verb.path,
    occurrence: ++s.counts.gather,
    startedAt: s.t,
    verbIndex,
    prompt: 0,
    digits: '',
    timeoutAt: 0,
  };
  await nextPrompt(run, g);
}

/** Plays the next prompt, or opens the input phase once they are done. */
export async function nextPrompt(run: Run, g: GatherActivity): Promise<void> {
  const verb = gatherVerb(run, g);
  while (g.prompt < verb.children.length) {
    const child = verb.children[g.prompt++];
    if (child !== undefined && (await startPrompt(run, child, g))) return;
  }
  openInput(run, g);
}

function openInput(run: Run, g: GatherActivity): void {
  const verb = gatherVerb(run, g);
  g.prompt = verb.children.length;
  g.timeoutAt = run.state.t + verb.timeout * 1000;
  run.state.activity = g;
}

/** Does this input stop a prompt? (a key with dtmf, speech with speech input) */
export function interrupts(run: Run, g: GatherActivity, input: CallInput): boolean {
  const verb = gatherVerb(run, g);
  return (
    (input.kind === 'digits' && verb.input.includes('dtmf') && input.digits !== '') ||
    (input.kind === 'speech' && verb.input.includes('speech'))
  );
}

/** The caller interrupts a prompt: the input phase opens now and takes the input. */
export async function interruptPrompt(run: Run, g: GatherActivity, input: CallInput, limitAt: number) {
  emit(run, {
    type: 'prompt.interrupted',
    path: run.state.activity?.kind === 'listening' ? run.state.activity.path : g.path,
    by: input.kind === 'speech' ? 'speech' : 'digits',
  });
  openInput(run, g);
  return gatherInput(run, g, input, limitAt);
}

/** Applies one input in the input phase; returns the ms of the input used. */
export async function gatherInput(
  run: Run,
  g: GatherActivity,
  input: CallInput,
  limitAt: number,
): Promise<number> {
  const s = run.state;
  const verb = gatherVerb(run, g);
  switch (input.kind) {
    case 'hangup':
      emit(run, { type: 'caller.hangup' });
      emit(run, {
        type: 'gather.result',
        path: g.path,
        digits: g.digits,
        finishedOnKey: '',
        reason: 'hangup',
        actionRequested: false,
      });
      await endCall(run, 'completed', 'caller', 'caller-hangup');
      return 0;
    case 'digits': {
      if (!verb.input.includes('dtmf')) {
        emit(run, { type: 'caller.digits', digits: input.digits, ignored: true });
        return 0;
      }
      emit(run, { type: 'caller.digits', digits: input.digits, ignored: false });
      for (const key of input.digits) {
        if (verb.finishOnKey !== '' && key === verb.finishOnKey) {
          await finish(run, g, 'finish-key', key);
          return 0;
        }
        g.digits += key;
        if (verb.numDigits !== undefined && g.digits.length >= verb.numDigits) {
          await finish(run, g, 'num-digits', '');
          return 0;
        }
      }
      g.timeoutAt = s.t + verb.timeout * 1000;
      return 0;
    }
    case 'speech': {
      if (verb.input.includes('speech') && g.digits === '') {
        const talk = Math.min(input.seconds * 1000, 60_000, limitAt - s.t);
        emit(run, {
          type: 'caller.speech',
          seconds: input.seconds,
          ...(input.transcript === undefined ? {} : { transcript: input.transcript }),
        });
        await advance(run, talk);
        const pause =
          verb.speechTimeout === 'auto' ? s.options.gather.autoSpeechTimeoutMs : verb.speechTimeout * 1000;
        await advance(run, Math.min(pause, Math.max(0, limitAt - s.t)));
        const confidence = input.confidence ?? s.options.gather.defaultConfidence;
        await finish(run, g, 'speech', '', { text: input.transcript ?? '', confidence });
        return talk;
      }
      emit(run, {
        type: 'caller.speech',
        seconds: input.seconds,
        ...(input.transcript === undefined ? {} : { transcript: input.transcript }),
      });
      return passTime(run, g, input.seconds * 1000, limitAt);
    }
    case 'silence':
      emit(run, { type: 'caller.silence', seconds: input.seconds });
      return passTime(run, g, input.seconds * 1000, limitAt);
    case 'wait':
      return passTime(
        run,
        g,
        input.seconds === undefined ? Number.POSITIVE_INFINITY : input.seconds * 1000,
        limitAt,
      );
    default:
      return 0;
  }
}

async function passTime(run: Run, g: GatherActivity, ms: number, limitAt: number): Promise<number> {
  const s = run.state;
  const start = s.t;
  const end = Math.min(start + ms, g.timeoutAt, limitAt);
  await advance(run, end - start);
  if (s.t >= g.timeoutAt) await finish(run, g, 'timeout', '');
  return end - start;
}

/**
 * The gather is over. Input (or actionOnEmptyResult) requests the action; no input falls
 * through to the next verb.
 */
async function finish(
  run: Run,
  g: GatherActivity,
  reason: 'num-digits' | 'finish-key' | 'timeout' | 'speech',
  key: string,
  speech?: { text: string; confidence: number },
): Promise<void> {
  const s = run.state;
  const verb = gatherVerb(run, g);
  s.activity = null;
  const hasInput = speech !== undefined || g.digits !== '';
  const act = hasInput || verb.actionOnEmptyResult;
  emit(run, {
    type: 'gather.result',
    path: g.path,
    digits: g.digits,
    finishedOnKey: key,
    ...(speech === undefined ? {} : { speechResult: speech.text, confidence: speech.confidence }),
    reason,
    actionRequested: act,
  });
  if (!act) return;
  const p = standardParams(s, 'in-progress');
  p.push(['FinishedOnKey', key], ['msg', 'Gather End']);
  if (speech !== undefined) p.push(['Confidence', String(speech.confidence)], ['SpeechResult', speech.text]);
  else p.push(['Digits', g.digits]);
  const target = actionUrl(run, verb.action);
  if ('error' in target) return fail(run, target.error, target.message, { path: g.path }, 'verb');
  return requestDocument(run, 'action', target.url, verb.method, p);
}

function gatherVerb(run: Run, g: GatherActivity): GatherVerb {
  return run.state.doc?.verbs[g.verbIndex] as GatherVerb;
}
