/**
 * Plays a caller script against the engine's waiting points: decides the next input from what
 * the caller hears, and keeps track of which steps got their moment. Plain data, so a model
 * can be cloned along with the call state.
 */
import type { CalleeOutcome, CallInput, ScriptWarning, WaitingFor } from '../engine/types.ts';
import {
  type CallerScript,
  type CallerStep,
  type HangupDuring,
  normaliseScript,
  type WaitTarget,
} from './caller-script.ts';

export interface CallerModel {
  steps: CallerStep[];
  dial: CalleeOutcome[];
  /** Index of the current step. */
  i: number;
  /** Ms left of the current timed step, or null before it starts. */
  remainingMs: number | null;
  /** Steps that were acted on (even partly). */
  touched: boolean[];
  dialUsed: number;
  warnings: ScriptWarning[];
}

export function createCallerModel(script: CallerScript): CallerModel {
  const s = normaliseScript(script);
  return {
    steps: s.steps,
    dial: s.dial,
    i: 0,
    remainingMs: null,
    touched: s.steps.map(() => false),
    dialUsed: 0,
    warnings: [],
  };
}

/** Seconds a `say` step lasts. */
function saySeconds(step: Extract<CallerStep, { say: unknown }>): {
  text: string;
  seconds: number;
  confidence?: number;
} {
  const v = typeof step.say === 'string' ? { text: step.say } : step.say;
  const words = v.text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '').length;
  const r: { text: string; seconds: number; confidence?: number } = {
    text: v.text,
    seconds: 'seconds' in v && v.seconds !== undefined ? v.seconds : Math.max(1, Math.ceil(words / 2.5)),
  };
  if ('confidence' in v && v.confidence !== undefined) r.confidence = v.confidence;
  return r;
}

/** The next input at this waiting point. `t` is the call's current ms. */
export function nextInput(m: CallerModel, w: WaitingFor, t: number): CallInput {
  if (w.kind === 'ended') return { kind: 'wait' };
  if (w.kind === 'dial') {
    const outcome = m.dial[m.dialUsed];
    m.dialUsed++;
    if (outcome !== undefined) return { kind: 'dial-outcome', outcome };
    m.warnings.push({
      code: 'CALLRIG_SCRIPT_UNUSED',
      message: `Dial ${w.path} had no scripted outcome; no-answer assumed`,
    });
    return { kind: 'dial-outcome', outcome: 'no-answer' };
  }
  for (let guard = 0; guard <= m.steps.length; guard++) {
    const step = m.steps[m.i];
    if (step === undefined) return { kind: 'wait' };
    if ('waitFor' in step) {
      const hit = waitHit(step.waitFor, w);
      if (hit === 'none') return { kind: 'wait' };
      m.touched[m.i] = true;
      next(m);
      if (hit === 'after') return { kind: 'wait' };
      continue;
    }
    if ('press' in step) {
      m.touched[m.i] = true;
      next(m);
      return { kind: 'digits', digits: step.press };
    }
    if ('hangupDuring' in step) {
      const atMs = duringHit(step.hangupDuring, w, t);
      if (atMs === null) return { kind: 'wait' };
      m.touched[m.i] = true;
      if (atMs > 0) return { kind: 'wait', seconds: atMs / 1000 };
      next(m);
      return { kind: 'hangup' };
    }
    if ('hangup' in step) {
      const total = step.hangup === true ? 0 : (step.hangup.after ?? 0) * 1000;
      const left = m.remainingMs ?? total;
      m.touched[m.i] = true;
      if (left > 0) {
        m.remainingMs = left;
        return { kind: 'wait', seconds: left / 1000 };
      }
      next(m);
      return { kind: 'hangup' };
    }
    const timed = timedInput(step, m.remainingMs);
    if (timed === null) {
      next(m);
      continue;
    }
    m.touched[m.i] = true;
    m.remainingMs = timed.seconds * 1000;
    return timed;
  }
  return { kind: 'wait' };
}

function timedInput(
  step: CallerStep,
  remainingMs: number | null,
): Extract<CallInput, { seconds: number }> | null {
  if ('speak' in step) {
    const left = remainingMs ?? step.speak * 1000;
    if (!(left > 0)) return null;
    return step.transcript === undefined
      ? { kind: 'speech', seconds: left / 1000 }
      : { kind: 'speech', seconds: left / 1000, transcript: step.transcript };
  }
  if ('silence' in step) {
    const left = remainingMs ?? step.silence * 1000;
    return left > 0 ? { kind: 'silence', seconds: left / 1000 } : null;
  }
  if ('say' in step) {
    const s = saySeconds(step);
    const left = remainingMs ?? s.seconds * 1000;
    if (!(left > 0)) return null;
    const input: Extract<CallInput, { kind: 'speech' }> = {
      kind: 'speech',
      seconds: left / 1000,
      transcript: s.text,
    };
    if (s.confidence !== undefined) input.confidence = s.confidence;
    return input;
  }
  return null;
}

/** Book-keeping after the engine answered: how much of a timed step was used. */
export function afterInput(m: CallerModel, input: CallInput, consumedMs: number): void {
  if (m.remainingMs === null) return;
  if (input.kind !== 'speech' && input.kind !== 'silence' && input.kind !== 'wait') return;
  m.remainingMs -= consumedMs;
  if (m.remainingMs <= 0 && !('hangup' in (m.steps[m.i] ?? {}))) next(m);
}

function next(m: CallerModel): void {
  m.i++;
  m.remainingMs = null;
}

/** `after`: matched, let this activity finish first; `now`: matched, act now; `none`. */
function waitHit(target: WaitTarget, w: WaitingFor): 'after' | 'now' | 'none' {
  if (w.kind === 'ended' || w.kind === 'dial') return 'none';
  if (target === 'beep') return w.kind === 'listening' && w.what === 'beep' ? 'after' : 'none';
  if (target === 'record') return w.kind === 'record' ? 'now' : 'none';
  if (target === 'gather')
    return w.kind === 'gather' || (w.kind === 'listening' && w.interruptible) ? 'now' : 'none';
  if (
    w.kind === 'listening' &&
    w.what === 'say' &&
    w.text !== undefined &&
    safeRegex(target.sayText).test(w.text)
  ) {
    return 'after';
  }
  return 'none';
}

function safeRegex(src: string): RegExp {
  try {
    return new RegExp(src);
  } catch {
    return /(?!)/;
  }
}

/** Ms still to wait before hanging up in the matching activity, or null when it is not it. */
function duringHit(d: HangupDuring, w: WaitingFor, t: number): number | null {
  if (w.kind === 'ended' || w.kind === 'dial') return null;
  let match = false;
  let span = Number.POSITIVE_INFINITY;
  let from = w.startedAt;
  if (w.kind === 'listening') {
    // @note `dial` means the bridged talk, not the ringing before it.
    match = w.what !== 'ringing' && d[w.what] === w.occurrence && !w.path.startsWith('callrig:');
    span = w.endsAt - w.startedAt;
  } else if (w.kind === 'record') {
    match = d.record === w.occurrence;
    from = w.captureStartedAt;
  } else if (w.kind === 'gather') match = d.gather === w.occurrence;
  if (!match) return null;
  // @note Clamped inside the activity, so "during" never lands on its last instant.
  const at = Math.min(d.after !== undefined ? d.after * 1000 : 1000, span / 2);
  return Math.max(0, at - (t - from));
}

/** CALLRIG_SCRIPT_UNUSED for each step that never got its moment and each unused outcome. */
export function unusedWarnings(m: CallerModel): ScriptWarning[] {
  const out = [...m.warnings];
  m.steps.forEach((step, i) => {
    if (!m.touched[i]) {
      out.push({
        code: 'CALLRIG_SCRIPT_UNUSED',
        step: i,
        message: `Script step ${i} (${JSON.stringify(step)}) never got its moment: the call ended first`,
      });
    }
  });
  for (let i = m.dialUsed; i < m.dial.length; i++) {
    out.push({
      code: 'CALLRIG_SCRIPT_UNUSED',
      step: i,
      message: `Dial outcome ${i} (${JSON.stringify(m.dial[i])}) was never used: no <Dial> asked for it`,
    });
  }
  return out;
}
