/**
 * What a finished take leaves behind: the Recording resource, the `record.ended` event, and
 * the asynchronous recording status / transcription callbacks (fidelity §3.4, §4.6).
 */

import type { PendingCallback, RecordActivity } from '../call-state.ts';
import { resolveUrl, rfc2822 } from '../params.ts';
import { emitError, type Run } from '../run.ts';
import type { RecordingInfo, RecordVerb } from '../types.ts';

export function recordVerb(run: Run, a: RecordActivity): RecordVerb {
  return run.state.doc?.verbs[a.verbIndex] as RecordVerb;
}

export function transcript(t: string | undefined): { transcript?: string } {
  return t === undefined ? {} : { transcript: t };
}

export function ended(
  a: RecordActivity,
  duration: number,
  rawMs: number,
  reason: 'silence' | 'key' | 'max-length' | 'hangup' | 'empty',
  status: 'completed' | 'absent',
  errorCode: number,
  digits: string | undefined,
  actionRequested: boolean,
) {
  return {
    type: 'record.ended' as const,
    path: a.path,
    recordingSid: a.recordingSid,
    duration,
    rawMs,
    reason,
    status,
    errorCode,
    ...(digits !== undefined ? { digits } : {}),
    actionRequested,
  };
}

export function saveRecording(
  run: Run,
  a: RecordActivity,
  status: 'completed' | 'absent',
  durationSec: number,
  rawMs: number,
  errorCode: number,
): RecordingInfo {
  const s = run.state;
  const c = s.call;
  const info: RecordingInfo = {
    recordingSid: a.recordingSid,
    callSid: c.callSid,
    accountSid: c.accountSid,
    status,
    durationSec,
    rawMs,
    errorCode,
    startEpochMs: s.startEpochMs + a.captureStartedAt,
    mediaUrl: `${c.apiOrigin}/2010-04-01/Accounts/${c.accountSid}/Recordings/${a.recordingSid}`,
    source: 'RecordVerb',
    channels: 1,
    speech: a.speech,
  };
  s.recordings.push(info);
  return info;
}

/** A recording status callback (§4.6), queued `recording.processingDelayMs` after `at`. */
export function recordingCallback(
  run: Run,
  verb: RecordVerb,
  a: RecordActivity,
  status: 'in-progress' | 'completed' | 'absent',
  durationSec: number,
  errorCode: number,
  at: number,
) {
  const s = run.state;
  const c = s.call;
  const params: Array<[string, string]> = [
    ['AccountSid', c.accountSid],
    ['CallSid', c.callSid],
    ['ErrorCode', String(errorCode)],
    ['RecordingChannels', '1'],
    ['RecordingSid', a.recordingSid],
    ['RecordingSource', 'RecordVerb'],
    ['RecordingStartTime', rfc2822(s.startEpochMs + a.captureStartedAt)],
    ['RecordingStatus', status],
    ['RecordingUrl', `${c.apiOrigin}/2010-04-01/Accounts/${c.accountSid}/Recordings/${a.recordingSid}`],
  ];
  if (status !== 'in-progress') params.push(['RecordingDuration', String(durationSec)]);
  return {
    due: status === 'in-progress' ? at : at + s.options.recording.processingDelayMs,
    kind: 'recording-status-callback' as const,
    method: verb.recordingStatusCallbackMethod,
    url: callbackUrl(run, verb.recordingStatusCallback as string, verb.path),
    params,
  };
}

/** Transcription callback (§3.4): only for takes of 2–120 s, else 13617. */
export function transcription(run: Run, verb: RecordVerb, info: RecordingInfo): void {
  const s = run.state;
  if (info.durationSec <= 2 || info.durationSec >= 120) {
    emitError(run, 13617, `Recording of ${info.durationSec} s is outside the 2–120 s transcription window`, {
      path: verb.path,
    });
    return;
  }
  const text = info.speech
    .map((x) => x.transcript ?? '')
    .filter((x) => x !== '')
    .join(' ');
  const c = s.call;
  const url = callbackUrl(run, verb.transcribeCallback as string, verb.path);
  if (url === null) return;
  const sid = run.ctx.ids.sid('TR');
  s.pending.push({
    due: s.t + s.options.recording.processingDelayMs + 1,
    kind: 'transcription-callback',
    method: 'POST',
    url,
    params: [
      ['AccountSid', c.accountSid],
      ['ApiVersion', '2010-04-01'],
      ['CallSid', c.callSid],
      ['CallStatus', 'in-progress'],
      ['Direction', c.direction],
      ['ForwardedFrom', ''],
      ['From', c.from],
      ['RecordingSid', info.recordingSid],
      ['RecordingUrl', info.mediaUrl],
      ['To', c.to],
      ['TranscriptionSid', sid],
      ['TranscriptionStatus', 'completed'],
      ['TranscriptionText', text],
      ['TranscriptionUrl', `${c.apiOrigin}/2010-04-01/Accounts/${c.accountSid}/Transcriptions/${sid}`],
    ],
  });
}

/** A callback URL resolved against the document (relative URLs allowed); null + 11100 if unusable. */
export function callbackUrl(run: Run, raw: string, path: string): string | null {
  const url = resolveUrl(raw, run.state.doc?.url ?? null);
  if (url === null) emitError(run, 11100, `Invalid URL format: callback '${raw}'`, { path }, 'warning');
  return url;
}

export function queue(run: Run, cb: PendingCallback | { url: null }): void {
  if (cb.url !== null) run.state.pending.push(cb as PendingCallback);
}
