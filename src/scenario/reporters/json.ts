import type { RunSummary } from '../types.ts';
import type { ReporterOptions, ScenarioReporter } from './types.ts';

/** Keys sorted at every level, so the same results always give the same bytes. */
export function stableStringify(value: unknown, indent = 2): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The whole run as one JSON document (`{ "callrigReport": 1, "summary": … }`). */
export function renderJson(summary: RunSummary): string {
  return `${stableStringify({ callrigReport: 1, summary })}\n`;
}

/** Writes one JSON document at the end of the run. */
export function createJsonReporter(options: ReporterOptions): ScenarioReporter {
  return {
    onRunStart() {},
    onScenarioStart() {},
    onScenarioEnd() {},
    onRunEnd(summary) {
      options.stdout.write(renderJson(summary));
    },
  };
}
