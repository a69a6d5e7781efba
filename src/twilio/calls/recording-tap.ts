import type { WebhookPort, WebhookRequest } from '../../core/index.ts';
import type { RecordingStore } from '../recordings/recording-store.ts';
import type { CallRecord, CallStatus } from './call-record.ts';
import type { CallRegistry } from './call-registry.ts';

/**
 * Wraps the webhook port to learn what the call is telling the user's server, *before* the
 * request leaves: a recording named in a Record action or recording callback is stored first,
 * so an app that fetches `RecordingUrl` while handling that very request finds it; and
 * `CallStatus` moves the REST view of the call (queued → ringing → in-progress).
 * @note The engine's final CallResult is applied afterwards and is authoritative.
 */
export function tapPort(
  inner: WebhookPort,
  deps: { calls: CallRegistry; recordings: RecordingStore; now: () => number },
): WebhookPort {
  return async (req) => {
    observe(req, deps);
    return inner(req);
  };
}

const LIVE: ReadonlySet<string> = new Set(['ringing', 'in-progress']);

function observe(
  req: WebhookRequest,
  deps: { calls: CallRegistry; recordings: RecordingStore; now: () => number },
): void {
  const call = deps.calls.any(req.callSid);
  if (!call) return;
  const get = (name: string): string | undefined => req.params.find(([k]) => k === name)?.[1];
  const status = get('CallStatus');
  if (status && LIVE.has(status) && call.status !== status && !isFinished(call)) {
    if (status === 'in-progress' && call.startTimeMs === null) call.startTimeMs = deps.now();
    deps.calls.setStatus(call, status as CallStatus, deps.now());
  }
  const recordingSid = get('RecordingSid');
  if (!recordingSid) return;
  const recStatus = get('RecordingStatus') ?? 'completed';
  if (recStatus !== 'completed' && recStatus !== 'absent') return;
  const existing = deps.recordings.get(recordingSid);
  if (existing?.status === 'deleted') return;
  const startTime = get('RecordingStartTime');
  const started = startTime ? Date.parse(startTime) : Number.NaN;
  const errorCode = Number(get('ErrorCode') ?? '0');
  deps.recordings.upsert({
    sid: recordingSid,
    accountSid: call.accountSid,
    callSid: call.sid,
    status: recStatus,
    durationSec: Number(get('RecordingDuration') ?? '0') || 0,
    errorCode: recStatus === 'absent' ? errorCode || 16102 : null,
    startTimeMs: Number.isNaN(started) ? (existing?.startTimeMs ?? deps.now()) : started,
  });
}

function isFinished(call: CallRecord): boolean {
  return ['completed', 'busy', 'failed', 'no-answer', 'canceled'].includes(call.status);
}
