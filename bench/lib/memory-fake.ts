/**
 * The memory bench's second table: what the fake Twilio keeps per finished call below its
 * `retention.maxCalls` cap, and that its heap stops growing past the cap.
 */
import { fmt, mb } from '../table.ts';
import type { BenchContext, BenchTable } from '../types.ts';
import { runTimed } from './run-timed.ts';

/** The fake's default cap (src/twilio/options.ts), for the projection. */
const DEFAULT_MAX_CALLS = 10_000;

export interface FakeRetention {
  maxCalls: number;
  points: Array<{ calls: number; heapUsed: number }>;
  wallMs: number;
}

/** Runs the child with a small cap and four checkpoints: two below it, two well past it. */
export async function fakeRetention(ctx: BenchContext): Promise<FakeRetention | string> {
  const cap = ctx.scale >= 1 ? 1_000 : 400;
  const checkpoints = [cap / 5, cap, cap * 2, cap * 4].map(String);
  const r = await runTimed(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'bench/lib/memory-fake-child.ts', String(cap), '30', ...checkpoints],
    { cwd: ctx.repoRoot, timeoutMs: 60_000 },
  );
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.code === 0 && line.startsWith('{')) return JSON.parse(line) as FakeRetention;
  return r.timedOut
    ? 'child timed out'
    : `child exited ${r.code}: ${r.stderr.trim().split('\n').slice(-2).join(' | ')}`;
}

/** Bytes per call between two checkpoints, or null when the run stopped early. */
function perCall(f: FakeRetention, from: number, to: number): number | null {
  const a = f.points[from];
  const b = f.points[to];
  return a && b && b.calls > a.calls ? (b.heapUsed - a.heapUsed) / (b.calls - a.calls) : null;
}

export function fakeTable(f: FakeRetention | string): BenchTable {
  const title = 'memory: heap the fake Twilio keeps for finished calls (long-running process, after GC)';
  if (typeof f === 'string')
    return { title, columns: ['measure', 'result'], rows: [['fake Twilio', `skipped: ${f}`]] };
  const below = perCall(f, 0, 1);
  const past = perCall(f, 2, 3);
  return {
    title,
    columns: ['calls', 'heap used', 'note'],
    rows: f.points.map((p, i) => [
      fmt(p.calls),
      mb(p.heapUsed),
      i === 1
        ? `retention.maxCalls = ${fmt(f.maxCalls)}`
        : i === 3
          ? `${fmt(f.points.length > 2 ? p.calls - (f.points[2]?.calls ?? 0) : 0)} calls past the cap`
          : '',
    ]),
    notes: [
      `below the cap: ${below === null ? '–' : `${fmt(below / 1024, 1)} KB`} per call (call record, timeline, debugger entries, recording)`,
      `past the cap: ${past === null ? '–' : `${fmt(past / 1024, 2)} KB`} per call → bounded`,
      `at the default cap (${fmt(DEFAULT_MAX_CALLS)} calls) the fake holds about ${below === null ? '–' : mb(below * DEFAULT_MAX_CALLS)}`,
    ],
  };
}
