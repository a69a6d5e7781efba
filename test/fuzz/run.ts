import { runFuzz } from './fuzz.ts';
import { ALL_TARGETS } from './targets/index.ts';

/**
 * `npm run fuzz -- [--runs 20000] [--seed S] [--minutes 10] [--target name]`
 * Property-based fuzzing of every HTTP endpoint of the fakes and reference servers, and of the
 * engine behind the real webhook client. Prints per-target runs and failures with the seed to
 * replay; exits 1 on any failure.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const runs = Number(arg('runs') ?? 20_000);
const seed = Number(arg('seed') ?? Date.now() % 2_147_483_647);
const minutes = Number(arg('minutes') ?? 10);
const only = arg('target');
const targets = only ? ALL_TARGETS.filter((t) => t.name === only) : ALL_TARGETS;
if (
  !Number.isFinite(runs) ||
  runs < 1 ||
  !Number.isFinite(seed) ||
  !Number.isFinite(minutes) ||
  targets.length === 0
) {
  console.error(
    `usage: npm run fuzz -- [--runs N] [--seed S] [--minutes M] [--target ${ALL_TARGETS.map((t) => t.name).join('|')}]`,
  );
  process.exit(2);
}

const started = Date.now();
const results = await runFuzz({
  runs,
  seed,
  timeLimitMs: minutes * 60_000,
  targets,
  log: (l) => console.log(l),
});
console.log('');
console.log('target              runs   planned  failed    time  answers');
for (const r of results) {
  const stats = Object.entries(r.stats)
    .sort()
    .map(([k, v]) => `${k}:${v}`)
    .join(' ');
  console.log(
    `${r.name.padEnd(18)} ${String(r.runs).padStart(6)}  ${String(r.planned).padStart(7)}  ${r.failed ? 'YES' : 'no '}  ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${stats}${r.interrupted ? ' (time budget reached)' : ''}`,
  );
}
const total = results.reduce((s, r) => s + r.runs, 0);
const failed = results.filter((r) => r.failed);
console.log(
  `\n${total} runs in ${((Date.now() - started) / 1000).toFixed(1)} s, ${failed.length} target(s) failed; seed ${seed}`,
);
for (const r of failed) {
  console.log(`\n✗ ${r.name}: ${r.failure}`);
  if (r.counterexample) console.log(`  counterexample: ${r.counterexample}`);
  console.log(
    `  replay: npm run fuzz -- --target ${r.name} --seed ${r.seed} --runs ${r.planned}${r.path ? `   (fast-check path ${r.path})` : ''}`,
  );
}
process.exitCode = failed.length > 0 ? 1 : 0;
