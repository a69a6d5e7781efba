/**
 * The shape every benchmark shares: a named module that measures, then hands back tables to
 * print and figures to store. @note Benchmarks print numbers; they never pass or fail on time.
 */

/** One printed table. Cells are already formatted strings (numbers go through `fmt`). */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Lines printed under the table: what limits the figure, what the ceiling is. */
  notes?: string[];
}

/** What a benchmark returns: its tables and the raw figures written to bench/results. */
export interface BenchReport {
  tables: BenchTable[];
  /** Plain JSON; kept flat enough to diff two runs by eye. */
  figures: Record<string, unknown>;
}

/** Run-wide settings handed to every benchmark. */
export interface BenchContext {
  /** Absolute path of the repository (the folder holding package.json). */
  repoRoot: string;
  /** Multiplies every time budget; `BENCH_SCALE=0.2` gives a quick smoke run. */
  scale: number;
}

/** A registered benchmark. */
export interface Bench {
  name: string;
  /** One line: what it measures. */
  summary: string;
  run(ctx: BenchContext): Promise<BenchReport>;
}

/** A row that says why a measurement did not happen, in place of crashing the run. */
export const skippedRow = (label: string, reason: string, width: number): string[] => [
  label,
  `skipped: ${reason}`,
  ...Array.from({ length: Math.max(0, width - 2) }, () => ''),
];
