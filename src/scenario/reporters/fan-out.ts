import type { ScenarioReporter } from './types.ts';

/**
 * One reporter that forwards every hook to several (`--reporter pretty --reporter junit`),
 * in order, awaiting each so that their output never interleaves.
 */
export function fanOut(reporters: readonly ScenarioReporter[]): ScenarioReporter {
  return {
    async onRunStart(total, config) {
      for (const r of reporters) await r.onRunStart(total, config);
    },
    async onScenarioStart(info) {
      for (const r of reporters) await r.onScenarioStart(info);
    },
    onEvent(scenario, event) {
      for (const r of reporters) r.onEvent?.(scenario, event);
    },
    async onScenarioEnd(result) {
      for (const r of reporters) await r.onScenarioEnd(result);
    },
    async onRunEnd(summary) {
      for (const r of reporters) await r.onRunEnd(summary);
    },
  };
}
