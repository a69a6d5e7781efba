import type { RunSummary, ScenarioResult, TimelineEventLike } from '../types.ts';

/** Where a reporter writes: a Node stream, a test buffer, anything with `write`. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface ReporterOptions {
  /** Main output. Reporters never touch `process.stdout` themselves. */
  stdout: OutputStream;
  stderr?: OutputStream;
  /** Overrides `stdout.isTTY` (live progress line, colour default). */
  isTTY?: boolean;
  /** Force colour on or off; default: on for a TTY unless `env.NO_COLOR` is set. */
  color?: boolean;
  /** The environment as the entry point read it (only `NO_COLOR` / `FORCE_COLOR` are used). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Print transcript and configuration for passing scenarios too. */
  verbose?: boolean;
}

export interface ScenarioStartInfo {
  name: string;
  file: string;
  /** 1-based position in the run. */
  index: number;
  total: number;
}

/**
 * Hooks a run calls, in order: `onRunStart`, then per scenario `onScenarioStart`, any
 * number of `onEvent`, `onScenarioEnd`, and finally `onRunEnd` (Vitest's reporter model).
 */
export interface ScenarioReporter {
  onRunStart(total: number, config: Readonly<Record<string, unknown>>): void | Promise<void>;
  onScenarioStart(info: ScenarioStartInfo): void | Promise<void>;
  /** Live events while a scenario runs; optional. */
  onEvent?(scenario: string, event: TimelineEventLike): void;
  onScenarioEnd(result: ScenarioResult): void | Promise<void>;
  onRunEnd(summary: RunSummary): void | Promise<void>;
}

export type ReporterFactory = (options: ReporterOptions) => ScenarioReporter;
