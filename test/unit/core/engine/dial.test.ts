import { describe, expect, it } from 'vitest';
import { type CalleeOutcome, runCall } from '../../../../src/core/index.ts';
import { ctxWith, memoryPort, params, sdkInit, VOICE_URL, VoiceResponse, xml } from './helpers.ts';

const DONE = 'http://127.0.0.1:3000/dial-done';

async function dial(outcome: CalleeOutcome | undefined, withAction = true) {
  const r = new VoiceResponse();
  r.dial({ ...(withAction ? { action: DONE } : {}), timeout: 20, callerId: '+14155550100' }, '+14155550199');
  r.say('After dial.');
  const { port, requests } = memoryPort({
    [VOICE_URL]: xml(r.toString()),
    [DONE]: xml('<Response><Say>Dial action ran.</Say></Response>'),
  });
  const result = await runCall(sdkInit(), outcome === undefined ? [] : { dial: [outcome] }, ctxWith(port));
  return { result, action: requests.find((q) => q.kind === 'action') };
}

describe('<Dial> (fidelity §3.9, §4.8)', () => {
  it('answered: DialCallStatus=completed with duration, DialCallSid and DialBridged', async () => {
    const { action, result } = await dial({ answer: { after: 4, talkFor: 42 } });
    const p = params(action);
    expect(p).toMatchObject({
      DialCallStatus: 'completed',
      DialCallDuration: '42',
      DialBridged: 'true',
      CallStatus: 'in-progress',
    });
    expect(p.DialCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    const outcome = result.timeline.find((e) => e.type === 'dial.outcome');
    expect(outcome).toMatchObject({ targets: ['+14155550199'], durationSec: 42 });
    expect(outcome?.t).toBe(46_000);
  });

  it.each([
    ['busy', 0],
    ['failed', 0],
    ['no-answer', 20_000],
  ] as const)('%s: DialCallStatus=%s, no duration', async (status, at) => {
    const { action, result } = await dial(status);
    const p = params(action);
    expect(p).toMatchObject({ DialCallStatus: status, DialBridged: 'false' });
    expect(p.DialCallDuration).toBeUndefined();
    expect(result.timeline.find((e) => e.type === 'dial.outcome')?.t).toBe(at);
  });

  it('answering later than the timeout is no-answer', async () => {
    const { action } = await dial({ answer: { after: 25 } });
    expect(params(action).DialCallStatus).toBe('no-answer');
  });

  it('without action the next verb runs', async () => {
    const { action, result } = await dial('busy', false);
    expect(action).toBeUndefined();
    expect(result.timeline.some((e) => e.type === 'say' && e.text === 'After dial.')).toBe(true);
  });

  it('a Dial without a scripted outcome assumes no-answer and warns', async () => {
    const { action, result } = await dial(undefined);
    expect(params(action).DialCallStatus).toBe('no-answer');
    expect(result.scriptWarnings.map((w) => w.code)).toEqual(['CALLRIG_SCRIPT_UNUSED']);
  });

  it('the caller hanging up while bridged ends the call without the action', async () => {
    const r = new VoiceResponse();
    r.dial({ action: DONE }, '+14155550199');
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(r.toString()) });
    const res = await runCall(
      sdkInit(),
      { steps: [{ hangupDuring: { dial: 1, after: 10 } }], dial: [{ answer: { after: 2, talkFor: 60 } }] },
      ctxWith(port),
    );
    expect(requests.some((q) => q.kind === 'action')).toBe(false);
    expect(res.timeline.at(-1)).toMatchObject({ type: 'call.ended', hungUpBy: 'caller', t: 12_000 });
  });

  it('hangupOnStar: * ends the bridge and the call continues', async () => {
    const r = new VoiceResponse();
    r.dial({ action: DONE, hangupOnStar: true }, '+14155550199');
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(r.toString()), [DONE]: xml('<Response/>') });
    await runCall(
      sdkInit(),
      { steps: [{ hangupDuring: { say: 99 } }], dial: [{ answer: { after: 1, talkFor: 60 } }] },
      ctxWith(port),
    );
    const star = await runCall(
      sdkInit(),
      { steps: [{ silence: 5 }, { press: '*' }], dial: [{ answer: { after: 1, talkFor: 60 } }] },
      ctxWith(port),
    );
    expect(params(requests.filter((q) => q.kind === 'action').at(-1))).toMatchObject({
      DialCallStatus: 'completed',
      DialCallDuration: '4',
    });
    expect(star.scriptWarnings).toEqual([]);
  });
});
