import Database from 'better-sqlite3';
import type { CallOutcome } from './call-outcome.ts';

/** The ledger: what the calls say happened against what the help desk's database holds. */
export interface Audit {
  calls: number;
  connectErrors: number;
  recorded: number;
  /** Recorded calls whose callback the help desk answered 200. */
  acknowledged: number;
  /** Recorded calls whose callback failed, with the code in their timeline. */
  failedWithCode: number;
  rows: number;
  /** Acknowledged RecordingSids missing from the database. */
  lost: string[];
  /** RecordingSids (or CallSids) with more than one row. */
  doubled: string[];
  /** Rows no recorded call accounts for. */
  phantom: string[];
  /** Recorded calls whose callback failed with no code anywhere in the timeline. */
  silent: string[];
  /** Callbacks the help desk stored although the fake saw them fail (killed mid-answer): not lost. */
  storedUnacknowledged: number;
  /** Calls that met the help desk down (11205 somewhere in their timeline). */
  refusedCalls: number;
}

/** Reads the callback table (read-only) and reconciles it with the call outcomes. */
export function audit(dbPath: string, outcomes: readonly CallOutcome[]): Audit {
  const db = new Database(dbPath, { readonly: true });
  const rows = db
    .prepare('SELECT call_sid AS callSid, recording_sid AS recordingSid FROM callbacks')
    .all() as Array<{ callSid: string; recordingSid: string | null }>;
  db.close();
  const bySid = new Map<string, number>();
  const byCall = new Map<string, number>();
  for (const r of rows) {
    bySid.set(r.recordingSid ?? '(null)', (bySid.get(r.recordingSid ?? '(null)') ?? 0) + 1);
    byCall.set(r.callSid, (byCall.get(r.callSid) ?? 0) + 1);
  }
  const recorded = outcomes.filter((o) => o.recorded);
  const acked = recorded.filter((o) => o.callbackStatus === 200);
  const failed = recorded.filter((o) => o.callbackStatus !== 200);
  const known = new Set(recorded.map((o) => o.recordingSid));
  return {
    calls: outcomes.length,
    connectErrors: outcomes.filter((o) => o.connectError !== null).length,
    recorded: recorded.length,
    acknowledged: acked.length,
    failedWithCode: failed.filter((o) => o.callbackCode !== null || o.codes.length > 0).length,
    rows: rows.length,
    lost: acked.filter((o) => !bySid.has(o.recordingSid ?? '')).map((o) => `${o.callSid}/${o.recordingSid}`),
    doubled: [
      ...[...bySid].filter(([, n]) => n > 1).map(([sid, n]) => `${sid} ×${n}`),
      ...[...byCall].filter(([, n]) => n > 1).map(([sid, n]) => `${sid} ×${n}`),
    ],
    phantom: rows.filter((r) => !known.has(r.recordingSid)).map((r) => `${r.callSid}/${r.recordingSid}`),
    silent: failed
      .filter((o) => o.callbackCode === null && o.codes.length === 0)
      .map((o) => `${o.callSid} (HTTP ${o.callbackStatus})`),
    storedUnacknowledged: failed.filter((o) => bySid.has(o.recordingSid ?? '')).length,
    refusedCalls: outcomes.filter((o) => o.codes.includes(11205)).length,
  };
}
