import { describe, expect, it } from 'vitest';
import { defineScenario, runScenario } from '../../../../src/scenario/run/index.ts';
import type { Scenario } from '../../../../src/scenario/types.ts';

const types = (timeline: ReadonlyArray<{ type: string }>) => timeline.map((e) => e.type);

async function launch(steps: Scenario['steps']) {
  return runScenario(defineScenario({ name: 'register voip', story: 'The user opens the app.', steps }));
}

describe('registerVoip: { catapush }', () => {
  it('catapush: true logs in to Catapush with the PushKit token, so a message wakes the app', async () => {
    const result = await launch([
      { registerVoip: { catapush: true } },
      { catapushMessage: { text: 'call me', expect: 'ok' } },
    ]);
    expect(result.failures).toEqual([]);
    const seen = types(result.timeline);
    expect(seen).toContain('pushkit.registered');
    expect(seen).toContain('catapush.registered');
    expect(seen).toContain('push.received');
  });

  it('catapush: false registers PushKit only: no Catapush login, so a message never wakes the app', async () => {
    const result = await launch([
      { registerVoip: { catapush: false } },
      { catapushMessage: { text: 'call me', expect: 'ok' } },
    ]);
    const seen = types(result.timeline);
    expect(seen).toContain('pushkit.registered');
    expect(seen).not.toContain('catapush.registered');
    expect(seen).not.toContain('push.received');
    expect(result.timeline.filter((e) => e.type === 'app.launched')).toEqual([
      expect.objectContaining({ reason: 'user' }),
    ]);
  });

  it('registerVoip steps that disagree on catapush are a setup error naming the field', async () => {
    const result = await launch([{ registerVoip: { catapush: false } }, { registerVoip: true }]);
    expect(result.status).not.toBe('passed');
    expect(result.failures.map((f) => f.message).join('\n')).toContain(
      'every registerVoip step must agree on catapush',
    );
  });
});
