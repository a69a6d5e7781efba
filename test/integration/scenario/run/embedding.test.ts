import { describe, expect, it } from 'vitest';
import { defineScenario, runScenario, runScenarios } from '../../../../src/scenario/run/index.ts';

// What a user's own vitest suite does: define a scenario in code (or point at a shipped file),
// replay it, and assert on the timeline, the callbacks and the recordings.
describe('embedding API: runScenario + defineScenario in a user suite', () => {
  it('replays a code-defined scenario and exposes its timeline for assertions', async () => {
    const scenario = defineScenario({
      name: 'caller presses star',
      story: 'The caller leaves a 4 s message and presses * to finish.',
      steps: [
        { fetchToken: true },
        { call: { caller: [{ waitFor: 'beep' }, { speak: 4 }, { press: '*' }] } },
      ],
      expect: { callbacks: { count: 1, items: [{ digits: '*', recordingDuration: 4 }] } },
    });
    const result = await runScenario(scenario);
    expect(result.status).toBe('passed');
    expect(result.timeline.find((e) => e.type === 'record.ended')).toMatchObject({
      reason: 'key',
      digits: '*',
      duration: 4,
    });
    const action = result.requests.find((r) => r.path === '/recording-callback');
    expect(action?.params).toMatchObject({ Digits: '*', RecordingDuration: '4', CallStatus: 'in-progress' });
    expect(result.recordings).toEqual([expect.objectContaining({ duration: 4, status: 'completed' })]);
    expect(result.config).toMatchObject({ engine: { record: { silentRecording: 'fall-through' } } });
  });

  it('replays a shipped scenario file', async () => {
    const result = await runScenario('scenarios/help-desk/no-message.yaml');
    expect(result.status).toBe('passed');
    const says = result.timeline.filter((e) => e.type === 'say').map((e) => e.text);
    expect(says.at(-1)).toBe('I did not receive any message.');
  });

  it('reports an unmet expectation as a failure naming where it is', async () => {
    const result = await runScenario(
      defineScenario({
        name: 'wrong expectation',
        story: 'Expects a callback although the caller says nothing.',
        steps: [{ call: { caller: [{ waitFor: 'beep' }, { silence: 4 }] } }],
        expect: { callbacks: { count: 1 } },
      }),
    );
    expect(result.status).toBe('failed');
    expect(result.failures).toEqual([
      expect.objectContaining({
        where: 'expect.callbacks.count',
        message: 'expected 1 callback(s) — found 0',
      }),
    ]);
  });

  it('runScenarios with bail stops starting scenarios after the first failure', async () => {
    const failing = defineScenario({
      name: 'fails first',
      story: 'Expects a callback that never comes.',
      steps: [{ call: { caller: [{ waitFor: 'beep' }, { silence: 4 }] } }],
      expect: { callbacks: { count: 1 } },
    });
    const passing = defineScenario({
      name: 'would pass',
      story: 'Just a token.',
      steps: [{ fetchToken: true }],
    });
    const summary = await runScenarios({ scenarios: [failing, passing], concurrency: 1, bail: true });
    expect(summary.results.map((r) => [r.name, r.status])).toEqual([['fails first', 'failed']]);
  });

  it('defineScenario rejects an unknown step with a did-you-mean', () => {
    expect(() => defineScenario({ name: 'x', story: 'y', steps: [{ fetchTokn: true } as never] })).toThrow(
      /did you mean "fetchToken"/,
    );
  });
});
