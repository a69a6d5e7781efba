/**
 * Wall-clock time, for real-time mode (the browser phone, load runs). @note `setTimeout` and
 * `Date` are globals of every JavaScript runtime, not `node:` imports, so the core stays pure.
 */
import type { Clock } from './clock.ts';

export function createRealClock(): Clock {
  return {
    kind: 'real',
    now: () => Date.now(),
    sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
  };
}
