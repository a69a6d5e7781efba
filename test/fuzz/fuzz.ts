import fc from 'fast-check';
import { installGuards } from './guards.ts';
import type { FuzzTarget } from './types.ts';

export interface FuzzOptions {
  /** Total runs, shared between targets by weight. */
  runs: number;
  seed: number;
  /** Wall-time budget for the whole fuzz; each target gets its share. */
  timeLimitMs: number;
  targets: readonly FuzzTarget[];
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface TargetResult {
  name: string;
  planned: number;
  runs: number;
  failed: boolean;
  interrupted: boolean;
  /** Failure message and the shrunk counterexample, when failed. */
  failure: string | null;
  counterexample: string | null;
  /** fast-check's seed and path: `fc.check(..., { seed, path })` replays the failure. */
  seed: number;
  path: string | null;
  /** Unhandled rejections, uncaught exceptions and process.exit calls seen during the target. */
  tripwires: string[];
  ms: number;
  stats: Record<string, number>;
}

/** Splits `runs` by weight (every target gets at least one run). */
export function plan(targets: readonly FuzzTarget[], runs: number): number[] {
  const total = targets.reduce((s, t) => s + t.weight, 0);
  return targets.map((t) => Math.max(1, Math.round((runs * t.weight) / total)));
}

/** Runs every target's property in turn; never throws for a failing target. */
export async function runFuzz(opts: FuzzOptions): Promise<TargetResult[]> {
  const counts = plan(opts.targets, opts.runs);
  const totalWeight = opts.targets.reduce((s, t) => s + t.weight, 0);
  const guards = installGuards();
  const results: TargetResult[] = [];
  try {
    for (const [i, target] of opts.targets.entries()) {
      const planned = counts[i] ?? 1;
      const budget = Math.max(1000, Math.round((opts.timeLimitMs * target.weight) / totalWeight));
      const started = performance.now();
      opts.log?.(
        `fuzz ${target.name}: ${planned} runs (budget ${Math.round(budget / 1000)} s, seed ${opts.seed})`,
      );
      guards.take();
      const session = await target.open();
      let details: fc.RunDetails<[unknown]>;
      try {
        details = await fc.check(
          fc.asyncProperty(session.arbitrary, async (input) => {
            await session.run(input);
          }),
          {
            numRuns: planned,
            seed: opts.seed,
            interruptAfterTimeLimit: budget,
            markInterruptAsFailure: false,
          },
        );
        if (!details.failed && session.after) await session.after();
      } finally {
        await session.close();
      }
      // @note Give late callbacks (sockets closing, timers) a moment to surface as tripwires.
      await new Promise((r) => setTimeout(r, 50));
      const tripwires = guards.take();
      results.push({
        name: target.name,
        planned,
        runs: details.numRuns,
        failed: details.failed || tripwires.length > 0,
        interrupted: details.interrupted,
        failure: details.failed
          ? describeError(details.errorInstance)
          : tripwires.length > 0
            ? tripwires.join('; ')
            : null,
        counterexample: details.counterexample
          ? fc.stringify(details.counterexample[0]).slice(0, 2000)
          : null,
        seed: details.seed,
        path: details.counterexamplePath ?? null,
        tripwires,
        ms: Math.round(performance.now() - started),
        stats: session.stats?.() ?? {},
      });
    }
  } finally {
    guards.restore();
  }
  return results;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message.slice(0, 2000) : String(e).slice(0, 2000);
}
