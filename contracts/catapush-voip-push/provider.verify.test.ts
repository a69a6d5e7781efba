import { providerWithMetadata, Verifier } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { catapushPush } from '../../src/push/catapush/push-payload.ts';
import { pactFile } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { BUNDLE_ID, DEFAULT_ALERT, MESSAGE_ID, PUSH_STATES, SENT_MESSAGE, VOIP_PUSH } from './examples.ts';

describe("catapush's VoIP push honours the ios-app pact", () => {
  it('builds the payload and APNs headers the app expects', async () => {
    let states = 0;
    // @note The fake Catapush's own payload builder, in voip delivery mode: the same function
    // its dispatcher calls before handing the push to the fake APNs.
    const push = catapushPush('voip', BUNDLE_ID, MESSAGE_ID, SENT_MESSAGE, DEFAULT_ALERT);
    const result = await new Verifier({
      provider: PACTICIPANTS.catapush,
      pactUrls: [pactFile(PACTICIPANTS.app, PACTICIPANTS.catapush)],
      logLevel: 'warn',
      stateHandlers: {
        [PUSH_STATES.messageForAlice]: async () => {
          states++;
          return undefined;
        },
      },
      messageProviders: {
        [VOIP_PUSH]: providerWithMetadata(async () => push.payload, {
          'apns-topic': push.topic,
          'apns-push-type': push.pushType,
          'apns-priority': String(push.priority),
        }),
      },
    }).verifyProvider();
    expect(JSON.parse(result)).toMatchObject({ result: true });
    expect(states).toBe(1);
  });
});
