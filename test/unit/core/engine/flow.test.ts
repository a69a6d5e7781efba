import { describe, expect, it } from 'vitest';
import { resumeCall, runCall, startCall, type TimelineEvent } from '../../../../src/core/index.ts';
import { AC, ctxWith, memoryPort, params, sdkInit, VOICE_URL, VoiceResponse, xml } from './helpers.ts';

const STATUS = 'http://127.0.0.1:3000/status';
const says = (tl: TimelineEvent[]) => tl.flatMap((e) => (e.type === 'say' ? [e.text] : []));
const doc = (build: (r: InstanceType<typeof VoiceResponse>) => void) => {
  const r = new VoiceResponse();
  build(r);
  return r.toString();
};

describe('control flow (fidelity §2.4, §3.6–3.8)', () => {
  it('Redirect resolves relatively, sends the standard set only, and replaces the document', async () => {
    const { port, requests } = memoryPort({
      'http://127.0.0.1:3000/ivr/start': xml(
        doc((r) => {
          r.redirect({ method: 'GET' }, 'next');
          r.say('unreachable');
        }),
      ),
      'http://127.0.0.1:3000/ivr/next': xml(doc((r) => r.say('Second document.'))),
    });
    const res = await runCall(sdkInit({ url: 'http://127.0.0.1:3000/ivr/start' }), [], ctxWith(port));
    expect(requests[1]).toMatchObject({
      kind: 'redirect',
      method: 'GET',
      url: 'http://127.0.0.1:3000/ivr/next',
    });
    expect(Object.keys(params(requests[1]))).toEqual([
      'AccountSid',
      'ApiVersion',
      'ApplicationSid',
      'CallSid',
      'CallStatus',
      'Called',
      'Caller',
      'Direction',
      'From',
      'To',
    ]);
    expect(params(requests[1]).CallStatus).toBe('in-progress');
    expect(says(res.timeline)).toEqual(['Second document.']);
  });

  it('running off the end hangs up completed', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(doc((r) => r.say('Only this.'))) });
    const res = await runCall(sdkInit(), [], ctxWith(port));
    expect(res.timeline.at(-1)).toMatchObject({
      type: 'call.ended',
      status: 'completed',
      reason: 'end-of-document',
      hungUpBy: 'twiml',
      durationSec: 1,
    });
  });

  it('Hangup stops at once; later verbs never run', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.hangup();
          r.say('never');
        }),
      ),
    });
    const res = await runCall(sdkInit(), [], ctxWith(port));
    expect(says(res.timeline)).toEqual([]);
    expect(res.timeline.some((e) => e.type === 'call.answered')).toBe(true);
    expect(res.status).toBe('completed');
  });

  it.each([
    ['busy', 'busy'],
    ['rejected', 'no-answer'],
  ] as const)(
    'Reject reason=%s as first verb: never answered, status %s, CallDuration 0',
    async (reason, status) => {
      const { port, requests } = memoryPort({ [VOICE_URL]: xml(doc((r) => r.reject({ reason }))) });
      const res = await runCall(sdkInit({ statusCallback: STATUS }), [], ctxWith(port));
      expect(res.status).toBe(status);
      expect(res.timeline.some((e) => e.type === 'call.answered')).toBe(false);
      expect(params(requests.find((q) => q.kind === 'status-callback'))).toMatchObject({
        CallStatus: status,
        CallDuration: '0',
        Duration: '0',
      });
    },
  );

  it('Reject after another verb ends like Hangup (completed)', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.say('Hi');
          r.reject();
        }),
      ),
    });
    expect((await runCall(sdkInit(), [], ctxWith(port))).status).toBe('completed');
  });

  it('a document of one Pause answers when it ends, so CallDuration is 0', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(doc((r) => r.pause({ length: 5 }))) });
    const res = await runCall(sdkInit(), [], ctxWith(port));
    expect(res.timeline.find((e) => e.type === 'call.answered')?.t).toBe(5000);
    expect(res.durationSec).toBe(0);
  });

  it('Pause as first verb delays answering by its length', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.pause({ length: 3 });
          r.say('Hello');
        }),
      ),
    });
    const res = await runCall(sdkInit(), [], ctxWith(port));
    expect(res.timeline.find((e) => e.type === 'call.answered')?.t).toBe(3000);
    expect(res.durationSec).toBe(1);
  });

  it('an unsimulated verb leaves a note and the call continues; twiml.unsimulated "error" fails it', async () => {
    const body =
      '<Response><Start><Stream url="wss://x.example/s"/></Start><Say>After start</Say></Response>';
    const { port } = memoryPort({ [VOICE_URL]: xml(body) });
    const res = await runCall(sdkInit(), [], ctxWith(port));
    expect(res.timeline.find((e) => e.type === 'note')).toMatchObject({ note: 'not-simulated' });
    expect(says(res.timeline)).toEqual(['After start']);
    const strict = await runCall(sdkInit(), [], ctxWith(port, { twiml: { unsimulated: 'error' } }));
    expect(strict.errors[0]?.code).toBe(13750);
  });

  it('the status callback carries CallDuration, Duration, Timestamp, CallbackSource, SequenceNumber', async () => {
    const { port, requests } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.say('Hi');
          r.pause({ length: 60 });
        }),
      ),
    });
    await runCall(sdkInit({ statusCallback: STATUS, statusCallbackMethod: 'GET' }), [], ctxWith(port));
    const cb = requests.find((q) => q.kind === 'status-callback');
    expect(cb?.method).toBe('GET');
    expect(params(cb)).toMatchObject({
      CallStatus: 'completed',
      CallDuration: '61',
      Duration: '2',
      CallbackSource: 'call-progress-events',
      SequenceNumber: '0',
      Timestamp: 'Thu, 01 Jan 2026 00:01:01 +0000',
    });
    expect(params(cb).SipResponseCode).toBeUndefined();
  });
});

describe('outbound-api calls and control inputs (fidelity §4.4, §9.2)', () => {
  const rest = (extra = {}) => ({
    accountSid: AC,
    direction: 'outbound-api' as const,
    from: '+14155550100',
    to: '+14155550111',
    url: VOICE_URL,
    statusCallback: STATUS,
    statusCallbackEvents: ['initiated', 'ringing', 'answered', 'completed'] as Array<
      'initiated' | 'ringing' | 'answered' | 'completed'
    >,
    ...extra,
  });

  it('rings, then fetches the Url with CallStatus=in-progress and the progress events in sequence', async () => {
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(doc((r) => r.say('Your callback is here.'))) });
    const res = await runCall(rest(), { callee: { answer: { after: 4 } } }, ctxWith(port));
    const voice = params(requests.find((q) => q.kind === 'voice'));
    expect(voice).toMatchObject({
      CallStatus: 'in-progress',
      Direction: 'outbound-api',
      Called: '+14155550111',
      FromCity: '',
      ToCountry: '',
    });
    const cbs = requests
      .filter((q) => q.kind === 'status-callback')
      .map((q) => [params(q).CallStatus, params(q).SequenceNumber]);
    expect(cbs).toEqual([
      ['initiated', '0'],
      ['ringing', '1'],
      ['in-progress', '2'],
      ['completed', '3'],
    ]);
    expect(params(requests.at(-1)).SipResponseCode).toBe('200');
    expect(res.timeline.find((e) => e.type === 'call.answered')?.t).toBe(4000);
  });

  it.each(['busy', 'failed', 'no-answer'] as const)(
    'callee %s: no Url fetch, the call ends with that status',
    async (outcome) => {
      const { port, requests } = memoryPort({});
      const res = await runCall(rest({ ringTimeoutSec: 30 }), { callee: outcome }, ctxWith(port));
      expect(requests.some((q) => q.kind === 'voice')).toBe(false);
      expect(res.status).toBe(outcome);
      expect(res.durationSec).toBe(0);
      if (outcome === 'no-answer') expect(res.timeline.at(-2)?.t).toBe(30_000);
    },
  );

  it('the callee hangs up after talkFor', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(doc((r) => r.pause({ length: 100 }))) });
    const res = await runCall(rest(), { callee: { answer: { after: 0, talkFor: 12 } } }, ctxWith(port));
    expect(res.durationSec).toBe(12);
  });

  it('control inputs: redirect aborts the current verb; twiml replaces it; complete ends the call', async () => {
    const other = 'http://127.0.0.1:3000/other';
    const { port, requests } = memoryPort({
      [VOICE_URL]: xml(doc((r) => r.pause({ length: 30 }))),
      [other]: xml(doc((r) => r.pause({ length: 30 }))),
    });
    const ctx = ctxWith(port);
    let step = await startCall(sdkInit(), ctx);
    expect(step.waiting).toMatchObject({ kind: 'listening', what: 'pause' });
    step = await resumeCall(step.state, { kind: 'redirect', url: '/other' }, ctx);
    expect(requests.at(-1)).toMatchObject({ kind: 'redirect', url: other });
    step = await resumeCall(step.state, { kind: 'twiml', twiml: doc((r) => r.say('Inline now.')) }, ctx);
    expect(step.events.some((e) => e.type === 'say' && e.text === 'Inline now.')).toBe(true);
    step = await resumeCall(step.state, { kind: 'complete' }, ctx);
    expect(step.waiting).toMatchObject({
      kind: 'ended',
      status: 'completed',
      hungUpBy: 'api',
      reason: 'api-completed',
    });
  });

  it('cancel ends a ringing outbound call as canceled, and is ignored once answered', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.say('Hi');
          r.pause({ length: 30 });
        }),
      ),
    });
    const ctx = ctxWith(port);
    const ringing = await startCall(rest({ callee: { answer: { after: 10 } } }), ctx);
    expect(ringing.waiting).toMatchObject({ kind: 'listening', what: 'ringing' });
    const canceled = await resumeCall(ringing.state, { kind: 'cancel' }, ctx);
    expect(canceled.waiting).toMatchObject({ kind: 'ended', status: 'canceled' });
    const live = await startCall(sdkInit(), ctx);
    const still = await resumeCall(live.state, { kind: 'cancel' }, ctx);
    expect(still.waiting).toMatchObject({ kind: 'listening', what: 'say' });
  });

  it('engine.timeLimitSec ends a long call with CALLRIG_TIME_LIMIT', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml(
        doc((r) => {
          r.say('Hi');
          r.pause({ length: 500 });
        }),
      ),
    });
    const res = await runCall(sdkInit(), [], ctxWith(port, { engine: { timeLimitSec: 60 } }));
    expect(res.durationSec).toBe(60);
    expect(res.errors.map((e) => e.code)).toEqual(['CALLRIG_TIME_LIMIT']);
  });
});
