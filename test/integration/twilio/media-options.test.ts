import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock, type VirtualClock } from '../../../src/core/index.ts';
import { createTwilioFake, type TwilioFake } from '../../../src/twilio/index.ts';

const AC = 'AC00000000000000000000000000000001';
const RE = 'RE00000000000000000000000000000003';
const path = `/2010-04-01/Accounts/${AC}/Recordings/${RE}`;
let clock: VirtualClock;
let fake: TwilioFake;

beforeAll(async () => {
  clock = createVirtualClock(Date.now());
  fake = await createTwilioFake({
    clock,
    config: { accounts: [{ sid: AC, authToken: 'tok' }] },
    recording: { availableAfterMs: 5000, audio: { kind: 'tone', hz: 440 } },
    media: { requireAuth: true },
  });
  fake.recordings.upsert({
    sid: RE,
    accountSid: AC,
    callSid: `CA${'2'.repeat(32)}`,
    status: 'completed',
    durationSec: 3,
    errorCode: null,
    startTimeMs: clock.now(),
  });
});
afterAll(async () => {
  await fake.close();
});

describe('recording media options (§10)', () => {
  it('media.requireAuth → 401/20003 without credentials', async () => {
    const r = await fake.app.inject({ method: 'GET', url: `${path}.wav` });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 20003 });
  });

  it('recording.availableAfterMs → 404/20404 until the virtual clock passes it', async () => {
    const headers = { authorization: `Basic ${Buffer.from(`${AC}:tok`).toString('base64')}` };
    const early = await fake.app.inject({ method: 'GET', url: path, headers });
    expect([early.statusCode, early.json().code]).toEqual([404, 20404]);
    expect((await fake.app.inject({ method: 'GET', url: `${path}.json`, headers })).statusCode).toBe(200);
    clock.advance(5000);
    const ready = await fake.app.inject({ method: 'GET', url: path, headers });
    expect(ready.statusCode).toBe(200);
    expect(ready.rawPayload.readInt16LE(44 + 20)).not.toBe(0); // a tone, not silence
  });
});
