import { describe, expect, it } from 'vitest';
import { pickByName, pickShard, runPool } from '../../../../src/scenario/run/index.ts';
import type { LoadedScenario } from '../../../../src/scenario/types.ts';

const item = (file: string, name = file): LoadedScenario => ({
  file,
  scenario: { name, story: 's', steps: [{ advance: 1 }] },
});
const files = ['b/2.yaml', 'a/1.yaml', 'c/3.yaml', 'a/0.yaml', 'b/9.yaml'].map((f) => item(f));

describe('scenario selection', () => {
  it('shards are disjoint, cover everything and do not depend on input order', () => {
    const shards = [1, 2, 3].map((index) => pickShard(files, { index, count: 3 }).map((s) => s.file));
    expect(shards.flat().sort()).toEqual(files.map((s) => s.file).sort());
    expect(new Set(shards.flat()).size).toBe(files.length);
    expect(pickShard([...files].reverse(), { index: 2, count: 3 }).map((s) => s.file)).toEqual(shards[1]);
    expect(shards[0]).toEqual(['a/0.yaml', 'b/9.yaml']);
  });

  it('filters by name substring or regular expression', () => {
    const named = [
      item('x.yaml', 'webhook-down'),
      item('y.yaml', 'webhook-too-slow'),
      item('z.yaml', 'no-message'),
    ];
    expect(pickByName(named, 'webhook').map((s) => s.scenario.name)).toEqual([
      'webhook-down',
      'webhook-too-slow',
    ]);
    expect(pickByName(named, /^no-/).map((s) => s.scenario.name)).toEqual(['no-message']);
    expect(pickByName(named, undefined)).toHaveLength(3);
  });

  it('the pool never runs more than its limit at once and stops starting work when told', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await runPool(
      [1, 2, 3, 4, 5, 6],
      2,
      async (n) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setImmediate(r));
        running--;
        done.push(n);
      },
      () => done.length >= 3,
    );
    expect(peak).toBe(2);
    expect(done.length).toBeLessThan(6);
  });
});
