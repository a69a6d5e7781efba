import { describe, expect, it } from 'vitest';
import type { CallerScript } from '../../../../src/core/caller/caller-script.ts';
import { type EngineOptionsInput, runCall, type TimelineEvent } from '../../../../src/core/index.ts';
import { ctxWith, memoryPort, params, sdkInit, VOICE_URL, VoiceResponse, xml } from './helpers.ts';

const NEXT = 'http://127.0.0.1:3000/menu';
type GatherAttrs = Parameters<InstanceType<typeof VoiceResponse>['gather']>[0];

async function gather(attrs: GatherAttrs, script: CallerScript, opts?: EngineOptionsInput) {
  const r = new VoiceResponse();
  const g = r.gather({ action: NEXT, ...attrs });
  g.say('Press 1 for sales, 2 for support, then the pound key.');
  r.say('We did not get your choice.');
  const { port, requests } = memoryPort({
    [VOICE_URL]: xml(r.toString()),
    [NEXT]: xml('<Response><Say>Next menu.</Say></Response>'),
  });
  const result = await runCall(sdkInit(), script, ctxWith(port, opts));
  return { result, requests, action: requests.find((q) => q.kind === 'action') };
}

const says = (tl: TimelineEvent[]) => tl.flatMap((e) => (e.type === 'say' ? [e.text] : []));

describe('<Gather> (fidelity §3.5, §4.7)', () => {
  it('digits then finishOnKey #: Digits without the key, FinishedOnKey=#, msg=Gather End', async () => {
    const { action, result } = await gather({}, [{ waitFor: 'gather' }, { press: '12#' }]);
    const p = params(action);
    expect(p).toMatchObject({
      Digits: '12',
      FinishedOnKey: '#',
      msg: 'Gather End',
      CallStatus: 'in-progress',
    });
    expect(p.SpeechResult).toBeUndefined();
    expect(says(result.timeline)).toContain('Next menu.');
    expect(says(result.timeline)).not.toContain('We did not get your choice.');
  });

  it('a key interrupts the prompt at once', async () => {
    const { result } = await gather({}, [{ waitFor: 'gather' }, { silence: 1 }, { press: '1#' }]);
    const interrupted = result.timeline.find((e) => e.type === 'prompt.interrupted');
    const say = result.timeline.find((e) => e.type === 'say');
    expect(interrupted?.t).toBe((say?.t ?? 0) + 1000);
    expect(interrupted).toMatchObject({ by: 'digits' });
  });

  it('numDigits ends the gather with FinishedOnKey empty', async () => {
    const { action } = await gather({ numDigits: 2 }, [{ waitFor: 'gather' }, { press: '123' }]);
    expect(params(action)).toMatchObject({ Digits: '12', FinishedOnKey: '' });
  });

  it('timeout after the last digit ends it; the gap between digits is also the timeout', async () => {
    const { action, result } = await gather({ timeout: 3 }, [
      { waitFor: 'gather' },
      { press: '4' },
      { silence: 2 },
      { press: '2' },
    ]);
    expect(params(action)).toMatchObject({ Digits: '42', FinishedOnKey: '' });
    const res = result.timeline.find((e) => e.type === 'gather.result');
    const lastKey = result.timeline.filter((e) => e.type === 'caller.digits').at(-1);
    expect((res?.t ?? 0) - (lastKey?.t ?? 0)).toBe(3000);
  });

  it('no input: no request, the next verb runs', async () => {
    const { action, result } = await gather({}, []);
    expect(action).toBeUndefined();
    expect(says(result.timeline)).toContain('We did not get your choice.');
    expect(result.timeline.find((e) => e.type === 'gather.result')).toMatchObject({
      reason: 'timeout',
      actionRequested: false,
    });
  });

  it('finishOnKey before any digit is no input', async () => {
    const { action } = await gather({}, [{ waitFor: 'gather' }, { press: '#' }]);
    expect(action).toBeUndefined();
  });

  it('actionOnEmptyResult sends the action with Digits= empty', async () => {
    const { action } = await gather({ actionOnEmptyResult: true }, []);
    expect(params(action)).toMatchObject({ Digits: '', FinishedOnKey: '', msg: 'Gather End' });
  });

  it('finishOnKey="" makes # a digit', async () => {
    const { action } = await gather({ finishOnKey: '', numDigits: 3 }, [
      { waitFor: 'gather' },
      { press: '1#2' },
    ]);
    expect(params(action)).toMatchObject({ Digits: '1#2' });
  });

  it('speech with a scripted transcript: SpeechResult, Confidence 0.9, no Digits', async () => {
    const { action, result } = await gather({ input: ['speech'] }, [
      { waitFor: 'gather' },
      { say: 'billing please' },
    ]);
    const p = params(action);
    expect(p).toMatchObject({ SpeechResult: 'billing please', Confidence: '0.9', msg: 'Gather End' });
    expect(p.Digits).toBeUndefined();
    expect(result.timeline.find((e) => e.type === 'prompt.interrupted')).toMatchObject({ by: 'speech' });
  });

  it('speech is ignored by a dtmf-only gather', async () => {
    const { action } = await gather({}, [{ waitFor: 'gather' }, { say: 'billing' }]);
    expect(action).toBeUndefined();
  });

  it('hang-up during a gather: no action, digits dropped', async () => {
    const { action, result } = await gather({}, [{ waitFor: 'gather' }, { press: '12' }, { hangup: true }]);
    expect(action).toBeUndefined();
    expect(result.timeline.find((e) => e.type === 'gather.result')).toMatchObject({
      reason: 'hangup',
      actionRequested: false,
    });
    expect(result.timeline.find((e) => e.type === 'call.ended')).toMatchObject({
      hungUpBy: 'caller',
      status: 'completed',
    });
  });

  it('keys during a top-level Say are discarded', async () => {
    const r = new VoiceResponse();
    r.say('Welcome to the help desk.');
    r.gather({ action: NEXT, numDigits: 1 }).pause({ length: 1 });
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(r.toString()) });
    const res = await runCall(
      sdkInit(),
      [{ press: '9' }, { waitFor: 'gather' }, { press: '3' }],
      ctxWith(port),
    );
    expect(res.timeline.find((e) => e.type === 'caller.digits')).toMatchObject({
      digits: '9',
      ignored: true,
    });
    expect(params(requests.find((q) => q.kind === 'action')).Digits).toBe('3');
  });
});
