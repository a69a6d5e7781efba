import {
  afterInput,
  type CallerScript,
  type CallInit,
  type CallInput,
  type CallResult,
  type CallState,
  type CallStep,
  createCallerModel,
  type EngineContext,
  nextInput,
  resumeCall,
  startCall,
  type TimelineEvent,
  unusedWarnings,
} from '../../core/index.ts';

/** Where the driver reports progress and finds REST updates (call.pendingControls). */
export interface StepSink {
  onEvents(events: readonly TimelineEvent[]): void;
  /** REST updates waiting to be applied, oldest first; the driver shifts them off. */
  pendingControls: CallInput[];
}

const MAX_STEPS = 1_000_000;
/** Real-time calls let time pass in slices this long, so REST updates land mid-verb. */
const REAL_TIME_SLICE_SEC = 0.2;

/**
 * Runs one call to its end: the core's `runCall` loop (caller model → `resumeCall`), plus REST
 * call updates (redirect, TwiML, hang up, cancel) applied between steps.
 * @note Not `runCall` itself: it cannot take inputs from outside the script while it runs.
 */
export async function driveCall(
  init: CallInit,
  script: CallerScript,
  ctx: EngineContext,
  sink: StepSink,
): Promise<CallResult> {
  const model = createCallerModel(script);
  let step: CallStep<CallState> = await startCall(init, ctx);
  const timeline: TimelineEvent[] = [...step.events];
  sink.onEvents(step.events);
  for (let i = 0; step.waiting.kind !== 'ended'; i++) {
    if (ctx.clock.kind === 'real' || i % 64 === 63)
      await new Promise<void>((resolve) => setImmediate(resolve));
    const control = sink.pendingControls.shift();
    const input: CallInput =
      control ?? (i >= MAX_STEPS ? { kind: 'complete' } : nextInput(model, step.waiting, step.state.t));
    // @note On a real clock an open-ended wait would hold the call inside one resumeCall for the
    // whole verb (a 60 s Pause); slicing it lets a REST `Status=completed` or `Url` act at once.
    const sliced: CallInput =
      !control && ctx.clock.kind === 'real' && input.kind === 'wait' && input.seconds === undefined
        ? { kind: 'wait', seconds: REAL_TIME_SLICE_SEC }
        : input;
    step = await resumeCall(step.state, sliced, ctx);
    if (!control) afterInput(model, sliced, step.consumedMs);
    timeline.push(...step.events);
    sink.onEvents(step.events);
  }
  const w = step.waiting;
  return {
    callSid: step.state.call.callSid,
    status: w.kind === 'ended' ? w.status : 'completed',
    durationSec: w.kind === 'ended' ? w.durationSec : 0,
    timeline,
    recordings: step.state.recordings,
    scriptWarnings: unusedWarnings(model),
    errors: timeline.filter((e): e is Extract<TimelineEvent, { type: 'error' }> => e.type === 'error'),
  };
}
