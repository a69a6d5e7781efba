import type { Clock } from '../../core/clock/clock.ts';
import type { Harness, RunnerEvent } from '../../runtime/types.ts';
import type { ScenarioReporter } from '../reporters/types.ts';
import type { Failure, LoadedScenario, Scenario } from '../types.ts';

/** Points a server under test somewhere else for every scenario of a run (wins over the file). */
export interface ServerOverrides {
  token?: { url: string; headers?: Record<string, string> };
  helpdesk?: { url: string; headers?: Record<string, string> };
}

/** Options of one scenario run. */
export interface RunScenarioOptions {
  /** Write the golden timeline instead of comparing with it. */
  update?: boolean;
  /** Wall clock instead of virtual time. */
  realTime?: boolean;
  /** Wall-time budget per scenario in ms (default 20 000, 600 000 in real time; the scenario's `timeout` wins). */
  budgetMs?: number;
  serverOverrides?: ServerOverrides;
  /** Live events, as they are collected at the end of each step. */
  onEvent?: (event: { type: string; at: number; [k: string]: unknown }) => void;
  /** The file the scenario came from (for snapshots and reports) when passing a Scenario object. */
  file?: string;
  /**
   * Attach each completed recording's audio (the fake's `.mp3` media) as a `data:` URI, so a
   * saved HTML report still plays it after the run's fakes are gone. Off by default: it makes
   * JSON reports large.
   */
  embedMedia?: boolean;
}

/** Options of `runScenarios`. */
export interface RunOptions extends Omit<RunScenarioOptions, 'file' | 'onEvent'> {
  /** Files or folders (default `scenarios/`). Ignored when `scenarios` is given. */
  paths?: string[];
  /** Scenarios already loaded or defined in code. */
  scenarios?: Array<LoadedScenario | Scenario>;
  /** Parallel scenarios (default: the number of CPUs). */
  concurrency?: number;
  /** Only scenarios whose name contains this text, or matches this expression. */
  filter?: string | RegExp;
  /** Stop starting scenarios after the first failure. */
  bail?: boolean;
  /** Run shard `index` (1-based) of `count`. */
  shard?: { index: number; count: number };
  reporters?: ScenarioReporter[];
}

/** What a step handler works with. */
export interface StepContext {
  readonly harness: Harness;
  readonly scenario: Scenario;
  readonly clock: Clock;
  /** The token the app currently holds (fetched or minted). */
  token: string | null;
  /** Help-desk queue entries seen so far, by id (done ones stay, with `doneAt`). */
  readonly callbacks: Map<number, Record<string, unknown>>;
  /** Adds a runner event stamped with the clock's time. */
  emit(event: Omit<RunnerEvent, 'at'>): void;
}

/** A step handler: its failures (empty when the step did what the scenario expects). */
export type StepHandler<T> = (ctx: StepContext, arg: T, where: string) => Promise<Failure[]>;
