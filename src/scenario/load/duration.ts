import type { Duration } from '../types.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds for a scenario duration: a number is seconds (`12`, `0.5`), a string has
 * units (`500ms`, `30s`, `1m30s`). Returns undefined for anything else, so callers can
 * report where the bad value was.
 * @example parseDuration('1m30s') // 90000
 */
export function parseDuration(value: Duration | undefined): number | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : undefined;
  if (typeof value !== 'string' || !/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(value)) return undefined;
  let total = 0;
  for (const part of value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(part[1]) * (UNIT_MS[part[2] ?? 's'] ?? 0);
  }
  return Math.round(total);
}
