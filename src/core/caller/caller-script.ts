/**
 * The human on the call, described by what they hear and do. Plain JSON: the scenario YAML
 * carries it verbatim.
 * @example
 * const script: CallerScript = [{ waitFor: 'beep' }, { speak: 12 }, { silence: 5 }];
 * const outbound: CallerScript = { steps: [{ press: '1' }], callee: { answer: { after: 3 } }, dial: ['busy'] };
 */
import type { CalleeOutcome } from '../engine/types.ts';

/**
 * What a `waitFor` step waits for. `beep`: the beep has been heard; `record`: capture is on;
 * `gather`: a Gather has started (its prompts play, so a key interrupts them);
 * `{ sayText }`: a Say whose text matches this regular expression has been heard.
 */
export type WaitTarget = 'beep' | 'record' | 'gather' | { sayText: string };

/**
 * Which activity a `hangupDuring` step means: the n-th Say heard, the n-th Record, ... `dial`
 * is the n-th Dial's bridged talk (after the callee answered).
 */
export interface HangupDuring {
  say?: number;
  play?: number;
  pause?: number;
  beep?: number;
  record?: number;
  gather?: number;
  dial?: number;
  /** Seconds into that activity (default: 1 s, or half of a shorter prompt). */
  after?: number;
}

export type CallerStep =
  | { waitFor: WaitTarget }
  /** Talk for N seconds (recorded by Record; heard by a speech Gather as `transcript`). */
  | { speak: number; transcript?: string }
  | { silence: number }
  /** Press keys, all at this moment. */
  | { press: string }
  /** Say words to a speech Gather; lasts `seconds` (default: words / 2.5, at least 1 s). */
  | { say: string | { text: string; seconds?: number; confidence?: number } }
  /** Hang up, now or after N more seconds of silence. */
  | { hangup: true | { after?: number } }
  | { hangupDuring: HangupDuring };

export interface CallerScriptObject {
  steps?: CallerStep[];
  /** For outbound-api calls: whether the called person answers. */
  callee?: CalleeOutcome;
  /** Outcomes of the call's `<Dial>`s, in order. */
  dial?: CalleeOutcome[];
}

/** A bare step list, or the object form with callee/dial outcomes. */
export type CallerScript = CallerStep[] | CallerScriptObject;

/** The object form of any script. */
export function normaliseScript(
  script: CallerScript,
): Required<Pick<CallerScriptObject, 'steps' | 'dial'>> & CallerScriptObject {
  if (Array.isArray(script)) return { steps: script, dial: [] };
  return { ...script, steps: script.steps ?? [], dial: script.dial ?? [] };
}
