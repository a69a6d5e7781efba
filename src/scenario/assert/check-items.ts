import type { Failure, ItemsExpectation, Matcher } from '../types.ts';
import { countOk } from './check-requests.ts';
import { describeFields, describeValue } from './describe.ts';
import { fieldOf, matches } from './matchers.ts';

/**
 * Count and per-item checks for callbacks (help-desk queue entries) and recordings. Items
 * are matched in order, each to a distinct observed entry after the previous one.
 */
export function checkItems(
  label: 'callback' | 'recording',
  expected: ItemsExpectation,
  seen: readonly Record<string, unknown>[],
): Failure[] {
  const failures: Failure[] = [];
  const where = `expect.${label}s`;
  if (expected.count !== undefined && !countOk(expected.count, seen.length)) {
    failures.push({
      message: `expected ${describeValue(expected.count)} ${label}(s) — found ${seen.length}`,
      expected: expected.count,
      actual: seen.length,
      where: `${where}.count`,
    });
  }
  let cursor = 0;
  (expected.items ?? []).forEach((want, i) => {
    const hit = seen.findIndex((item, j) => j >= cursor && itemMatches(want, item));
    if (hit >= 0) {
      cursor = hit + 1;
      return;
    }
    const keys = Object.keys(want);
    const near = seen[cursor] ?? seen[seen.length - 1];
    failures.push({
      message: `expected ${label} #${i + 1} ${describeValue(want)} — not found${near ? `; nearest: ${describeFields(near, keys)}` : `; there are no ${label}s`}`,
      expected: want,
      ...(near ? { actual: near } : {}),
      where: `${where}.items[${i}]`,
    });
  });
  return failures;
}

function itemMatches(want: Record<string, Matcher>, item: Record<string, unknown>): boolean {
  return Object.entries(want).every(([k, m]) => matches(m, fieldOf(item, k)));
}
