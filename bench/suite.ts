/**
 * suite: wall time of the runner on the shipped scenarios (scenarios/), at the default
 * concurrency and at 1, and simulated time per wall time; plus the whole `callrig run`
 * process (spawn to exit) for the same folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed } from './lib/run-timed.ts';
import { fmt, ratio } from './table.ts';
import type { Bench, BenchContext, BenchReport, BenchTable } from './types.ts';

const TARGET_RATIO = 1000;

interface Measured {
  total: number;
  passed: number;
  runnerMs: number;
  wallMs: number;
  simulatedMs: number;
}
interface ChildOut {
  skipped?: string;
  defaultConcurrency?: number;
  cold?: Measured;
  byDefault?: Measured;
  serial?: Measured;
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const dir = join(ctx.repoRoot, 'scenarios');
  if (!existsSync(dir)) return skipped('scenarios/ does not exist');
  const r = await runTimed(process.execPath, ['--import', 'tsx', 'bench/lib/suite-child.ts', 'scenarios'], {
    cwd: ctx.repoRoot,
    timeoutMs: 120_000,
  });
  const line =
    r.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{')) ?? '';
  let child: ChildOut;
  try {
    child = JSON.parse(line) as ChildOut;
  } catch {
    const why = r.timedOut
      ? 'the runner did not finish within 120 s'
      : `child exited ${r.code}: ${lastLines(r.stderr)}`;
    return skipped(why);
  }
  if (child.skipped || !child.cold || !child.byDefault || !child.serial)
    return skipped(child.skipped ?? 'no result');
  const cli = await cliRun(ctx);
  const row = (label: string, m: Measured): string[] => [
    label,
    `${m.passed}/${m.total}`,
    fmt(m.wallMs, 0),
    fmt(m.simulatedMs / 1000, 1),
    ratio(m.simulatedMs / m.wallMs, 0),
  ];
  const rows = [
    row('runner API, first run in process (cold)', child.cold),
    row(`runner API, default concurrency (${child.defaultConcurrency}), best of 2`, child.byDefault),
    row('runner API, concurrency 1, best of 2', child.serial),
  ];
  if (cli) rows.push(row('`node bin/callrig.js run scenarios` (whole process)', cli));
  const speedup = child.serial.wallMs / child.byDefault.wallMs;
  const table: BenchTable = {
    title: 'suite: the shipped scenarios, virtual clock',
    columns: ['run', 'passed', 'wall ms', 'simulated s', 'sim/wall'],
    rows,
    notes: [
      `default vs concurrency 1: ${ratio(speedup)} faster; target sim/wall > ${fmt(TARGET_RATIO)}× → ${child.byDefault.simulatedMs / child.byDefault.wallMs > TARGET_RATIO ? 'met' : 'MISSED'}`,
      'each scenario builds a fresh harness (fake Twilio, Catapush, APNs, reference servers with SQLite) and tears it down',
      ...(cli ? [] : ['whole-process row skipped: src/cli/main.ts does not run yet']),
    ],
  };
  return { tables: [table], figures: { ...child, cli, speedup, target: TARGET_RATIO } };
}

/** The CLI over the same folder, timed from spawn to exit; null when the CLI is not there. */
async function cliRun(ctx: BenchContext): Promise<Measured | null> {
  if (!existsSync(join(ctx.repoRoot, 'src', 'cli', 'main.ts'))) return null;
  const r = await runTimed(process.execPath, ['bin/callrig.js', 'run', 'scenarios', '--reporter', 'json'], {
    cwd: ctx.repoRoot,
    timeoutMs: 120_000,
  });
  const start = r.stdout.indexOf('{');
  try {
    const doc = JSON.parse(r.stdout.slice(start)) as {
      summary?: { total: number; passed: number; durationMs: number; simulatedMs: number };
    };
    const s = doc.summary;
    if (!s) return null;
    return {
      total: s.total,
      passed: s.passed,
      runnerMs: s.durationMs,
      wallMs: r.wallMs,
      simulatedMs: s.simulatedMs,
    };
  } catch {
    return null;
  }
}

const lastLines = (s: string): string => s.trim().split('\n').slice(-3).join(' | ').slice(-500);

function skipped(reason: string): BenchReport {
  return {
    tables: [{ title: 'suite', columns: ['measure', 'result'], rows: [['suite', `skipped: ${reason}`]] }],
    figures: { skipped: reason },
  };
}

export const suiteBench: Bench = {
  name: 'suite',
  summary: 'wall time of the shipped scenarios (default concurrency vs 1), simulated/wall ratio',
  run,
};
