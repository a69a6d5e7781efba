import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';
import type { CallbackEntry, CallbackQueue, NewCallback } from './types.ts';

/** The SQLite queue also reports the durability settings SQLite actually applied. */
export interface SqliteCallbackQueue extends CallbackQueue {
  /** Read back from the connection: `journal_mode` and `synchronous` (0 OFF, 1 NORMAL, 2 FULL). */
  durability(): { readonly journalMode: string; readonly synchronous: number };
}

interface Row {
  id: number;
  call_sid: string;
  caller: string | null;
  recording_sid: string | null;
  recording_url: string | null;
  recording_duration: number | null;
  digits: string | null;
  received_at: number;
  status: 'pending' | 'done';
  done_at: number | null;
}

/**
 * A {@link CallbackQueue} in a SQLite file (created, with its folder, on first use).
 *
 * @note Durability: WAL lets readers (GET /callbacks) run beside the writer. With WAL,
 * synchronous=NORMAL already survives a killed *process* (a commit is in the OS's WAL file
 * before we answer), but can drop the last commits on power loss or an OS crash. The help
 * desk promises "nothing acknowledged is lost" and callbacks arrive a few per minute, so we
 * pay one fsync per commit: synchronous=FULL.
 */
export function createSqliteCallbackQueue(path: string): SqliteCallbackQueue {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);

  const insert = db.prepare(
    `INSERT INTO callbacks (call_sid, caller, recording_sid, recording_url, recording_duration, digits, received_at)
     VALUES (@callSid, @caller, @recordingSid, @recordingUrl, @recordingDuration, @digits, @receivedAt)
     ON CONFLICT (recording_sid) DO NOTHING`,
  );
  const bySid = db.prepare<[string], { id: number }>('SELECT id FROM callbacks WHERE recording_sid = ?');
  const pending = db.prepare<[], Row>("SELECT * FROM callbacks WHERE status = 'pending' ORDER BY id");
  const byId = db.prepare<[number], Row>('SELECT * FROM callbacks WHERE id = ?');
  const done = db.prepare<[number, number]>(
    "UPDATE callbacks SET status = 'done', done_at = ? WHERE id = ? AND status = 'pending'",
  );

  return {
    async add(entry: NewCallback) {
      const result = insert.run(entry);
      if (result.changes === 1) return { id: Number(result.lastInsertRowid), created: true };
      const existing = entry.recordingSid === null ? undefined : bySid.get(entry.recordingSid);
      if (!existing) throw new Error('callback insert changed nothing and no duplicate was found');
      return { id: existing.id, created: false };
    },
    async listPending() {
      return pending.all().map(toEntry);
    },
    async get(id: number) {
      const row = byId.get(id);
      return row ? toEntry(row) : undefined;
    },
    async markDone(id: number, at: number) {
      if (done.run(at, id).changes === 1) return true;
      return byId.get(id) !== undefined;
    },
    async close() {
      if (db.open) db.close();
    },
    durability() {
      return {
        journalMode: db.pragma('journal_mode', { simple: true }) as string,
        synchronous: db.pragma('synchronous', { simple: true }) as number,
      };
    },
  };
}

function toEntry(row: Row): CallbackEntry {
  return {
    id: row.id,
    callSid: row.call_sid,
    caller: row.caller,
    recordingSid: row.recording_sid,
    recordingUrl: row.recording_url,
    recordingDuration: row.recording_duration,
    digits: row.digits,
    receivedAt: row.received_at,
    status: row.status,
    doneAt: row.done_at,
  };
}
