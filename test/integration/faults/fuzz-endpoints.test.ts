import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/fuzz.ts';
import { ALL_TARGETS } from '../../fuzz/targets/index.ts';

/**
 * A small, seeded slice of `npm run fuzz`: every endpoint of the fakes and reference servers,
 * and the engine behind the real webhook client, with no 5xx, stack trace, hang, unhandled
 * rejection or process exit. The seed is fixed so a failure here replays exactly.
 */
describe('fuzzing every endpoint (seeded, small)', () => {
  it('600 runs across all targets: no failure of any kind', { timeout: 120_000 }, async () => {
    const results = await runFuzz({
      runs: 600,
      seed: 20_261_127,
      timeLimitMs: 100_000,
      targets: ALL_TARGETS,
    });
    expect(results.map((r) => r.name)).toEqual(ALL_TARGETS.map((t) => t.name));
    for (const r of results) {
      expect({
        target: r.name,
        failure: r.failure,
        counterexample: r.counterexample,
        tripwires: r.tripwires,
      }).toEqual({
        target: r.name,
        failure: null,
        counterexample: null,
        tripwires: [],
      });
      expect(r.runs).toBe(r.planned);
    }
  });
});
