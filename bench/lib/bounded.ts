/** Result of a bounded run: how many tasks finished, failed, and the wall time they took. */
export interface BoundedRun {
  done: number;
  failed: number;
  wallMs: number;
  /** First failure message, to print beside the figure. */
  firstError: string | null;
}

/**
 * Runs `task` with `concurrency` workers until `maxCount` tasks have started or `maxMs` of wall
 * time has passed, whichever comes first. Every loop in bench/ goes through this (or an explicit
 * count), so no benchmark can run away.
 */
export async function runBounded(
  opts: { concurrency: number; maxCount: number; maxMs: number },
  task: (index: number) => Promise<boolean>,
): Promise<BoundedRun> {
  let started = 0;
  let done = 0;
  let failed = 0;
  let firstError: string | null = null;
  const t0 = performance.now();
  const deadline = t0 + opts.maxMs;
  const worker = async (): Promise<void> => {
    while (started < opts.maxCount && performance.now() < deadline) {
      const index = started++;
      try {
        if (await task(index)) done++;
        else failed++;
      } catch (err) {
        failed++;
        firstError ??= (err as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
  return { done, failed, wallMs: performance.now() - t0, firstError };
}
