import { describe, expect, it } from 'vitest';
import type { CallerScript } from '../../../../src/core/caller/caller-script.ts';
import { type CallInit, type EngineOptionsInput, runCall } from '../../../../src/core/index.ts';
import {
  ACTION_URL,
  ctxWith,
  memoryPort,
  params,
  sdkInit,
  VOICE_URL,
  VoiceResponse,
  xml,
} from './helpers.ts';

const RSC = 'http://127.0.0.1:3000/recording-status';
const STATUS = 'http://127.0.0.1:3000/status';

type RecordAttrs = Parameters<InstanceType<typeof VoiceResponse>['record']>[0];

async function record(
  attrs: RecordAttrs,
  script: CallerScript,
  opts?: EngineOptionsInput,
  init: Partial<CallInit> = {},
) {
  const r = new VoiceResponse();
  r.record(attrs);
  r.say('After record.');
  const then = new VoiceResponse();
  then.say('Action ran.');
  const { port, requests } = memoryPort({
    [VOICE_URL]: xml(r.toString()),
    [ACTION_URL]: xml(then.toString()),
  });
  const result = await runCall(sdkInit({ statusCallback: STATUS, ...init }), script, ctxWith(port, opts));
  return {
    result,
    requests,
    action: requests.find((q) => q.kind === 'action' || q.kind === 'hangup-action'),
  };
}

const recEnded = (tl: Awaited<ReturnType<typeof record>>['result']['timeline']) =>
  tl.find((e) => e.type === 'record.ended');

describe('<Record> (fidelity §3.4)', () => {
  it('defaults: beep 0.5 s, timeout 5, action = current document URL with POST', async () => {
    const r = new VoiceResponse();
    r.record();
    const { port, requests } = memoryPort({
      [VOICE_URL]: (q) => (q.kind === 'voice' ? xml(r.toString()) : xml('<Response><Hangup/></Response>')),
    });
    const res = await runCall(sdkInit(), [{ waitFor: 'beep' }, { speak: 4 }], ctxWith(port));
    const beep = res.timeline.find((e) => e.type === 'beep');
    const started = res.timeline.find((e) => e.type === 'record.started');
    expect(beep).toMatchObject({ durationMs: 500 });
    expect(started).toMatchObject({ timeout: 5, maxLength: 600, finishOnKey: '1234567890*#' });
    expect((started?.t ?? 0) - (beep?.t ?? 0)).toBe(500);
    const action = requests[1];
    expect(action).toMatchObject({ kind: 'action', method: 'POST', url: VOICE_URL });
    expect(recEnded(res.timeline)).toMatchObject({ reason: 'silence', duration: 4 });
    expect((recEnded(res.timeline)?.t ?? 0) - (started?.t ?? 0)).toBe(9000);
  });

  it('maxLength is capped at 600 on SDK calls, not on PSTN calls', async () => {
    const sdk = await record({ action: ACTION_URL, maxLength: 1000, timeout: 0 }, [
      { waitFor: 'beep' },
      { speak: 2000 },
    ]);
    expect(params(sdk.action).RecordingDuration).toBe('600');
    const pstn = await record(
      { action: ACTION_URL, maxLength: 1000, timeout: 0 },
      [{ waitFor: 'beep' }, { speak: 2000 }],
      undefined,
      {
        sdkCall: false,
        from: '+14155550100',
        to: '+14155550111',
      },
    );
    expect(params(pstn.action).RecordingDuration).toBe('1000');
  });

  it('keys outside finishOnKey are ignored; a listed key ends the take', async () => {
    const { action, result } = await record({ action: ACTION_URL, finishOnKey: '*' }, [
      { waitFor: 'beep' },
      { speak: 3 },
      { press: '5' },
      { speak: 2 },
      { press: '*' },
    ]);
    expect(params(action)).toMatchObject({ Digits: '*', RecordingDuration: '5' });
    expect(
      result.timeline
        .filter((e) => e.type === 'caller.digits')
        .map((e) => (e.type === 'caller.digits' ? e.ignored : null)),
    ).toEqual([true, false]);
    expect(result.timeline.map((e) => (e.type === 'say' ? e.text : '')).filter(Boolean)).toEqual([
      'Action ran.',
    ]);
  });

  it('trim="do-not-trim" counts the silence; trim-silence does not', async () => {
    const script: CallerScript = [{ waitFor: 'beep' }, { silence: 2 }, { speak: 6 }];
    const trimmed = await record({ action: ACTION_URL, timeout: 3 }, script);
    expect(params(trimmed.action).RecordingDuration).toBe('6');
    const raw = await record({ action: ACTION_URL, timeout: 3, trim: 'do-not-trim' }, script);
    expect(params(raw.action).RecordingDuration).toBe('11');
  });

  it('record.durationInAction "raw" sends the raw length in the action only', async () => {
    const { action, result } = await record(
      { action: ACTION_URL, timeout: 3, recordingStatusCallback: RSC },
      [{ waitFor: 'beep' }, { speak: 6 }],
      { record: { durationInAction: 'raw' } },
    );
    expect(params(action).RecordingDuration).toBe('9');
    const cb = result.timeline.find(
      (e) => e.type === 'callback.sent' && e.kind === 'recording-status-callback',
    );
    expect(cb?.type === 'callback.sent' ? Object.fromEntries(cb.params).RecordingDuration : '').toBe('6');
  });

  it('record.digitsWhenNoKey "empty" sends Digits= on a silence ending', async () => {
    const { action } = await record({ action: ACTION_URL }, [{ waitFor: 'beep' }, { speak: 2 }], {
      record: { digitsWhenNoKey: 'empty' },
    });
    expect(params(action).Digits).toBe('');
  });

  it('empty take, default: no action, falls through, absent/16102; callback only when absent is subscribed', async () => {
    const plain = await record({ action: ACTION_URL, recordingStatusCallback: RSC }, []);
    expect(plain.action).toBeUndefined();
    expect(recEnded(plain.result.timeline)).toMatchObject({
      status: 'absent',
      errorCode: 16102,
      reason: 'empty',
      actionRequested: false,
    });
    expect(plain.requests.some((q) => q.kind === 'recording-status-callback')).toBe(false);
    expect(plain.result.timeline.some((e) => e.type === 'say' && e.text === 'After record.')).toBe(true);
    const sub = await record(
      {
        action: ACTION_URL,
        recordingStatusCallback: RSC,
        recordingStatusCallbackEvent: ['absent', 'completed'],
      },
      [],
    );
    const cb = sub.requests.find((q) => q.kind === 'recording-status-callback');
    expect(params(cb)).toMatchObject({
      RecordingStatus: 'absent',
      ErrorCode: '16102',
      RecordingDuration: '0',
    });
  });

  it('record.silentRecording "save": an empty take fires the action with its raw length, no Digits', async () => {
    const { action, result } = await record({ action: ACTION_URL, timeout: 4 }, [], {
      record: { silentRecording: 'save' },
    });
    expect(params(action)).toMatchObject({ RecordingDuration: '4', CallStatus: 'in-progress' });
    expect(params(action).Digits).toBeUndefined();
    expect(result.recordings[0]).toMatchObject({ status: 'completed', errorCode: 0 });
  });

  it('hang-up before any speech: no action, absent 16101 under 1 s', async () => {
    const { action, result } = await record({ action: ACTION_URL }, [
      { hangupDuring: { beep: 1, after: 0.2 } },
    ]);
    expect(action).toBeUndefined();
    expect(recEnded(result.timeline)).toMatchObject({ status: 'absent', errorCode: 16101 });
    expect(result.timeline.at(-2)).toMatchObject({ type: 'call.ended', hungUpBy: 'caller' });
  });

  it('recording status callback: separate, 1 s after the take, after the status callback when the call ended', async () => {
    const { requests, result } = await record({ action: ACTION_URL, recordingStatusCallback: RSC }, [
      { waitFor: 'beep' },
      { speak: 7 },
      { hangup: true },
    ]);
    expect(requests.map((q) => q.kind)).toEqual([
      'voice',
      'hangup-action',
      'status-callback',
      'recording-status-callback',
    ]);
    const cb = params(requests[3]);
    expect(cb).toMatchObject({
      RecordingStatus: 'completed',
      RecordingChannels: '1',
      RecordingSource: 'RecordVerb',
      ErrorCode: '0',
      RecordingDuration: '7',
    });
    expect(cb.RecordingStartTime).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/,
    );
    expect(Object.keys(cb).sort()).toEqual([
      'AccountSid',
      'CallSid',
      'ErrorCode',
      'RecordingChannels',
      'RecordingDuration',
      'RecordingSid',
      'RecordingSource',
      'RecordingStartTime',
      'RecordingStatus',
      'RecordingUrl',
    ]);
    const ended = recEnded(result.timeline);
    const sent = result.timeline.find(
      (e) => e.type === 'callback.sent' && e.kind === 'recording-status-callback',
    );
    expect((sent?.t ?? 0) - (ended?.t ?? 0)).toBe(1000);
  });

  it('recording status callback mid-call arrives 1 s after the take, while the next TwiML plays', async () => {
    const { result } = await record({ action: ACTION_URL, recordingStatusCallback: RSC }, [
      { waitFor: 'beep' },
      { speak: 2 },
    ]);
    const ended = recEnded(result.timeline);
    const sent = result.timeline.find(
      (e) => e.type === 'callback.sent' && e.kind === 'recording-status-callback',
    );
    expect((sent?.t ?? 0) - (ended?.t ?? 0)).toBe(1000);
    const tl = result.timeline;
    expect(tl.indexOf(sent as (typeof tl)[number])).toBeLessThan(
      tl.findIndex((e) => e.type === 'call.ended'),
    );
  });

  it('in-progress is sent at capture start when subscribed', async () => {
    const { requests } = await record(
      {
        action: ACTION_URL,
        recordingStatusCallback: RSC,
        recordingStatusCallbackEvent: ['in-progress', 'completed'],
      },
      [{ waitFor: 'beep' }, { speak: 2 }],
    );
    expect(
      requests.filter((q) => q.kind === 'recording-status-callback').map((q) => params(q).RecordingStatus),
    ).toEqual(['in-progress', 'completed']);
  });

  it('the hang-up action: its TwiML is never run; with hangupResponse "validate" its diagnostics become warnings', async () => {
    const r = new VoiceResponse();
    r.record({ action: ACTION_URL });
    const { port } = memoryPort({
      [VOICE_URL]: xml(r.toString()),
      [ACTION_URL]: xml('<Response><Say>never</Say><bogus/></Response>'),
    });
    const ignore = await runCall(
      sdkInit(),
      [{ waitFor: 'beep' }, { speak: 3 }, { hangup: true }],
      ctxWith(port),
    );
    expect(ignore.timeline.some((e) => e.type === 'say')).toBe(false);
    expect(ignore.errors).toEqual([]);
    const validate = await runCall(
      sdkInit(),
      [{ waitFor: 'beep' }, { speak: 3 }, { hangup: true }],
      ctxWith(port, { record: { hangupResponse: 'validate' } }),
    );
    expect(validate.errors.map((e) => [e.code, e.severity])).toEqual([[12200, 'warning']]);
    expect(validate.timeline.some((e) => e.type === 'say')).toBe(false);
  });

  it('the hang-up action failing is only a warning: no fallback, no apology', async () => {
    const r = new VoiceResponse();
    r.record({ action: ACTION_URL });
    const { port, requests } = memoryPort({
      [VOICE_URL]: xml(r.toString()),
      [ACTION_URL]: { ok: false, code: 11205, message: 'refused', elapsedMs: 0 },
    });
    const res = await runCall(
      sdkInit({ fallbackUrl: 'http://127.0.0.1:3000/fb' }),
      [{ waitFor: 'beep' }, { speak: 3 }, { hangup: true }],
      ctxWith(port),
    );
    expect(res.errors.map((e) => [e.code, e.severity])).toEqual([[11205, 'warning']]);
    expect(requests.some((q) => q.kind === 'fallback')).toBe(false);
    expect(res.status).toBe('completed');
  });

  it('a relative action resolves against the document URL', async () => {
    const r = new VoiceResponse();
    r.record({ action: 'recording-callback?x=1' });
    const { port, requests } = memoryPort({ 'http://127.0.0.1:3000/ivr/voice': xml(r.toString()) });
    await runCall(
      sdkInit({ url: 'http://127.0.0.1:3000/ivr/voice#ct=1000' }),
      [{ waitFor: 'beep' }, { speak: 2 }],
      ctxWith(port),
    );
    expect(requests[1]?.url).toBe('http://127.0.0.1:3000/ivr/recording-callback?x=1');
  });

  it('playBeep="false" starts capture at once', async () => {
    const { result } = await record({ action: ACTION_URL, playBeep: false }, [
      { waitFor: 'record' },
      { speak: 2 },
    ]);
    expect(result.timeline.some((e) => e.type === 'beep')).toBe(false);
    expect(recEnded(result.timeline)).toMatchObject({ duration: 2 });
  });

  it('transcription callback for a 2–120 s take, with the scripted transcript', async () => {
    const cb = 'http://127.0.0.1:3000/transcribed';
    const { requests } = await record({ action: ACTION_URL, transcribe: true, transcribeCallback: cb }, [
      { waitFor: 'beep' },
      { speak: 5, transcript: 'call me back' },
    ]);
    const t = requests.find((q) => q.kind === 'transcription-callback');
    expect(params(t)).toMatchObject({ TranscriptionText: 'call me back', TranscriptionStatus: 'completed' });
  });
});
