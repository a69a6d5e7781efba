import type { CallbackEntry, CallbackQueue, NewCallback } from '../../src/servers/index.ts';

/**
 * An in-memory callback queue indexed by id and RecordingSid, so every operation is O(1).
 * @note The http bench's "no database" help desk uses this rather than the shipped
 * createMemoryCallbackQueue, whose `add` scans every entry for a duplicate RecordingSid (O(n)):
 * over a load run that scan, not the fake Twilio, would set the rate.
 */
export function createIndexedCallbackQueue(): CallbackQueue {
  const byId = new Map<number, CallbackEntry>();
  const bySid = new Map<string, number>();
  return {
    async add(entry: NewCallback) {
      const existing = entry.recordingSid === null ? undefined : bySid.get(entry.recordingSid);
      if (existing !== undefined) return { id: existing, created: false };
      const id = byId.size + 1;
      byId.set(id, { ...entry, id, status: 'pending', doneAt: null });
      if (entry.recordingSid !== null) bySid.set(entry.recordingSid, id);
      return { id, created: true };
    },
    async listPending() {
      return [...byId.values()].filter((e) => e.status === 'pending');
    },
    async get(id: number) {
      return byId.get(id);
    },
    async markDone(id: number, at: number) {
      const found = byId.get(id);
      if (!found) return false;
      if (found.status === 'pending') byId.set(id, { ...found, status: 'done', doneAt: at });
      return true;
    },
    async close() {},
  };
}
