import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pactFile } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { type RunningCatapush, startCatapush } from './catapush-provider.ts';
import { SEND_STATES } from './examples.ts';

describe("callrig's fake Catapush honours the backend pact", () => {
  let catapush: RunningCatapush;
  beforeAll(async () => {
    catapush = await startCatapush();
  });
  afterAll(async () => {
    await catapush.close();
  });

  it('accepts the send-message request and refuses an unknown token', async () => {
    const result = await new Verifier({
      provider: PACTICIPANTS.catapush,
      providerBaseUrl: catapush.url,
      pactUrls: [pactFile(PACTICIPANTS.backend, PACTICIPANTS.catapush)],
      logLevel: 'warn',
      stateHandlers: {
        [SEND_STATES.aliceExists]: async () => {
          catapush.ensureAlice();
          return undefined;
        },
      },
    }).verifyProvider();
    expect(JSON.parse(result)).toMatchObject({ result: true });
  });
});
