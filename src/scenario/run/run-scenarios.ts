import { availableParallelism } from 'node:os';
import { describeEngineOptions, resolveEngineOptions } from '../../core/engine/options.ts';
import { DEFAULT_CONFIG } from '../../runtime/defaults.ts';
import { loadScenarios } from '../load/load-scenario.ts';
import { summarizeRun } from '../summarize.ts';
import type { LoadedScenario, RunSummary, Scenario, ScenarioResult } from '../types.ts';
import { defaultBudget } from './budget.ts';
import { ScenarioLoadError } from './load-error.ts';
import { runScenario } from './run-scenario.ts';
import { pickByName, pickShard, runPool } from './select.ts';
import type { RunOptions } from './types.ts';

/** Where `runScenarios` looks when given neither paths nor scenarios. */
export const DEFAULT_SCENARIO_DIR = 'scenarios';

/**
 * Runs scenario files or folders (default `scenarios/`) in parallel, each in its own fresh
 * harness, and reports through the given reporters. Throws `ScenarioLoadError` (with every
 * diagnostic) when a file does not load; otherwise every outcome is in the summary.
 * @example
 * const summary = await runScenarios({ paths: ['scenarios/help-desk'], reporters: [createPrettyReporter({ stdout: process.stdout })] });
 * process.exitCode = summary.passed === summary.total ? 0 : 1;
 */
export async function runScenarios(opts: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const loaded = await loadAll(opts);
  const selected = pickByName(pickShard(loaded, opts.shard), opts.filter);
  const reporters = opts.reporters ?? [];
  const concurrency = opts.concurrency ?? availableParallelism();
  await Promise.all(reporters.map((r) => r.onRunStart(selected.length, runConfig(opts, concurrency))));
  const results: Array<ScenarioResult | undefined> = new Array(selected.length);
  let failed = false;
  let begun = 0;
  await runPool(
    selected,
    concurrency,
    async (item, index) => {
      begun++;
      await Promise.all(
        reporters.map((r) =>
          r.onScenarioStart({
            name: item.scenario.name,
            file: item.file,
            index: begun,
            total: selected.length,
          }),
        ),
      );
      const result = await runScenario(item, {
        ...pickRunOptions(opts),
        onEvent: (event) => {
          for (const r of reporters) r.onEvent?.(item.scenario.name, event);
        },
      });
      results[index] = result;
      if (result.status !== 'passed') failed = true;
      await Promise.all(reporters.map((r) => r.onScenarioEnd(result)));
    },
    () => opts.bail === true && failed,
  );
  const summary = summarizeRun(
    results.filter((r): r is ScenarioResult => r !== undefined),
    Math.round(performance.now() - started),
  );
  await Promise.all(reporters.map((r) => r.onRunEnd(summary)));
  return summary;
}

async function loadAll(opts: RunOptions): Promise<LoadedScenario[]> {
  if (opts.scenarios) {
    return opts.scenarios.map((s) =>
      'scenario' in s && 'file' in s ? s : { file: (s as Scenario).name, scenario: s as Scenario },
    );
  }
  const { scenarios, diagnostics } = await loadScenarios(
    opts.paths && opts.paths.length > 0 ? opts.paths : [DEFAULT_SCENARIO_DIR],
  );
  if (diagnostics.some((d) => d.severity === 'error'))
    throw new ScenarioLoadError(diagnostics.filter((d) => d.severity === 'error'));
  return scenarios;
}

function pickRunOptions(opts: RunOptions) {
  return {
    ...(opts.update === undefined ? {} : { update: opts.update }),
    ...(opts.realTime === undefined ? {} : { realTime: opts.realTime }),
    ...(opts.budgetMs === undefined ? {} : { budgetMs: opts.budgetMs }),
    ...(opts.serverOverrides === undefined ? {} : { serverOverrides: opts.serverOverrides }),
    ...(opts.embedMedia === undefined ? {} : { embedMedia: opts.embedMedia }),
  };
}

/**
 * The run's settings for reporters, with every [rig] default in force (shared/fidelity/
 * twilio-voice.md §12 requires the report to print them; scenarios may override per file).
 */
export function runConfig(opts: RunOptions, concurrency: number): Record<string, unknown> {
  const engine = Object.fromEntries(
    describeEngineOptions(resolveEngineOptions()).map((row) => [row.key, row.value]),
  );
  return {
    clock: opts.realTime ? 'real' : 'virtual',
    concurrency,
    budgetMs: opts.budgetMs ?? defaultBudget(opts.realTime),
    ...(opts.shard ? { shard: `${opts.shard.index}/${opts.shard.count}` } : {}),
    rig: { ...engine, ...prefixed('device', DEFAULT_CONFIG.device.rules) },
  };
}

function prefixed(prefix: string, record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [`${prefix}.${k}`, v]));
}
