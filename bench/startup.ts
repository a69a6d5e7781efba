/**
 * startup: wall time from launching `callrig run <one scenario>` to its exit (through the
 * published bin and through `npx tsx`), with Node's own floor beside it; and from launching
 * `callrig serve` to the first request it answers.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runTimed } from './lib/run-timed.ts';
import { serveTiming, type Timing } from './lib/serve-timing.ts';
import { fmt } from './table.ts';
import type { Bench, BenchContext, BenchReport } from './types.ts';

const TARGET_MS = 1500;
const REPEATS = 3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function timeCommand(
  ctx: BenchContext,
  label: string,
  cmd: string,
  args: string[],
  repeats: number,
): Promise<Timing> {
  const walls: number[] = [];
  let note = '';
  let ok = true;
  for (let i = 0; i < repeats + 1; i++) {
    const r = await runTimed(cmd, args, { cwd: ctx.repoRoot, timeoutMs: 60_000 });
    if (r.code !== 0) {
      ok = false;
      note = r.timedOut
        ? 'timed out'
        : `exit ${r.code}: ${(r.stderr || r.stdout).trim().split('\n').slice(-2).join(' | ').slice(0, 160)}`;
    }
    walls.push(r.wallMs);
  }
  return { label, firstMs: walls[0] ?? null, medianMs: median(walls.slice(1)), ok, note };
}

function firstScenario(repoRoot: string): string | null {
  const dir = join(repoRoot, 'scenarios');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir, { recursive: true, encoding: 'utf-8' })
    .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith('.snap.yaml'))
    .sort();
  // @note The brief's main path (the caller leaves a message) when it ships; else the first file.
  const pick = files.find((f) => f.endsWith('message-left.yaml')) ?? files[0];
  return pick ? join('scenarios', pick) : null;
}

/**
 * Where a launch goes before the scenario: one process per repeat registers tsx as
 * bin/callrig.js does, then imports `twilio`, then the rest of the `run` command's modules,
 * timing each inside the process (bench/lib/import-probe.mjs).
 */
async function moduleParts(ctx: BenchContext): Promise<Timing[]> {
  const specifiers = [
    'twilio',
    ...(existsSync(join(ctx.repoRoot, 'src/cli/commands/run.ts')) ? ['./src/cli/commands/run.ts'] : []),
  ];
  const runs: Record<string, number>[] = [];
  for (let i = 0; i < REPEATS + 1; i++) {
    const r = await runTimed(process.execPath, ['bench/lib/import-probe.mjs', ...specifiers], {
      cwd: ctx.repoRoot,
      timeoutMs: 60_000,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.code === 0 && line.startsWith('{')) runs.push(JSON.parse(line) as Record<string, number>);
  }
  const labels: Record<string, string> = {
    register: 'part: tsx ESM hooks, registered as bin/callrig.js does',
    twilio: 'part: import `twilio` (the whole package)',
    './src/cli/commands/run.ts': 'part: import the rest of the `run` command (no scenario yet)',
  };
  return ['register', ...specifiers].map((key) => {
    const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    return {
      label: labels[key] ?? key,
      firstMs: values[0] ?? null,
      medianMs: values.length > 1 ? median(values.slice(1)) : null,
      ok: values.length === REPEATS + 1,
      note: 'in-process ms',
    };
  });
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const floors = [
    await timeCommand(ctx, 'floor: `node -e 0`', process.execPath, ['-e', '0'], REPEATS),
    await timeCommand(
      ctx,
      'floor: `node --import tsx -e 0`',
      process.execPath,
      ['--import', 'tsx', '-e', '0'],
      REPEATS,
    ),
  ];
  floors.push(...(await moduleParts(ctx)));
  const cliThere = existsSync(join(ctx.repoRoot, 'src', 'cli', 'main.ts'));
  const scenario = firstScenario(ctx.repoRoot);
  const rows: string[][] = floors.map(toRow);
  const measured: Timing[] = [...floors];
  if (!cliThere || scenario === null) {
    const why = !cliThere ? 'src/cli/main.ts does not exist yet' : 'no scenario file in scenarios/';
    rows.push(['`callrig run <scenario>`', `skipped: ${why}`], ['`callrig serve`', `skipped: ${why}`]);
  } else {
    const viaBin = await timeCommand(
      ctx,
      `\`node bin/callrig.js run ${scenario}\``,
      process.execPath,
      ['bin/callrig.js', 'run', scenario],
      REPEATS,
    );
    const viaNpx = await timeCommand(
      ctx,
      `\`npx tsx src/cli/main.ts run ${scenario}\``,
      'npx',
      ['tsx', 'src/cli/main.ts', 'run', scenario],
      REPEATS,
    );
    const serve = await serveTiming(ctx);
    measured.push(viaBin, viaNpx, ...serve);
    rows.push(toRow(viaBin), toRow(viaNpx), ...serve.map(toRow));
  }
  return {
    tables: [
      {
        title: `startup: launch to result (first launch, then median of ${REPEATS})`,
        columns: ['command', 'first ms', 'median ms', 'ok', 'note'],
        rows,
        notes: [
          `target: \`callrig run\` on one scenario < ${fmt(TARGET_MS)} ms`,
          'floors: what Node and the tsx loader cost before any callrig code runs; parts: module loading alone',
        ],
      },
    ],
    figures: { target: TARGET_MS, timings: measured },
  };
}

const toRow = (t: Timing): string[] => [
  t.label,
  fmt(t.firstMs),
  fmt(t.medianMs),
  t.ok ? 'yes' : 'NO',
  t.note,
];

export const startupBench: Bench = {
  name: 'startup',
  summary: 'launch-to-result of `callrig run <scenario>` and launch-to-first-request of `callrig serve`',
  run,
};
