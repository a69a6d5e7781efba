import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

describe('retention of finished calls', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ fake: { retention: { maxCalls: 2 } } });
  });
  afterAll(() => stack.close());

  it('keeps only the newest maxCalls finished calls, with their debugger logs and recordings', async () => {
    const sids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { json } = await stack.connect({
        token: await stack.token(),
        caller: [{ waitFor: 'beep' }, { speak: 4 }],
      });
      sids.push(String(json.callSid));
    }
    const [oldest, ...kept] = sids as [string, string, string];
    expect(stack.fake.calls.any(oldest)).toBeUndefined();
    expect(stack.fake.debugger.forCall(oldest)).toEqual([]);
    expect(stack.fake.recordings.list({ callSid: oldest })).toEqual([]);
    for (const sid of kept) {
      expect(stack.fake.calls.any(sid)?.status).toBe('completed');
      expect(stack.fake.debugger.forCall(sid).length).toBeGreaterThan(0);
      expect(stack.fake.recordings.list({ callSid: sid })).toHaveLength(1);
    }
  });
});
