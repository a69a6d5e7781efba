import type { CallbackEntry, CallbackQueue, NewCallback } from './types.ts';

/** An in-process {@link CallbackQueue} with the same semantics as the SQLite one; for tests. */
export function createMemoryCallbackQueue(): CallbackQueue {
  const entries: CallbackEntry[] = [];
  return {
    async add(entry: NewCallback) {
      const existing =
        entry.recordingSid === null ? undefined : entries.find((e) => e.recordingSid === entry.recordingSid);
      if (existing) return { id: existing.id, created: false };
      const stored: CallbackEntry = { ...entry, id: entries.length + 1, status: 'pending', doneAt: null };
      entries.push(stored);
      return { id: stored.id, created: true };
    },
    async listPending() {
      return entries.filter((e) => e.status === 'pending').map((e) => ({ ...e }));
    },
    async get(id: number) {
      const found = entries.find((e) => e.id === id);
      return found ? { ...found } : undefined;
    },
    async markDone(id: number, at: number) {
      const index = entries.findIndex((e) => e.id === id);
      const found = entries[index];
      if (!found) return false;
      if (found.status === 'pending') entries[index] = { ...found, status: 'done', doneAt: at };
      return true;
    },
    async close() {},
  };
}
