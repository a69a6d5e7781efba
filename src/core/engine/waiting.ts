/**
 * Projects the state onto `WaitingFor`: what the call waits for, with what a caller model
 * needs to decide (the Say text, the take so far, the digits so far).
 */
import type { GatherVerb, RecordVerb } from '../twiml/ast.ts';
import type { CallState } from './call-state.ts';
import { dialTargets } from './steps/dial.ts';
import type { WaitingFor } from './types.ts';

export function waitingFor(s: CallState): WaitingFor {
  if (s.ended !== null) return { kind: 'ended', ...s.ended };
  const a = s.activity;
  const verbs = s.doc?.verbs ?? [];
  if (a === null) {
    // @note Unreachable by construction (the loop only stops on an activity or the end).
    return {
      kind: 'ended',
      status: 'completed',
      durationSec: 0,
      hungUpBy: 'engine',
      reason: 'end-of-document',
    };
  }
  const base = { path: a.path, occurrence: a.occurrence, startedAt: a.startedAt };
  switch (a.kind) {
    case 'listening': {
      const g = a.gather === undefined ? undefined : (verbs[a.gather.verbIndex] as GatherVerb | undefined);
      const w: WaitingFor = {
        kind: 'listening',
        ...base,
        what: a.what,
        endsAt: a.endsAt,
        interruptible: g !== undefined,
      };
      if (a.text !== undefined) w.text = a.text;
      return w;
    }
    case 'record': {
      const v = verbs[a.verbIndex] as RecordVerb;
      return {
        kind: 'record',
        ...base,
        captureStartedAt: a.captureStartedAt,
        capturedMs: s.t - a.captureStartedAt,
        silenceMs: s.t - a.captureStartedAt - a.silenceSince,
        timeout: v.timeout,
        maxLength: a.maxLength,
        finishOnKey: v.finishOnKey,
      };
    }
    case 'gather': {
      const v = verbs[a.verbIndex] as GatherVerb;
      const w: WaitingFor = {
        kind: 'gather',
        ...base,
        input: v.input,
        digits: a.digits,
        timeoutAt: a.timeoutAt,
        finishOnKey: v.finishOnKey,
      };
      if (v.numDigits !== undefined) w.numDigits = v.numDigits;
      return w;
    }
    case 'dial': {
      const v = verbs[a.verbIndex];
      return {
        kind: 'dial',
        ...base,
        targets: v?.verb === 'Dial' ? dialTargets(v) : [],
        timeout: v?.verb === 'Dial' ? v.timeout : 0,
      };
    }
  }
}
