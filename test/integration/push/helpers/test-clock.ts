import type { Clock } from '../../../../src/core/clock/clock.ts';

/** A tiny jumping clock for tests until src/core/clock/virtual-clock.ts lands: sleep advances time at once. */
export function testClock(start = Date.UTC(2026, 10, 27, 9, 0, 0)): Clock & { advance(ms: number): void } {
  let t = start;
  return {
    kind: 'virtual',
    now: () => t,
    async sleep(ms: number) {
      t += Math.max(0, ms);
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
