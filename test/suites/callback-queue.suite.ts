import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallbackQueue, NewCallback } from '../../src/servers/helpdesk/callback-queue/types.ts';

/** A fresh, empty queue per test, and how to dispose of it. */
export interface QueueFixture {
  readonly queue: CallbackQueue;
  dispose(): Promise<void>;
}

/** A recording callback with overridable fields. */
export function sampleCallback(overrides: Partial<NewCallback> = {}): NewCallback {
  return {
    callSid: 'CA00000000000000000000000000000002',
    caller: 'client:alice',
    recordingSid: 'RE00000000000000000000000000000003',
    recordingUrl: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE3',
    recordingDuration: 12,
    digits: null,
    receivedAt: 1_800_000_000_000,
    ...overrides,
  };
}

/** The CallbackQueue contract; every implementation must pass it unchanged. */
export function callbackQueueSuite(name: string, create: () => Promise<QueueFixture>): void {
  describe(`CallbackQueue contract: ${name}`, () => {
    let fixture: QueueFixture;
    beforeEach(async () => {
      fixture = await create();
    });
    afterEach(async () => {
      await fixture.dispose();
    });

    it('starts empty', async () => {
      expect(await fixture.queue.listPending()).toEqual([]);
    });

    it('stores every field and lists pending entries oldest first', async () => {
      const a = await fixture.queue.add(sampleCallback());
      const b = await fixture.queue.add(
        sampleCallback({
          recordingSid: 'RE00000000000000000000000000000004',
          digits: 'hangup',
          caller: null,
        }),
      );
      expect(a.created && b.created).toBe(true);
      expect(b.id).toBeGreaterThan(a.id);
      const pending = await fixture.queue.listPending();
      expect(pending).toEqual([
        { ...sampleCallback(), id: a.id, status: 'pending', doneAt: null },
        {
          ...sampleCallback({
            recordingSid: 'RE00000000000000000000000000000004',
            digits: 'hangup',
            caller: null,
          }),
          id: b.id,
          status: 'pending',
          doneAt: null,
        },
      ]);
    });

    it('registers a duplicate RecordingSid once and returns the first id', async () => {
      const first = await fixture.queue.add(sampleCallback());
      const again = await fixture.queue.add(sampleCallback({ recordingDuration: 99 }));
      expect(again).toEqual({ id: first.id, created: false });
      const pending = await fixture.queue.listPending();
      expect(pending).toHaveLength(1);
      expect(pending[0]?.recordingDuration).toBe(12);
    });

    it('keeps callbacks without a RecordingSid apart', async () => {
      await fixture.queue.add(sampleCallback({ recordingSid: null }));
      await fixture.queue.add(sampleCallback({ recordingSid: null }));
      expect(await fixture.queue.listPending()).toHaveLength(2);
    });

    it('marks an entry done, idempotently, and drops it from the pending list', async () => {
      const { id } = await fixture.queue.add(sampleCallback());
      expect(await fixture.queue.markDone(id, 1_800_000_060_000)).toBe(true);
      expect(await fixture.queue.markDone(id, 1_800_000_999_000)).toBe(true);
      expect(await fixture.queue.listPending()).toEqual([]);
      expect(await fixture.queue.get(id)).toMatchObject({ status: 'done', doneAt: 1_800_000_060_000 });
    });

    it('reports unknown ids', async () => {
      expect(await fixture.queue.markDone(4242, 1)).toBe(false);
      expect(await fixture.queue.get(4242)).toBeUndefined();
    });

    it('still treats a done RecordingSid as a duplicate', async () => {
      const { id } = await fixture.queue.add(sampleCallback());
      await fixture.queue.markDone(id, 1);
      expect(await fixture.queue.add(sampleCallback())).toEqual({ id, created: false });
      expect(await fixture.queue.listPending()).toEqual([]);
    });
  });
}
