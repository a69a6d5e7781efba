/**
 * Entry point of the suite bench's child: runs the shipped scenarios through the runner's
 * programmatic API (`runScenarios`) — once cold, then best of two at the default concurrency
 * and at 1 — and prints one JSON line. A fresh process, so nothing the other benches loaded
 * skews it.
 * argv: [scenarioDir]
 */
import { availableParallelism } from 'node:os';

interface Summary {
  total: number;
  passed: number;
  durationMs: number;
  simulatedMs: number;
}
type RunScenarios = (opts: { paths?: string[]; concurrency?: number }) => Promise<Summary>;

const dir = process.argv[2] ?? 'scenarios';
const out = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value)}\n`);
};

try {
  const mod = (await import('../../src/scenario/run/index.ts')) as { runScenarios?: RunScenarios };
  if (typeof mod.runScenarios !== 'function')
    throw new Error('src/scenario/run does not export runScenarios');
  const runScenarios = mod.runScenarios;
  const measure = async (concurrency: number | undefined) => {
    const t0 = performance.now();
    const s = await runScenarios({ paths: [dir], ...(concurrency === undefined ? {} : { concurrency }) });
    const wallMs = performance.now() - t0;
    return { total: s.total, passed: s.passed, runnerMs: s.durationMs, wallMs, simulatedMs: s.simulatedMs };
  };
  const cold = await measure(undefined);
  if (cold.total === 0) throw new Error(`no scenarios found in ${dir}/`);
  // @note Best of two: other work on a shared machine only ever makes a run slower.
  const best = async (concurrency: number | undefined) => {
    const a = await measure(concurrency);
    const b = await measure(concurrency);
    return a.wallMs <= b.wallMs ? a : b;
  };
  const byDefault = await best(undefined);
  const serial = await best(1);
  out({ defaultConcurrency: availableParallelism(), cold, byDefault, serial });
} catch (err) {
  out({ skipped: (err as Error).message.split('\n')[0] });
}
