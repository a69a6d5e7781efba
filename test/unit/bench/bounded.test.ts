import { describe, expect, it } from 'vitest';
import { runBounded } from '../../../bench/lib/bounded.ts';

describe('runBounded', () => {
  it('stops at the count bound and never runs more tasks than allowed', async () => {
    const seen: number[] = [];
    const r = await runBounded({ concurrency: 4, maxCount: 10, maxMs: 60_000 }, async (i) => {
      seen.push(i);
      return true;
    });
    expect(r.done).toBe(10);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('stops at the time bound', async () => {
    const r = await runBounded({ concurrency: 2, maxCount: Number.MAX_SAFE_INTEGER, maxMs: 30 }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return true;
    });
    expect(r.done).toBeGreaterThan(0);
    expect(r.done).toBeLessThan(1_000);
  });

  it('counts false results and thrown errors as failures and keeps the first message', async () => {
    const r = await runBounded({ concurrency: 1, maxCount: 4, maxMs: 60_000 }, async (i) => {
      if (i === 1) throw new Error('boom 1');
      if (i === 2) throw new Error('boom 2');
      return i !== 3;
    });
    expect(r).toMatchObject({ done: 1, failed: 3, firstError: 'boom 1' });
  });
});
