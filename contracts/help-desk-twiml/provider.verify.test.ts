import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyProvider } from '../../src/contracts/index.ts';
import { DEV_CREDENTIALS } from '../../src/servers/index.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { IVR_STATES } from './examples.ts';
import { PUBLIC_URL, type RunningHelpDesk, startHelpDesk } from './help-desk-provider.ts';

describe('helpdesk-ivr honours the twilio-voice pact', () => {
  let desk: RunningHelpDesk;
  beforeAll(async () => {
    desk = await startHelpDesk();
  });
  afterAll(async () => {
    await desk.close();
  });

  it('passes with signature validation on, and registers the callbacks it is sent', async () => {
    const report = await verifyProvider({
      provider: PACTICIPANTS.ivr,
      url: desk.url,
      pactDir: PACT_DIR,
      authToken: DEV_CREDENTIALS.authToken,
      publicUrl: PUBLIC_URL,
      stateHandlers: { [IVR_STATES.queueEmpty]: () => desk.emptyQueue() },
    });
    expect(report.ok, formatVerifyReport(report)).toBe(true);
    expect(report.interactions.map((i) => i.description).sort()).toEqual([
      'a Voice URL request for a Voice SDK call',
      'a recording callback after the caller hung up',
      'a recording callback after the caller went silent',
    ]);
    expect(report.twiml).toEqual([]);
    // @note The last callback interaction ran on an emptied queue: exactly its entry is there.
    const pending = await desk.queue().listPending();
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({
      callSid: 'CA00000000000000000000000000000002',
      caller: 'client:alice',
    });
  });

  it('fails when the replayed webhooks are signed with another auth token', async () => {
    const report = await verifyProvider({
      provider: PACTICIPANTS.ivr,
      url: desk.url,
      pactDir: PACT_DIR,
      authToken: 'ffffffffffffffffffffffffffffffff',
      publicUrl: PUBLIC_URL,
    });
    expect(report.ok).toBe(false);
    expect(report.interactions.every((i) => !i.ok)).toBe(true);
    expect(formatVerifyReport(report)).toMatch(/expected 200 but was 403/i);
  });
});
