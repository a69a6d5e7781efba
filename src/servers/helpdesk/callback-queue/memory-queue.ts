import type { CallbackEntry, CallbackQueue, NewCallback } from './types.ts';

/** An in-process {@link CallbackQueue} with the same semantics as the SQLite one; for tests. */
export function createMemoryCallbackQueue(): CallbackQueue {
  // @note Ids are 1-based positions in `entries` (nothing is ever removed), so lookups by id are
  // O(1); `byRecordingSid` is the unique index the SQLite table has, so `add` is O(1) too.
  const entries: CallbackEntry[] = [];
  const byRecordingSid = new Map<string, number>();
  const at = (id: number): CallbackEntry | undefined => entries[id - 1];
  return {
    async add(entry: NewCallback) {
      const existingId = entry.recordingSid === null ? undefined : byRecordingSid.get(entry.recordingSid);
      if (existingId !== undefined) return { id: existingId, created: false };
      const stored: CallbackEntry = { ...entry, id: entries.length + 1, status: 'pending', doneAt: null };
      entries.push(stored);
      if (stored.recordingSid !== null) byRecordingSid.set(stored.recordingSid, stored.id);
      return { id: stored.id, created: true };
    },
    async listPending() {
      return entries.filter((e) => e.status === 'pending').map((e) => ({ ...e }));
    },
    async get(id: number) {
      const found = at(id);
      return found ? { ...found } : undefined;
    },
    async markDone(id: number, doneAt: number) {
      const found = at(id);
      if (!found) return false;
      if (found.status === 'pending') entries[id - 1] = { ...found, status: 'done', doneAt };
      return true;
    },
    async close() {},
  };
}
