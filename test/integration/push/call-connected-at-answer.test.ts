import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/scenario/run/index.ts';

describe('the phone stamps call.connected when Twilio answers', () => {
  it('not when the whole call is over', async () => {
    const result = await runScenario('scenarios/push/voip-push-wakes-terminated-app.yaml');
    expect(result.status).toBe('passed');
    const connected = result.timeline.find((e) => e.type === 'call.connected' && e.source === 'device');
    const answered = result.timeline.find((e) => e.type === 'call.answered');
    const ended = result.timeline.find((e) => e.type === 'call.ended');
    expect(connected).toBeDefined();
    expect(connected?.at).toBe(answered?.at);
    expect(connected?.at).toBeLessThan(ended?.at ?? 0);
  });
});
