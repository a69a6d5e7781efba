/**
 * memory: heap and RSS after 100,000 simulated help-desk calls in one process, after a full GC,
 * against the same after 1,000. Runs in a child with --expose-gc so the figures are not
 * polluted by this runner's own heap (autocannon, tables, other benches).
 */
import { fakeRetention, fakeTable } from './lib/memory-fake.ts';
import { runTimed } from './lib/run-timed.ts';
import { fmt, mb } from './table.ts';
import type { Bench, BenchContext, BenchReport } from './types.ts';

const TARGET_GROWTH_BYTES = 5 * 1_048_576;

interface Mem {
  heapUsed: number;
  heapTotal: number;
  rss: number;
  external: number;
}
interface ChildResult {
  calls: number;
  wallMs: number;
  at1k: Mem;
  atEnd: Mem;
}

/** One engine child run; a string says why it failed. */
async function engineChild(
  target: number,
  maxSec: number,
  ctx: BenchContext,
  v8Flags: string[],
): Promise<ChildResult | string> {
  const r = await runTimed(
    process.execPath,
    [
      '--expose-gc',
      ...v8Flags,
      '--import',
      'tsx',
      'bench/lib/memory-child.ts',
      String(target),
      String(maxSec),
    ],
    { cwd: ctx.repoRoot, timeoutMs: (maxSec + 30) * 1000 },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code === 0 && line.startsWith('{')) return JSON.parse(line) as ChildResult;
  return r.timedOut
    ? 'child timed out'
    : `child exited ${r.code}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const target = ctx.scale >= 1 ? 100_000 : Math.max(5_000, Math.round(100_000 * ctx.scale));
  const maxSec = Math.round(90 * Math.max(ctx.scale, 0.5));
  const m = await engineChild(target, maxSec, ctx, []);
  if (typeof m === 'string') {
    return {
      tables: [{ title: 'memory', columns: ['measure', 'result'], rows: [['memory', `skipped: ${m}`]] }],
      figures: { skipped: m },
    };
  }
  // @note A control run with V8's young generation capped at 1 MB: if heap total and RSS stop
  // growing there, their growth above is V8 sizing its nursery, not objects kept alive.
  const control = await engineChild(target, maxSec, ctx, ['--max-semi-space-size=1']);
  const fake = await fakeRetention(ctx);
  const heapGrowth = m.atEnd.heapUsed - m.at1k.heapUsed;
  const growth = (r: ChildResult | string, key: keyof Mem): string =>
    typeof r === 'string' ? '–' : mb(r.atEnd[key] - r.at1k[key]);
  const row = (label: string, key: keyof Mem): string[] => [
    label,
    mb(m.at1k[key]),
    mb(m.atEnd[key]),
    mb(m.atEnd[key] - m.at1k[key]),
    growth(control, key),
  ];
  return {
    tables: [
      {
        title: `memory: one process, ${fmt(m.calls)} help-desk calls through the engine, after a full GC`,
        columns: ['measure', 'after 1,000', `after ${fmt(m.calls)}`, 'growth', 'growth, semi-space 1 MB'],
        rows: [
          row('heap used', 'heapUsed'),
          row('heap total', 'heapTotal'),
          row('RSS', 'rss'),
          row('external', 'external'),
        ],
        notes: [
          `target: heap growth < ${mb(TARGET_GROWTH_BYTES)} → ${heapGrowth < TARGET_GROWTH_BYTES ? 'met' : 'MISSED'}`,
          'heap used after GC is what the process still holds: growth here would be a leak per call',
          'heap total / RSS grow because V8 enlarges the young generation under steady allocation and keeps it;',
          '  the control run (--max-semi-space-size=1, last column) shows most of it vanish: nothing is retained',
          `${fmt(m.calls / (m.wallMs / 1000))} calls/s inside the child (incl. GC passes)`,
          ...(typeof control === 'string' ? [`control run failed: ${control}`] : []),
        ],
      },
      fakeTable(fake),
    ],
    figures: {
      ...m,
      control,
      heapGrowth,
      target: TARGET_GROWTH_BYTES,
      met: heapGrowth < TARGET_GROWTH_BYTES,
      fakeTwilio: fake,
    },
  };
}

export const memoryBench: Bench = {
  name: 'memory',
  summary: 'heap and RSS after 100,000 simulated calls vs after 1,000 (child with --expose-gc)',
  run,
};
