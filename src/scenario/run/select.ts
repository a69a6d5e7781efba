import type { LoadedScenario } from '../types.ts';

/**
 * Shard `index` (1-based) of `count`: round-robin over the scenarios sorted by file, then name.
 * Stable and disjoint: every scenario lands in exactly one shard whatever else runs.
 */
export function pickShard(
  scenarios: readonly LoadedScenario[],
  shard: { index: number; count: number } | undefined,
): LoadedScenario[] {
  const sorted = [...scenarios].sort((a, b) => cmp(a.file, b.file) || cmp(a.scenario.name, b.scenario.name));
  if (!shard) return sorted;
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Scenarios whose name contains the text, or matches the expression. */
export function pickByName(
  scenarios: readonly LoadedScenario[],
  filter: string | RegExp | undefined,
): LoadedScenario[] {
  if (filter === undefined || filter === '') return [...scenarios];
  return scenarios.filter(({ scenario }) =>
    typeof filter === 'string' ? scenario.name.includes(filter) : filter.test(scenario.name),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs `work` over `items` with at most `limit` at a time, in order of start; `stop()` returning
 * true stops starting new items (bail).
 */
export async function runPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
