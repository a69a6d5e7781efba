import { createRealClock } from '../../core/clock/real-clock.ts';
import { createVirtualClock } from '../../core/clock/virtual-clock.ts';
import { createIdSource } from '../../core/ids/id-source.ts';
import { buildHarness } from '../../runtime/build-harness.ts';
import { resolveConfig } from '../../runtime/resolve-config.ts';
import type { Config, Harness } from '../../runtime/types.ts';
import { checkExpectations } from '../assert/check-expectations.ts';
import { parseDuration } from '../load/duration.ts';
import { loadScenarioFile } from '../load/load-scenario.ts';
import type {
  Failure,
  LoadedScenario,
  Observed,
  Scenario,
  ScenarioResult,
  SnapshotOutcome,
} from '../types.ts';
import { BudgetExceeded, defaultBudget, withBudget } from './budget.ts';
import { catchUpClock } from './clock-sync.ts';
import { executeSteps } from './execute-steps.ts';
import { ScenarioLoadError } from './load-error.ts';
import { mergedTimeline, observe } from './observe.ts';
import { hasSlowFault, scenarioConfig } from './scenario-config.ts';
import { checkSnapshot } from './snapshot-check.ts';
import { readCallbacks } from './steps/call-steps.ts';
import type { RunScenarioOptions, StepContext } from './types.ts';

/** Closing a harness never holds a run up longer than this. */
const CLOSE_GRACE_MS = 5000;

/**
 * Runs one scenario in a fresh harness (fresh fakes, fresh reference servers and database) and
 * checks its expectations and golden timeline. Never throws for a scenario problem: the
 * result's `status` says `failed`, `error` or `timeout`. Throws `ScenarioLoadError` for a file
 * that does not load.
 * @example
 * const result = await runScenario('scenarios/help-desk/says-nothing.yaml');
 * expect(result.status).toBe('passed');
 */
export async function runScenario(
  input: string | LoadedScenario | Scenario,
  opts: RunScenarioOptions = {},
): Promise<ScenarioResult> {
  const { scenario, file } = await resolveInput(input, opts.file);
  const wallStart = performance.now();
  const base = {
    name: scenario.name,
    file,
    story: scenario.story,
    ...(scenario.tags ? { tags: scenario.tags } : {}),
  };
  const budgetMs = parseDuration(scenario.timeout) ?? opts.budgetMs ?? defaultBudget(opts.realTime);
  let harness: Harness | undefined;
  let current = 'setup';
  let config: Readonly<Config> | undefined;
  const finish = (
    status: ScenarioResult['status'],
    failures: Failure[],
    extra: Partial<ScenarioResult> = {},
  ): ScenarioResult => {
    const timeline = extra.timeline ?? (harness ? safe(() => mergedTimeline(harness as Harness), []) : []);
    const first = timeline[0]?.at ?? 0;
    const last = Math.max(timeline[timeline.length - 1]?.at ?? first, harness ? harness.clock.now() : first);
    return {
      ...base,
      status,
      durationMs: Math.round(performance.now() - wallStart),
      simulatedMs: timeline.length > 0 ? Math.max(0, last - first) : 0,
      timeline,
      failures,
      requests: [],
      callbacks: [],
      recordings: [],
      ...(config ? { config: reportedConfig(config) } : {}),
      ...extra,
    };
  };
  try {
    config = resolveConfig(scenarioConfig(scenario, opts));
    const clock = config.clock === 'real' ? createRealClock() : createVirtualClock(config.startEpochMs);
    harness = await buildHarness({ config, clock, ids: createIdSource(config.seed) });
    const work = play(
      harness,
      scenario,
      (where) => {
        current = where;
      },
      opts.embedMedia === true,
    );
    const { failures, observed } = await withBudget(work, budgetMs);
    for (const event of observed.timeline) opts.onEvent?.(event);
    let snapshot: SnapshotOutcome = { status: 'skipped' };
    const request = { name: scenario.name, file, timeline: observed.timeline, requests: observed.requests };
    // @note No golden timeline when the run points the scenario at other servers than the ones
    // its snapshot was recorded with, measures real webhook latency (real-time mode), or stalls
    // a server: whether the stalled request finishes before the run is collected is a race.
    const comparable =
      opts.serverOverrides === undefined && opts.realTime !== true && !hasSlowFault(scenario);
    if (comparable && (!opts.update || failures.length === 0)) {
      snapshot = await checkSnapshot(request, opts.update === true);
    }
    if (snapshot.status === 'mismatch') {
      failures.push({
        message: `the timeline differs from the golden snapshot ${snapshot.file} (run with --update to accept it)`,
        where: 'snapshot',
      });
    }
    return finish(failures.length > 0 ? 'failed' : 'passed', failures, { ...observed, snapshot });
  } catch (error) {
    if (error instanceof BudgetExceeded) {
      const message = `CALLRIG_SCENARIO_TIMEOUT: "${scenario.name}" did not finish within its ${budgetMs} ms wall-time budget (stuck at ${current}); its harness was closed. Raise it with \`timeout:\` in the scenario or --budget.`;
      return finish('timeout', [{ message, where: current }]);
    }
    const known = (error as { code?: unknown }).code === 'CALLRIG_CONFIG_INVALID';
    const message = known ? (error as Error).message : `${(error as Error).stack ?? String(error)}`;
    return finish('error', [{ message: `${known ? '' : 'internal error: '}${message}`, where: current }]);
  } finally {
    if (harness) await withBudget(harness.close(), CLOSE_GRACE_MS).catch(() => undefined);
  }
}

/** Listens, plays the steps, then observes and checks. */
async function play(
  harness: Harness,
  scenario: Scenario,
  onStep: (where: string) => void,
  embedMedia: boolean,
) {
  await harness.listen();
  const ctx: StepContext = {
    harness,
    scenario,
    clock: harness.clock,
    token: null,
    callbacks: new Map(),
    emit: (event) => harness.emit(event),
  };
  const stepFailures = await executeSteps(ctx, scenario.steps, onStep);
  onStep('expect');
  await harness.settle();
  catchUpClock(harness);
  await readCallbacks(ctx);
  const observed = observe(
    harness,
    [...ctx.callbacks.values()].sort((a, b) => Number(a.id) - Number(b.id)),
  );
  const failures = [...stepFailures, ...checkExpectations(scenario, observed)];
  if (embedMedia) await embedRecordings(observed.recordings);
  return { failures, observed };
}

/**
 * Fetches each completed recording's MP3 from the fake while it still listens and keeps it as
 * a data URI. @note A failed fetch leaves the recording with its plain media URL.
 */
async function embedRecordings(recordings: Observed['recordings']): Promise<void> {
  for (const rec of recordings) {
    if (rec.status !== 'completed' || !rec.mediaUrl) continue;
    try {
      const res = await fetch(`${rec.mediaUrl}.mp3`, { signal: AbortSignal.timeout(5_000) });
      if (!res.ok) continue;
      const bytes = Buffer.from(await res.arrayBuffer());
      rec.mediaDataUri = `data:audio/mpeg;base64,${bytes.toString('base64')}`;
    } catch {
      // keep the URL
    }
  }
}

async function resolveInput(
  input: string | LoadedScenario | Scenario,
  file?: string,
): Promise<{ scenario: Scenario; file: string }> {
  if (typeof input === 'string') {
    const loaded = await loadScenarioFile(input);
    if (!loaded.scenario) throw new ScenarioLoadError(loaded.diagnostics);
    return { scenario: loaded.scenario, file: input };
  }
  if ('scenario' in input && 'file' in input) return input;
  return { scenario: input, file: file ?? `${input.name}` };
}

/** What the report prints as "the configuration in force": the [rig] defaults included. */
export function reportedConfig(config: Readonly<Config>): Record<string, unknown> {
  const server = (s: Config['servers']['token']) =>
    s.kind === 'url' ? s.url : s.variant ? `builtin:${s.variant}` : 'builtin';
  return {
    seed: config.seed,
    clock: config.clock,
    servers: { token: server(config.servers.token), helpdesk: server(config.servers.helpdesk) },
    engine: config.twilio.engine,
    device: {
      catapushMode: config.device.catapushMode,
      tokenKind: config.device.tokenKind,
      iosVersion: config.device.iosVersion,
      ...config.device.rules,
    },
  };
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}
