import type Database from 'better-sqlite3';

/**
 * Schema history. Entry N brings `user_version` from N to N+1; append, never edit, so a file
 * created by any earlier release upgrades in place.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE callbacks (
     id                 INTEGER PRIMARY KEY AUTOINCREMENT,
     call_sid           TEXT    NOT NULL,
     caller             TEXT,
     recording_sid      TEXT    UNIQUE,
     recording_url      TEXT,
     recording_duration INTEGER,
     digits             TEXT,
     received_at        INTEGER NOT NULL,
     status             TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
     done_at            INTEGER
   );
   CREATE INDEX callbacks_pending ON callbacks (status, id);`,
];

/** Applies the migrations the file has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `callback database schema version ${current} is newer than this release (${MIGRATIONS.length})`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] as string);
      // @note PRAGMA takes no bound parameters; `version` is a loop integer, not input.
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
