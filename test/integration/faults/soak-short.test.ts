import { describe, expect, it } from 'vitest';
import { formatReport, runSoak } from '../../soak/soak.ts';

/**
 * The short soak of `npm test`: concurrent help-desk calls over real sockets (SQLite queue on
 * a temp file) with every caller path; every recorded call is exactly one row, nothing is
 * lost or doubled, and no descriptor or handle is left open.
 */
describe('short soak (fixed call count, 25 s cap)', () => {
  it('240 calls at concurrency 4: 0 lost, 0 doubled, no fd or handle left open', {
    timeout: 60_000,
  }, async () => {
    const report = await runSoak({
      durationMs: 25_000,
      concurrency: 4,
      maxCalls: 240,
      helpDesk: 'in-process',
    });
    const a = report.audit;
    const figures = formatReport(report);
    expect(a.connectErrors, figures).toBe(0);
    expect(a.calls, figures).toBe(240);
    expect(report.byPath, figures).toEqual({
      message: 60,
      key: 60,
      'hangup-mid-recording': 60,
      'says-nothing': 60,
    });
    expect(a.recorded, figures).toBe(180);
    expect(a.acknowledged, figures).toBe(180);
    expect(a.rows, figures).toBe(180);
    expect({ lost: a.lost, doubled: a.doubled, phantom: a.phantom, silent: a.silent }, figures).toEqual({
      lost: [],
      doubled: [],
      phantom: [],
      silent: [],
    });
    const { before, after } = report.resources;
    expect(after.fds, figures).toBeLessThanOrEqual(before.fds);
    expect(after.handles, figures).toBeLessThanOrEqual(before.handles);
  });
});
