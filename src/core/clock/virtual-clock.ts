/**
 * A clock whose time only moves when told to, or (auto mode) jumps to the next due sleeper
 * once all other work is idle. @note Never global fake timers: each clock is a value passed in,
 * so two tests cannot leak time into each other (STYLE practice 2).
 */
import type { Clock } from './clock.ts';

/** 2026-01-01T00:00:00Z: the default start, so timestamps are stable run after run. */
export const DEFAULT_VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

export interface VirtualClock extends Clock {
  readonly kind: 'virtual';
  /** Moves time forward by `ms`, waking every sleeper that falls due, in order. */
  advance(ms: number): void;
  /** Moves time to `epochMs` (never backwards). */
  advanceTo(epochMs: number): void;
  /** Sleepers not yet woken. */
  pending(): number;
}

interface Sleeper {
  due: number;
  seq: number;
  wake: () => void;
}

/**
 * @param startEpochMs the clock's initial time.
 * @param opts.autoAdvance when true (default), a sleep with no one to advance the clock still
 *   completes: once the event loop is idle the clock jumps to the earliest sleeper.
 * @example
 * const clock = createVirtualClock(Date.UTC(2026, 0, 1));
 * await clock.sleep(60_000); // returns at once; clock.now() is 60 s later
 */
export function createVirtualClock(
  startEpochMs: number = DEFAULT_VIRTUAL_EPOCH_MS,
  opts: { autoAdvance?: boolean } = {},
): VirtualClock {
  let now = startEpochMs;
  let seq = 0;
  const sleepers: Sleeper[] = [];
  let scheduled = false;
  const auto = opts.autoAdvance !== false;

  const wakeDue = (): void => {
    sleepers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    while (sleepers.length > 0 && (sleepers[0] as Sleeper).due <= now) (sleepers.shift() as Sleeper).wake();
  };
  const schedule = (): void => {
    if (!auto || scheduled) return;
    scheduled = true;
    // @note A macrotask runs only after every pending microtask: "idle" in the event-loop sense.
    setTimeout(() => {
      scheduled = false;
      if (sleepers.length === 0) return;
      sleepers.sort((a, b) => a.due - b.due || a.seq - b.seq);
      now = Math.max(now, (sleepers[0] as Sleeper).due);
      wakeDue();
      if (sleepers.length > 0) schedule();
    }, 0);
  };

  return {
    kind: 'virtual',
    now: () => now,
    sleep(ms) {
      if (!(ms > 0)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        sleepers.push({ due: now + ms, seq: seq++, wake: resolve });
        schedule();
      });
    },
    advance(ms) {
      if (ms > 0) now += ms;
      wakeDue();
    },
    advanceTo(epochMs) {
      if (epochMs > now) now = epochMs;
      wakeDue();
    },
    pending: () => sleepers.length,
  };
}
