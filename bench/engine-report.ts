/**
 * engine: the registry's wrapper around bench/engine.ts (`runEngineBench`, another engineer's
 * file): calibrates the call count to a time budget, runs it, and prints the table.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fmt, ratio } from './table.ts';
import type { Bench, BenchContext, BenchReport } from './types.ts';

const TARGET_CALLS_PER_SEC = 20_000;

interface EngineBenchModule {
  runEngineBench(opts: {
    calls?: number;
  }): Promise<{ calls: number; callsPerSec: number; simSecPerWallSec: number }>;
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const file = join(ctx.repoRoot, 'bench', 'engine.ts');
  if (!existsSync(file)) return skipped('bench/engine.ts does not exist yet');
  const mod = (await import(pathToFileURL(file).href)) as Partial<EngineBenchModule>;
  if (typeof mod.runEngineBench !== 'function')
    return skipped('bench/engine.ts does not export runEngineBench');
  // @note Calibrate first so a slow engine cannot blow the 5-minute budget: ~4 s of calls at most.
  await mod.runEngineBench({ calls: 2_000 }); // cold: parse caches and JIT
  const probe = await mod.runEngineBench({ calls: 3_000 });
  const budgetSec = 4 * ctx.scale;
  const calls = Math.max(1_000, Math.min(200_000, Math.round(probe.callsPerSec * budgetSec)));
  const r = await mod.runEngineBench({ calls });
  return {
    tables: [
      {
        title: 'engine: help-desk calls in process, in-memory webhook port, virtual clock (one core)',
        columns: ['calls', 'calls/s', 'target', 'vs target', 'simulated s / wall s'],
        rows: [
          [
            fmt(r.calls),
            fmt(r.callsPerSec),
            fmt(TARGET_CALLS_PER_SEC),
            ratio(r.callsPerSec / TARGET_CALLS_PER_SEC),
            fmt(r.simSecPerWallSec),
          ],
        ],
        notes: [
          'flow: greeting Say, beep, 12 s speech, 3 s silence ends Record, action → thank-you, status callback',
          'measures the engine alone (TwiML parse + step machine + caller model); no HTTP, no signing',
        ],
      },
    ],
    figures: { ...r, target: TARGET_CALLS_PER_SEC, probeCallsPerSec: probe.callsPerSec },
  };
}

function skipped(reason: string): BenchReport {
  return {
    tables: [{ title: 'engine', columns: ['measure', 'result'], rows: [['engine', `skipped: ${reason}`]] }],
    figures: { skipped: reason },
  };
}

export const engineBench: Bench = {
  name: 'engine',
  summary: 'in-process help-desk calls/s through the core engine (in-memory port)',
  run,
};
