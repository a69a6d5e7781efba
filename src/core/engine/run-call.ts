/**
 * Runs a whole call against a caller script: `startCall`, then `resumeCall` with whatever the
 * scripted caller does at each waiting point, until the call ends.
 */
import { afterInput, createCallerModel, nextInput, unusedWarnings } from '../caller/caller-model.ts';
import type { CallerScript } from '../caller/caller-script.ts';
import { normaliseScript } from '../caller/caller-script.ts';
import { resumeCall, startCall } from './call-engine.ts';
import type { TimelineEvent } from './timeline.ts';
import type { CallInit, CallResult, EngineContext } from './types.ts';

/** Hard bound on steps per call: far above any real call, it only stops a broken loop. */
const MAX_STEPS = 1_000_000;

/**
 * @example
 * const result = await runCall(
 *   { accountSid, direction: 'inbound', from: 'client:alice', to: '', url: 'http://127.0.0.1:3000/voice', sdkCall: true },
 *   [{ waitFor: 'beep' }, { speak: 12 }],
 *   { port, clock: createVirtualClock(), ids: createIdSource(1) },
 * );
 */
export async function runCall(init: CallInit, script: CallerScript, ctx: EngineContext): Promise<CallResult> {
  const model = createCallerModel(script);
  const callee = normaliseScript(script).callee;
  const start = callee !== undefined && init.callee === undefined ? { ...init, callee } : init;
  let step = await startCall(start, ctx);
  const timeline: TimelineEvent[] = step.events;
  let steps = 0;
  while (step.waiting.kind !== 'ended') {
    if (++steps > MAX_STEPS) {
      step = await resumeCall(step.state, { kind: 'complete' }, ctx);
      model.warnings.push({
        code: 'CALLRIG_SCRIPT_UNUSED',
        message: `[callrig] The call made no progress after ${MAX_STEPS} steps; ended`,
      });
      for (const e of step.events) timeline.push(e);
      break;
    }
    const input = nextInput(model, step.waiting, step.state.t);
    step = await resumeCall(step.state, input, ctx);
    afterInput(model, input, step.consumedMs);
    for (const e of step.events) timeline.push(e);
  }
  const w = step.waiting;
  const errors: CallResult['errors'] = [];
  for (const e of timeline) if (e.type === 'error') errors.push(e);
  return {
    callSid: step.state.call.callSid,
    status: w.kind === 'ended' ? w.status : 'completed',
    durationSec: w.kind === 'ended' ? w.durationSec : 0,
    timeline,
    recordings: step.state.recordings,
    scriptWarnings: unusedWarnings(model),
    errors,
  };
}
