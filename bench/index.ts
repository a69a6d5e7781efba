/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name>…]` runs some.
 * Each prints its tables and writes bench/results/<name>-<ISO date>.json (+ latest.json).
 * `BENCH_SCALE=0.3` shortens every time budget for a quick look.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { engineBench } from './engine-report.ts';
import { httpBench } from './http.ts';
import { killAllChildren } from './lib/child.ts';
import { REPO_ROOT } from './lib/repo.ts';
import { memoryBench } from './memory.ts';
import { prismBench } from './prism.ts';
import { writeResult } from './results.ts';
import { startupBench } from './startup.ts';
import { suiteBench } from './suite.ts';
import { renderTable } from './table.ts';
import type { Bench, BenchContext } from './types.ts';

const BENCHES: Bench[] = [engineBench, httpBench, suiteBench, prismBench, startupBench, memoryBench];

async function main(argv: string[]): Promise<number> {
  const names = argv.filter((a) => !a.startsWith('-'));
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(
      `usage: npm run bench [-- <name>…]\n${BENCHES.map((b) => `  ${b.name.padEnd(8)} ${b.summary}`).join('\n')}`,
    );
    return 0;
  }
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(`unknown bench: ${unknown.join(', ')} (known: ${BENCHES.map((b) => b.name).join(', ')})`);
    return 2;
  }
  const selected = names.length === 0 ? BENCHES : BENCHES.filter((b) => names.includes(b.name));
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const ctx: BenchContext = { repoRoot: REPO_ROOT, scale: Number.isFinite(scale) && scale > 0 ? scale : 1 };
  const resultsDir = join(REPO_ROOT, 'bench', 'results');
  const t0 = performance.now();
  for (const bench of selected) {
    const started = performance.now();
    const loadBefore = loadavg()[0] ?? 0;
    console.log(`\n[bench] ${bench.name}: ${bench.summary}`);
    const report = await bench.run(ctx).catch((err: unknown) => ({
      tables: [
        {
          title: bench.name,
          columns: ['measure', 'result'],
          rows: [[bench.name, `skipped: ${String(err)}`]],
        },
      ],
      figures: { skipped: String(err) },
    }));
    // @note Other work on the machine moves every figure; the load average says how much.
    const load = { before: loadBefore, after: loadavg()[0] ?? 0 };
    for (const table of report.tables) console.log(renderTable(table));
    console.log(
      `  · 1-min load average ${load.before.toFixed(2)} → ${load.after.toFixed(2)} on ${availableParallelism()} CPUs`,
    );
    const file = writeResult(resultsDir, bench.name, {
      ...report,
      figures: { ...report.figures, loadAverage: load },
    });
    console.log(
      `  (${((performance.now() - started) / 1000).toFixed(1)} s; ${file.slice(REPO_ROOT.length + 1)})`,
    );
  }
  console.log(`\n[bench] done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return 0;
}

const code = await main(process.argv.slice(2)).finally(killAllChildren);
process.exit(code);
