/**
 * `<Record>` (fidelity §3.4): beep, capture, the four ways a take ends, the empty-take rule,
 * the hang-up action that is never executed, and the asynchronous recording callbacks.
 */

import type { RecordActivity } from '../call-state.ts';
import { emitDiagnostics, fail, requestDocument } from '../fetch-document.ts';
import { sortParams, standardParams } from '../params.ts';
import { advance, callPort, emit, emitError, endCall, type Run } from '../run.ts';
import type { CallInput, RecordVerb } from '../types.ts';
import { actionUrl } from './action-url.ts';
import { listen } from './prompt.ts';
import {
  ended,
  queue,
  recordingCallback,
  recordVerb,
  saveRecording,
  transcript,
  transcription,
} from './record-results.ts';

/** SDK (client) legs cap maxLength at 600 s (§3.4). */
const SDK_MAX_LENGTH = 600;

/** Starts a Record: the beep as a `listening` activity, or capture at once. */
export async function startRecord(run: Run, verb: RecordVerb, verbIndex: number): Promise<void> {
  const s = run.state;
  const a: RecordActivity = {
    kind: 'record',
    path: verb.path,
    occurrence: ++s.counts.record,
    startedAt: s.t,
    verbIndex,
    recordingSid: run.ctx.ids.sid('RE'),
    captureStartedAt: s.t,
    maxLength: s.call.sdkCall ? Math.min(verb.maxLength, SDK_MAX_LENGTH) : verb.maxLength,
    speech: [],
    silenceSince: 0,
  };
  if (verb.playBeep) {
    const ms = s.options.record.beepMs;
    emit(run, { type: 'beep', path: verb.path, durationMs: ms });
    listen(run, 'beep', verb.path, ms);
    const l = s.activity;
    if (l?.kind === 'listening') l.record = a;
    return;
  }
  await startCapture(run, a);
}

/** Capture begins (after the beep). */
export async function startCapture(run: Run, a: RecordActivity): Promise<void> {
  const s = run.state;
  const verb = recordVerb(run, a);
  a.captureStartedAt = s.t;
  s.activity = a;
  emit(run, {
    type: 'record.started',
    path: a.path,
    recordingSid: a.recordingSid,
    timeout: verb.timeout,
    maxLength: a.maxLength,
    finishOnKey: verb.finishOnKey,
  });
  if (
    verb.recordingStatusCallback !== undefined &&
    verb.recordingStatusCallbackEvent.includes('in-progress')
  ) {
    queue(run, recordingCallback(run, verb, a, 'in-progress', 0, 0, s.t));
  }
}

/** Applies one caller input during capture; returns the ms of the input used. */
export async function recordInput(
  run: Run,
  a: RecordActivity,
  input: CallInput,
  limitAt: number,
): Promise<number> {
  const s = run.state;
  const verb = recordVerb(run, a);
  const pos = s.t - a.captureStartedAt;
  const maxMs = a.maxLength * 1000;
  const room = Math.min(maxMs, limitAt - a.captureStartedAt);
  switch (input.kind) {
    case 'hangup':
      emit(run, { type: 'caller.hangup' });
      await finishTake(run, a, 'hangup');
      return 0;
    case 'digits': {
      for (const key of input.digits) {
        if (verb.finishOnKey.includes(key)) {
          emit(run, { type: 'caller.digits', digits: key, ignored: false });
          await finishTake(run, a, 'key', key);
          return 0;
        }
      }
      emit(run, { type: 'caller.digits', digits: input.digits, ignored: true });
      return 0;
    }
    case 'speech': {
      const end = Math.min(pos + input.seconds * 1000, room);
      emit(run, { type: 'caller.speech', seconds: input.seconds, ...transcript(input.transcript) });
      const seg: RecordActivity['speech'][number] = { startMs: pos, endMs: end };
      if (input.transcript !== undefined) seg.transcript = input.transcript;
      if (end > pos) a.speech.push(seg);
      a.silenceSince = end;
      await advance(run, end - pos);
      if (end >= maxMs) await finishTake(run, a, 'max-length');
      return end - pos;
    }
    case 'silence':
    case 'wait': {
      const asked = input.seconds === undefined ? Number.POSITIVE_INFINITY : pos + input.seconds * 1000;
      const bySilence = verb.timeout > 0 ? a.silenceSince + verb.timeout * 1000 : Number.POSITIVE_INFINITY;
      const end = Math.min(asked, bySilence, room);
      if (input.kind === 'silence') emit(run, { type: 'caller.silence', seconds: input.seconds });
      await advance(run, end - pos);
      if (end >= maxMs) await finishTake(run, a, 'max-length');
      else if (end >= bySilence) await finishTake(run, a, 'silence');
      return end - pos;
    }
    default:
      return 0;
  }
}

/** Hang-up while the beep still plays: a take with no audio. */
export async function hangupDuringBeep(run: Run, a: RecordActivity): Promise<void> {
  a.captureStartedAt = run.state.t;
  await finishTake(run, a, 'hangup');
}

/**
 * Ends the take. Empty takes fall through (or are saved, per `record.silentRecording`);
 * others request the action, which after a hang-up is read and never executed.
 */
async function finishTake(
  run: Run,
  a: RecordActivity,
  how: 'silence' | 'key' | 'max-length' | 'hangup',
  key?: string,
) {
  const s = run.state;
  const o = s.options.record;
  const verb = recordVerb(run, a);
  const rawMs = s.t - a.captureStartedAt;
  const first = a.speech[0];
  const last = a.speech[a.speech.length - 1];
  const trimmedMs = verb.trim === 'do-not-trim' ? rawMs : first && last ? last.endMs - first.startMs : 0;
  const empty = verb.trim === 'trim-silence' && trimmedMs === 0;
  const hangup = how === 'hangup';
  s.activity = null;

  if (empty && o.silentRecording === 'fall-through') {
    const errorCode = hangup && rawMs < 1000 ? 16101 : 16102;
    saveRecording(run, a, 'absent', 0, rawMs, errorCode);
    emitError(
      run,
      errorCode,
      `Recording ${a.recordingSid} absent: ${errorCode === 16101 ? 'too short' : 'silent'}`,
      {
        path: a.path,
      },
    );
    emit(run, ended(a, 0, rawMs, 'empty', 'absent', errorCode, undefined, false));
    if (verb.recordingStatusCallback !== undefined && verb.recordingStatusCallbackEvent.includes('absent')) {
      queue(run, recordingCallback(run, verb, a, 'absent', 0, errorCode, s.t));
    }
    if (hangup) await endCall(run, 'completed', 'caller', 'caller-hangup');
    return;
  }

  const finalSec = empty ? Math.round(rawMs / 1000) : Math.max(1, Math.round(trimmedMs / 1000));
  const actionSec =
    o.durationInAction === 'raw' ? Math.max(empty ? 0 : 1, Math.round(rawMs / 1000)) : finalSec;
  const digits = hangup ? 'hangup' : key !== undefined ? key : o.digitsWhenNoKey === 'empty' ? '' : undefined;
  const info = saveRecording(run, a, 'completed', finalSec, rawMs, 0);
  emit(run, ended(a, finalSec, rawMs, how, 'completed', 0, digits, true));
  if (verb.recordingStatusCallback !== undefined && verb.recordingStatusCallbackEvent.includes('completed')) {
    queue(run, recordingCallback(run, verb, a, 'completed', finalSec, 0, s.t));
  }
  if (verb.transcribe && verb.transcribeCallback !== undefined) transcription(run, verb, info);

  const p = standardParams(s, hangup ? 'completed' : 'in-progress');
  p.push(
    ['RecordingDuration', String(actionSec)],
    ['RecordingSid', a.recordingSid],
    ['RecordingUrl', info.mediaUrl],
  );
  if (digits !== undefined) p.push(['Digits', digits]);
  const target = actionUrl(run, verb.action);
  if (!hangup) {
    if ('error' in target) return fail(run, target.error, target.message, { path: a.path }, 'verb');
    return requestDocument(run, 'action', target.url, verb.method, p);
  }
  if (!('error' in target)) await hangupAction(run, target.url, verb.method, p);
  else emitError(run, target.error, target.message, { path: a.path }, 'warning');
  await endCall(run, 'completed', 'caller', 'caller-hangup');
}

/** The action after a hang-up: sent, answer read, never executed, failures only warnings. */
async function hangupAction(run: Run, url: string, method: 'GET' | 'POST', p: Array<[string, string]>) {
  sortParams(p);
  emit(run, { type: 'webhook.requested', kind: 'hangup-action', method, url, params: p });
  const res = await callPort(run, 'hangup-action', method, url, p);
  emit(run, {
    type: 'webhook.responded',
    kind: 'hangup-action',
    url,
    status: res.ok ? res.status : null,
    contentType: res.ok ? res.contentType : null,
    bodyBytes: res.ok ? res.bodyBytes : 0,
    elapsedMs: res.elapsedMs,
    ...(res.ok ? {} : { code: res.code }),
  });
  if (!res.ok) emitError(run, res.code, `Record action after hang-up: ${res.message}`, { url }, 'warning');
  else if (res.status >= 400)
    emitError(run, 11200, `Record action after hang-up answered HTTP ${res.status}`, { url }, 'warning');
  else if (run.state.options.record.hangupResponse === 'validate') {
    emitDiagnostics(run, run.cache.parse(res.body).diagnostics, url, true);
  }
}
