import type { RunOptions } from '../scenario/run/types.ts';
import { CliUsageError } from './io.ts';

/** One command-line flag: its spelling, help text, and how its raw value is read. */
export interface FlagSpec {
  flags: string;
  description: string;
  /** Parses a raw value (repeatable flags get each value and the previous result). */
  parse?: (value: string, previous: unknown) => unknown;
  defaultValue?: unknown;
}

/**
 * Vitest's `CLIOptions<Config>` idea (STYLE practice 7): every key of `RunOptions` must appear,
 * with a flag or `null` (programmatic only), so a new run setting without a flag and help text
 * fails to compile.
 */
export type OptionTable<T> = { [K in keyof Required<T>]: FlagSpec | FlagSpec[] | null };

const positiveInt =
  (name: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new CliUsageError(`${name} must be a positive integer, not "${value}"`);
    return n;
  };

/** `1/3` → { index: 1, count: 3 }. */
export function parseShard(value: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new CliUsageError(
      `--shard must be <index>/<count> with 1 ≤ index ≤ count, e.g. 1/3 (got "${value}")`,
    );
  }
  return { index, count };
}

/** `/regex/flags` → RegExp; anything else is a name substring. */
export function parseFilter(value: string): string | RegExp {
  const m = /^\/(.+)\/([a-z]*)$/.exec(value);
  if (!m) return value;
  try {
    return new RegExp(m[1] as string, m[2]);
  } catch (error) {
    throw new CliUsageError(`-t/--filter: invalid regular expression ${value}: ${(error as Error).message}`);
  }
}

const collect = (value: string, previous: unknown): string[] => [
  ...((previous as string[] | undefined) ?? []),
  value,
];

/** The `callrig run` flags, keyed by the `RunOptions` field each one sets. */
export const RUN_OPTIONS: OptionTable<RunOptions> = {
  paths: null,
  scenarios: null,
  // @note No flag: turned on by `--reporter html`, whose saved file must still play recordings.
  embedMedia: null,
  reporters: [
    {
      flags: '--reporter <name>',
      description: 'pretty, json, junit or html (repeatable)',
      parse: collect,
    },
    {
      flags: '--output-file <reporter=path>',
      description: 'write a reporter to a file instead of stdout, e.g. junit=report.xml (repeatable)',
      parse: collect,
    },
  ],
  filter: {
    flags: '-t, --filter <name>',
    description: 'only scenarios whose name contains this text (or matches /regex/)',
    parse: parseFilter,
  },
  bail: { flags: '--bail', description: 'stop starting scenarios after the first failure' },
  concurrency: {
    flags: '--concurrency <n>',
    description: 'scenarios run in parallel (default: CPU count)',
    parse: positiveInt('--concurrency'),
  },
  realTime: { flags: '--real-time', description: 'use the wall clock instead of virtual time' },
  shard: {
    flags: '--shard <i/n>',
    description: 'run shard i of n (stable, disjoint; merge JUnit files afterwards)',
    parse: parseShard,
  },
  update: {
    flags: '-u, --update',
    description: 'write the golden timeline snapshots (<scenario>.snap.yaml)',
  },
  budgetMs: {
    flags: '--budget <ms>',
    description: 'wall-time budget per scenario in ms (default 20000; 600000 with --real-time)',
    parse: positiveInt('--budget'),
  },
  serverOverrides: [
    {
      flags: '--helpdesk-url <url>',
      description: 'run every scenario against your help desk at this base URL',
    },
    {
      flags: '--token-url <url>',
      description: 'run every scenario against your token endpoint (e.g. http://127.0.0.1:3000/token)',
    },
  ],
};

/** Flags of `run` that are not run options: presentation only. */
export const RUN_EXTRA_FLAGS: FlagSpec[] = [
  {
    flags: '--verbose',
    description: 'print the transcript and the configuration in force ([rig] defaults) for every scenario',
  },
];

/** Every flag spec of the table, flattened. */
export function flagsOf<T>(table: OptionTable<T>): FlagSpec[] {
  return Object.values(table).flatMap((spec) =>
    spec === null ? [] : Array.isArray(spec) ? spec : [spec as FlagSpec],
  );
}
