import { describe, expect, it } from 'vitest';
import { formatReport, runSoak } from '../../soak/soak.ts';

/**
 * Restart safety: the help desk (its start file, in a child process) is SIGKILLed mid-soak
 * while recording callbacks are in flight, and restarted on the same port and database.
 * Every callback it acknowledged is in the database afterwards; calls that met the outage
 * carry the error code in their timeline instead of vanishing.
 */
describe('help desk killed and restarted mid-soak', () => {
  it('loses no acknowledged callback and every failure shows its code', { timeout: 90_000 }, async () => {
    const lines: string[] = [];
    const report = await runSoak({
      log: (l) => lines.push(l),
      durationMs: 40_000,
      concurrency: 4,
      maxCalls: 400,
      helpDesk: 'process',
      restart: { afterCalls: 100, outageMs: 1000 },
    });
    const a = report.audit;
    const figures = `${lines.join('\n')}\n${formatReport(report)}`;
    expect(report.restarts, figures).toBe(1);
    expect(a.calls, figures).toBe(400);
    expect(a.refusedCalls, figures).toBeGreaterThan(0);
    // a recording callback was in flight when the help desk died: it failed with its code
    expect(a.failedWithCode, figures).toBeGreaterThan(0);
    expect({ lost: a.lost, doubled: a.doubled, phantom: a.phantom, silent: a.silent }, figures).toEqual({
      lost: [],
      doubled: [],
      phantom: [],
      silent: [],
    });
    expect(a.acknowledged + a.failedWithCode, figures).toBe(a.recorded);
    expect(a.rows, figures).toBe(a.acknowledged + a.storedUnacknowledged);
  });
});
