import { describe, expect, it } from 'vitest';
import { createIndexedCallbackQueue } from '../../../bench/lib/indexed-queue.ts';

const callback = (recordingSid: string | null) => ({
  callSid: 'CA1',
  caller: 'client:alice',
  recordingSid,
  recordingUrl: null,
  recordingDuration: 5,
  digits: null,
  receivedAt: 1,
});

describe('createIndexedCallbackQueue', () => {
  it('dedupes on RecordingSid like the shipped queues, and keeps entries without one apart', async () => {
    const q = createIndexedCallbackQueue();
    expect(await q.add(callback('RE1'))).toEqual({ id: 1, created: true });
    expect(await q.add(callback('RE1'))).toEqual({ id: 1, created: false });
    expect(await q.add(callback(null))).toEqual({ id: 2, created: true });
    expect(await q.add(callback(null))).toEqual({ id: 3, created: true });
  });

  it('marks done once, lists only pending entries, and answers false for an unknown id', async () => {
    const q = createIndexedCallbackQueue();
    await q.add(callback('RE1'));
    await q.add(callback('RE2'));
    expect(await q.markDone(1, 50)).toBe(true);
    expect(await q.markDone(1, 99)).toBe(true);
    expect((await q.get(1))?.doneAt).toBe(50);
    expect((await q.listPending()).map((e) => e.id)).toEqual([2]);
    expect(await q.markDone(7, 1)).toBe(false);
  });
});
