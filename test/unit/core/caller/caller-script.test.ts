import { describe, expect, it } from 'vitest';
import { checkCallerScript, runCall } from '../../../../src/core/index.ts';
import {
  ctxWith,
  helpDeskXml,
  memoryPort,
  sdkInit,
  VOICE_URL,
  VoiceResponse,
  xml,
} from '../engine/helpers.ts';

describe('checkCallerScript', () => {
  it('accepts both forms and every step kind', () => {
    expect(
      checkCallerScript([
        { waitFor: 'beep' },
        { waitFor: { sayText: 'press \\d' } },
        { speak: 12, transcript: 'hi' },
        { silence: 5 },
        { press: '#' },
        { say: 'billing' },
        { say: { text: 'sales', seconds: 2, confidence: 0.5 } },
        { hangup: true },
        { hangup: { after: 5 } },
        { hangupDuring: { say: 2, after: 1 } },
      ]),
    ).toEqual([]);
    expect(
      checkCallerScript({
        steps: [],
        callee: { answer: { after: 3, talkFor: 20 } },
        dial: ['busy', 'no-answer'],
      }),
    ).toEqual([]);
  });

  it('collects every problem with its path', () => {
    const d = checkCallerScript({
      steps: [
        { speak: -1 },
        { press: 'x' },
        { waitFor: 'tone' },
        { hangupDuring: { say: 0 } },
        { speak: 1, silence: 2 },
        'x',
        { waitFor: { sayText: '(' } },
      ],
      callee: 'maybe',
      extra: 1,
    });
    expect(d.map((x) => x.path)).toEqual([
      'extra',
      'steps[0].speak',
      'steps[1].press',
      'steps[2].waitFor',
      'steps[3].hangupDuring.say',
      'steps[4]',
      'steps[5]',
      'steps[6].waitFor.sayText',
      'callee',
    ]);
    expect(d.every((x) => x.code === 'CALLRIG_CONFIG_INVALID' && x.severity === 'error')).toBe(true);
  });

  it('rejects a non-script', () => {
    expect(checkCallerScript(42)).toHaveLength(1);
  });
});

describe('the caller model', () => {
  const twoSays = () => {
    const r = new VoiceResponse();
    r.say('First message, quite long to listen to.');
    r.say('Second message, also long enough.');
    r.say('Third message.');
    return memoryPort({ [VOICE_URL]: xml(r.toString()) });
  };

  it('hangupDuring: { say: 2 } hangs up during the second Say', async () => {
    const r = await runCall(sdkInit(), [{ hangupDuring: { say: 2 } }], ctxWith(twoSays().port));
    const second = r.timeline.filter((e) => e.type === 'say')[1];
    const end = r.timeline.find((e) => e.type === 'call.ended');
    expect(end).toMatchObject({ hungUpBy: 'caller', reason: 'caller-hangup' });
    expect((end?.t ?? 0) - (second?.t ?? 0)).toBe(1000);
    expect(r.timeline.filter((e) => e.type === 'say')).toHaveLength(2);
  });

  it('waitFor sayText waits until that Say has been heard', async () => {
    const r = await runCall(
      sdkInit(),
      [{ waitFor: { sayText: '^Second' } }, { hangup: true }],
      ctxWith(twoSays().port),
    );
    const third = r.timeline.filter((e) => e.type === 'say')[2];
    expect(r.timeline.find((e) => e.type === 'call.ended')?.t).toBe(third?.t);
  });

  it('hangup after N seconds', async () => {
    const r = await runCall(sdkInit(), [{ hangup: { after: 2.5 } }], ctxWith(twoSays().port));
    expect(r.timeline.find((e) => e.type === 'call.ended')?.t).toBe(2500);
  });

  it('reports steps that never got their moment (CALLRIG_SCRIPT_UNUSED), and unused dial outcomes', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(helpDeskXml()) });
    const r = await runCall(
      sdkInit(),
      { steps: [{ waitFor: 'gather' }, { press: '1' }], dial: ['busy'] },
      ctxWith(port),
    );
    expect(r.scriptWarnings.map((w) => [w.code, w.step])).toEqual([
      ['CALLRIG_SCRIPT_UNUSED', 0],
      ['CALLRIG_SCRIPT_UNUSED', 1],
      ['CALLRIG_SCRIPT_UNUSED', 0],
    ]);
  });

  it('a partly used step is not reported', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml('<Response><Say>Bye</Say></Response>') });
    const r = await runCall(sdkInit(), [{ silence: 30 }], ctxWith(port));
    expect(r.scriptWarnings).toEqual([]);
  });
});
