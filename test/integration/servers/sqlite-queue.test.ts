import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/servers/helpdesk/callback-queue/migrations.ts';
import { createSqliteCallbackQueue } from '../../../src/servers/helpdesk/callback-queue/sqlite-queue.ts';
import { callbackQueueSuite, sampleCallback } from '../../suites/callback-queue.suite.ts';
import { tempDir } from './temp-dir.ts';

callbackQueueSuite('SQLite file', async () => {
  const dir = tempDir();
  const queue = createSqliteCallbackQueue(join(dir.path, 'nested', 'q.sqlite'));
  return {
    queue,
    dispose: async () => {
      await queue.close();
      dir.remove();
    },
  };
});

describe('SQLite callback queue file', () => {
  it('survives close and reopen, done state included', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'q.sqlite');
    const first = createSqliteCallbackQueue(path);
    const { id } = await first.add(sampleCallback());
    const other = await first.add(sampleCallback({ recordingSid: 'RE00000000000000000000000000000009' }));
    await first.markDone(other.id, 5);
    await first.close();

    const second = createSqliteCallbackQueue(path);
    expect((await second.listPending()).map((e) => e.id)).toEqual([id]);
    expect(await second.get(other.id)).toMatchObject({ status: 'done', doneAt: 5 });
    expect(await second.add(sampleCallback())).toEqual({ id, created: false });
    await second.close();
    dir.remove();
  });

  it('uses WAL, synchronous=FULL and records the schema version', async () => {
    const dir = tempDir();
    const path = join(dir.path, 'q.sqlite');
    const queue = createSqliteCallbackQueue(path);
    await queue.add(sampleCallback());
    expect(queue.durability()).toEqual({ journalMode: 'wal', synchronous: 2 });
    const peek = new Database(path, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(peek.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    peek.close();
    await queue.close();
    dir.remove();
  });

  it('refuses a file written by a newer schema', () => {
    const dir = tempDir();
    const path = join(dir.path, 'q.sqlite');
    const db = new Database(path);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => createSqliteCallbackQueue(path)).toThrow(/newer than this release/);
    dir.remove();
  });
});
