import { describe, expect, it } from 'vitest';
import { createRealClock, createVirtualClock, DEFAULT_VIRTUAL_EPOCH_MS } from '../../../../src/core/index.ts';

describe('virtual clock', () => {
  it('starts where told, defaulting to 2026-01-01', () => {
    expect(createVirtualClock().now()).toBe(DEFAULT_VIRTUAL_EPOCH_MS);
    expect(createVirtualClock(5).now()).toBe(5);
  });

  it('auto mode: a sleep completes at once in wall time and moves the clock', async () => {
    const c = createVirtualClock(0);
    const wall = Date.now();
    await c.sleep(3_600_000);
    expect(c.now()).toBe(3_600_000);
    expect(Date.now() - wall).toBeLessThan(1000);
  });

  it('wakes concurrent sleepers in due order', async () => {
    const c = createVirtualClock(0);
    const order: number[] = [];
    await Promise.all([
      c.sleep(300).then(() => order.push(300)),
      c.sleep(100).then(() => order.push(100)),
      c.sleep(200).then(() => order.push(200)),
    ]);
    expect(order).toEqual([100, 200, 300]);
    expect(c.now()).toBe(300);
  });

  it('manual mode: only advance() wakes sleepers', async () => {
    const c = createVirtualClock(0, { autoAdvance: false });
    let woke = false;
    const p = c.sleep(50).then(() => {
      woke = true;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(woke).toBe(false);
    expect(c.pending()).toBe(1);
    c.advance(49);
    await Promise.resolve();
    expect(woke).toBe(false);
    c.advanceTo(50);
    await p;
    expect(woke).toBe(true);
    c.advanceTo(10);
    expect(c.now()).toBe(50);
  });
});

describe('real clock', () => {
  it('reads Date.now and really waits', async () => {
    const c = createRealClock();
    expect(c.kind).toBe('real');
    const t0 = c.now();
    await c.sleep(20);
    expect(c.now()).toBeGreaterThanOrEqual(t0 + 15);
  });
});
