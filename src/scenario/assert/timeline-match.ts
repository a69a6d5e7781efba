import { closestMatch } from '../load/closest.ts';
import type { EventExpectation, Failure, TimelineEventLike } from '../types.ts';
import { describeFields, describeValue, formatOffset } from './describe.ts';
import { fieldOf, matches } from './matchers.ts';

/**
 * Offset of an event from the start of the scenario's timeline, in virtual ms.
 * @note Always `at - start`: the core's own `t` counts from the start of *its call*, which
 * is not the scenario's origin once pushes, token fetches or a second call are merged in.
 */
export function offsetOf(event: TimelineEventLike, start: number): number {
  return event.at - start;
}

/** Does one event satisfy one expectation? `t` is matched against the offset, other keys against fields. */
export function eventMatches(expected: EventExpectation, event: TimelineEventLike, start: number): boolean {
  return Object.entries(expected).every(([key, m]) =>
    matches(m, key === 't' ? offsetOf(event, start) : fieldOf(event, key)),
  );
}

/**
 * Checks that the expected events occur in this order (other events may come between).
 * @note Greedy earliest match is optimal for subsequence matching, so a failure here means
 * no ordering could work. Only the first missing event is reported: after it, every later
 * expectation would be judged from a wrong position.
 */
export function matchTimeline(
  expected: readonly EventExpectation[],
  timeline: readonly TimelineEventLike[],
): Failure[] {
  const start = timeline[0]?.at ?? 0;
  let cursor = 0;
  let lastAt: number | undefined;
  for (let i = 0; i < expected.length; i++) {
    const want = expected[i]!;
    let found = -1;
    for (let j = cursor; j < timeline.length; j++) {
      if (eventMatches(want, timeline[j]!, start)) {
        found = j;
        break;
      }
    }
    if (found >= 0) {
      cursor = found + 1;
      lastAt = offsetOf(timeline[found]!, start);
      continue;
    }
    const after = lastAt === undefined ? 'from the start' : `after ${formatOffset(lastAt)}`;
    const near = nearest(want, timeline, cursor, start);
    return [
      {
        message: `expected event #${i + 1} ${describeValue(want)} — not found ${after}; ${near.text}`,
        expected: want,
        ...(near.event ? { actual: near.event } : {}),
        where: `expect.timeline[${i}]`,
      },
    ];
  }
  return [];
}

interface Nearest {
  text: string;
  event?: TimelineEventLike;
}

/** The observed event that comes closest: same type, most fields matching, after the cursor first. */
function nearest(
  want: EventExpectation,
  timeline: readonly TimelineEventLike[],
  cursor: number,
  start: number,
): Nearest {
  const keys = Object.keys(want).filter((k) => k !== 'type');
  const sameType = timeline
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => matches(want.type, event.type));
  if (sameType.length === 0) {
    const types = [...new Set(timeline.map((e) => e.type))];
    const hint = typeof want.type === 'string' ? closestMatch(want.type, types) : undefined;
    return {
      text: hint
        ? `no event of that type; did you mean ${hint}?`
        : `no event of that type (seen: ${types.slice(0, 12).join(', ') || 'none'})`,
    };
  }
  const score = (e: TimelineEventLike): number =>
    keys.filter((k) => matches(want[k], k === 't' ? offsetOf(e, start) : fieldOf(e, k))).length;
  const ranked = [...sameType].sort(
    (a, b) =>
      score(b.event) - score(a.event) ||
      Number(b.index >= cursor) - Number(a.index >= cursor) ||
      a.index - b.index,
  );
  const best = ranked[0]!;
  const shown: Record<string, unknown> = { ...best.event, t: offsetOf(best.event, start) };
  const fields = keys.length > 0 ? ` with ${describeFields(shown, keys)}` : '';
  const before = best.index < cursor ? ' (before the previous match)' : '';
  return {
    text: `nearest: ${best.event.type} at ${formatOffset(offsetOf(best.event, start))}${fields}${before}`,
    event: best.event,
  };
}
