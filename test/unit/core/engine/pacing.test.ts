import { describe, expect, it } from 'vitest';
import { type Clock, createIdSource, runCall } from '../../../../src/core/index.ts';
import { ctxWith, helpDeskXml, memoryPort, params, sdkInit, VOICE_URL, xml } from './helpers.ts';

/** A real-kind clock that records the sleeps it is asked for and returns at once. */
function recordingClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    kind: 'real',
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('time and parameters', () => {
  it('real-time mode paces the call through clock.sleep, for exactly the call time', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(helpDeskXml()) });
    const clock = recordingClock();
    const r = await runCall(sdkInit(), [{ waitFor: 'beep' }, { speak: 12 }], {
      port,
      clock,
      ids: createIdSource(1),
    });
    const total = clock.sleeps.reduce((a, b) => a + b, 0);
    expect(total).toBe(r.timeline.find((e) => e.type === 'call.ended')?.t);
  });

  it('virtual mode never sleeps', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml(helpDeskXml()) });
    const ctx = ctxWith(port);
    let slept = 0;
    ctx.clock = { kind: 'virtual', now: () => 0, sleep: async () => void slept++ };
    await runCall(sdkInit(), [{ waitFor: 'beep' }, { speak: 12 }], ctx);
    expect(slept).toBe(0);
  });

  it('a custom parameter with a standard name is overridden and noted', async () => {
    const { port, requests } = memoryPort({ [VOICE_URL]: xml('<Response/>') });
    const r = await runCall(
      sdkInit({ customParams: { From: 'client:mallory', team: 'x' } }),
      [],
      ctxWith(port),
    );
    expect(params(requests[0]).From).toBe('client:alice');
    expect(requests[0]?.params.filter((p) => p[0] === 'From')).toHaveLength(1);
    expect(r.timeline.find((e) => e.type === 'note')).toMatchObject({ note: 'param-ignored' });
  });

  it('PSTN inbound: Called = To and empty geo fields; SDK: neither', async () => {
    const { port, requests } = memoryPort({ [VOICE_URL]: xml('<Response/>') });
    await runCall(
      sdkInit({ sdkCall: false, from: '+14155550100', to: '+14155550111', applicationSid: undefined }),
      [],
      ctxWith(port),
    );
    const p = params(requests[0]);
    expect(p).toMatchObject({
      Called: '+14155550111',
      CallerCity: '',
      FromZip: '',
      ToState: '',
      CalledCountry: '',
      CallStatus: 'ringing',
    });
    expect(p.ApplicationSid).toBeUndefined();
  });
});
