import type { RunSummary, ScenarioResult } from './types.ts';

/** Counts results into a `RunSummary`; `durationMs` is the run's wall time, measured by the caller. */
export function summarizeRun(
  results: readonly ScenarioResult[],
  durationMs: number,
  startedAt?: string,
): RunSummary {
  const count = (status: ScenarioResult['status']): number =>
    results.filter((r) => r.status === status).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    errored: count('error'),
    timedOut: count('timeout'),
    durationMs,
    simulatedMs: results.reduce((sum, r) => sum + r.simulatedMs, 0),
    results: [...results],
    ...(startedAt ? { startedAt } : {}),
  };
}
