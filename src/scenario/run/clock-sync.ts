import type { Clock } from '../../core/clock/clock.ts';
import type { Harness } from '../../runtime/types.ts';

/**
 * Moves a virtual clock to the end of the latest call.
 * @note The call engine stamps its events from the call's own start time and never sleeps on
 * the shared clock, so after a 60 s call the clock still reads its start. Catching up keeps
 * what follows (a callback registered, a REST call, a token's expiry) after the call in time.
 */
export function catchUpClock(harness: Harness): void {
  const clock = harness.clock as Clock & { advanceTo?: (epochMs: number) => void };
  if (typeof clock.advanceTo !== 'function') return;
  let latest = clock.now();
  for (const call of harness.twilio.calls.all()) {
    const last = call.timeline[call.timeline.length - 1];
    if (last && last.at > latest) latest = last.at;
  }
  clock.advanceTo(latest);
}

/** Lets `ms` of simulated time pass (virtual: at once; real: really waits). */
export async function passTime(harness: Harness, ms: number): Promise<void> {
  const clock = harness.clock as Clock & { advance?: (ms: number) => void };
  if (typeof clock.advance === 'function') clock.advance(ms);
  else await clock.sleep(ms);
  // @note Catapush expires messages lazily (no 24 h sleeper keeps the clock busy): sweep now.
  harness.catapush.runtime.sweepExpired();
  await harness.settle();
}
