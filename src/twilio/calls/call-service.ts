import type {
  CallerScript,
  CallInit,
  CallResult,
  Clock,
  EngineOptionsInput,
  IdSource,
  RecordingInfo,
  WebhookPort,
} from '../../core/index.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import type { CallRecord } from './call-record.ts';
import type { CallRegistry } from './call-registry.ts';
import { driveCall } from './engine-driver.ts';

export interface CallServiceDeps {
  clock: Clock;
  ids: IdSource;
  port: WebhookPort;
  calls: CallRegistry;
  recordings: RecordingStore;
  engine: EngineOptionsInput;
  /** Called once per call when it has ended (retention). */
  onFinished?: (callSid: string) => void;
}

/** @note Kept beside the record rather than in it: CallRecord stays plain data for JSON views. */
const settlers = new WeakMap<CallRecord, (r: CallResult | null) => void>();

/** Registers a call (so the webhook client can sign for it) before the engine runs it. */
export function registerCall(
  deps: CallServiceDeps,
  init: CallInit & { callSid: string },
  status: CallRecord['status'],
): CallRecord {
  const now = deps.clock.now();
  let resolveDone: (r: CallResult | null) => void = () => {};
  const call: CallRecord = {
    sid: init.callSid,
    accountSid: init.accountSid,
    applicationSid: init.applicationSid ?? null,
    direction: init.direction,
    from: init.from,
    to: init.to,
    status,
    dateCreatedMs: now,
    dateUpdatedMs: now,
    startTimeMs: null,
    endTimeMs: null,
    durationSec: null,
    parentCallSid: null,
    timeline: [],
    result: null,
    pendingControls: [],
    done: new Promise((resolve) => {
      resolveDone = resolve;
    }),
  };
  settlers.set(call, resolveDone);
  deps.calls.add(call);
  return call;
}

/** Ends a call that never ran (REST cancel while queued): no callbacks, as Twilio (§4.4). */
export function cancelQueuedCall(deps: Pick<CallServiceDeps, 'clock' | 'calls'>, call: CallRecord): void {
  const now = deps.clock.now();
  call.endTimeMs = now;
  call.durationSec = 0;
  deps.calls.setStatus(call, 'canceled', now);
  settlers.get(call)?.(null);
}

/** Runs a registered call through the engine and records the outcome. Never rejects. */
export async function runRegisteredCall(
  deps: CallServiceDeps,
  call: CallRecord,
  init: CallInit,
  script: CallerScript | undefined,
): Promise<CallResult | null> {
  const settle = settlers.get(call);
  try {
    const ctx = { port: deps.port, clock: deps.clock, ids: deps.ids, options: deps.engine };
    const result = await driveCall(init, script ?? [], ctx, {
      pendingControls: call.pendingControls,
      onEvents: (events) => call.timeline.push(...events),
    });
    applyResult(deps, call, result);
    settle?.(result);
    return result;
  } catch (err) {
    call.internalError = (err as Error).message;
    call.endTimeMs = deps.clock.now();
    call.durationSec = call.durationSec ?? 0;
    deps.calls.setStatus(call, 'failed', deps.clock.now());
    deps.onFinished?.(call.sid);
    settle?.(null);
    return null;
  }
}

function applyResult(deps: CallServiceDeps, call: CallRecord, result: CallResult): void {
  call.result = result;
  call.timeline = result.timeline;
  const answered = result.timeline.find((e) => e.type === 'call.answered');
  const ended = result.timeline.find((e) => e.type === 'call.ended');
  if (answered) call.startTimeMs = answered.at;
  else call.startTimeMs ??= result.timeline[0]?.at ?? deps.clock.now();
  call.endTimeMs = ended?.at ?? deps.clock.now();
  call.durationSec = result.durationSec;
  deps.calls.setStatus(call, result.status, call.endTimeMs);
  for (const r of result.recordings) ingestRecording(deps.recordings, r);
  deps.onFinished?.(call.sid);
}

/** Stores (or confirms) a recording the engine reported. */
export function ingestRecording(store: RecordingStore, r: RecordingInfo): void {
  if (store.get(r.recordingSid)?.status === 'deleted') return;
  store.upsert({
    sid: r.recordingSid,
    accountSid: r.accountSid,
    callSid: r.callSid,
    status: r.status,
    durationSec: r.durationSec,
    errorCode: r.status === 'absent' ? r.errorCode || 16102 : null,
    startTimeMs: r.startEpochMs,
    source: r.source,
    channels: r.channels,
  });
}
