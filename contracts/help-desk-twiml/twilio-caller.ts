import type { CallerScript, TimelineEvent } from '../../src/core/index.ts';
import { createVirtualClock } from '../../src/core/index.ts';
import { DEV_CREDENTIALS } from '../../src/servers/index.ts';
import { createTwilioFake } from '../../src/twilio/create-twilio-fake.ts';
import { EXAMPLE_JWT } from '../token-server/examples.ts';

/** 10 s after EXAMPLE_JWT was minted, so the fake Twilio accepts it (it expires after 300 s). */
const CALL_START_MS = Date.UTC(2026, 0, 1, 0, 0, 10);

/**
 * Places one Voice SDK call through callrig's fake Twilio whose TwiML App points at `baseUrl`:
 * the fake's own webhook client fetches `<baseUrl>/voice`, signs it, runs the TwiML with the
 * core engine and posts the Record action. This is the code the contract describes.
 */
export async function callHelpDesk(baseUrl: string, caller: CallerScript): Promise<readonly TimelineEvent[]> {
  const fake = await createTwilioFake({
    clock: createVirtualClock(CALL_START_MS),
    seed: 'contracts',
    apiOrigin: 'https://api.twilio.com',
    config: {
      accounts: [{ sid: DEV_CREDENTIALS.accountSid, authToken: DEV_CREDENTIALS.authToken }],
      apps: [
        { sid: DEV_CREDENTIALS.appSid, accountSid: DEV_CREDENTIALS.accountSid, voiceUrl: `${baseUrl}/voice` },
      ],
    },
  });
  try {
    const outcome = await fake.connect({ token: EXAMPLE_JWT, caller });
    if (!outcome.ok) throw new Error(`fake Twilio refused the call: ${JSON.stringify(outcome.body)}`);
    return outcome.body.timeline as TimelineEvent[];
  } finally {
    await fake.close();
  }
}

/** `METHOD path → status` of every webhook the call made, in order. */
export function webhookLog(timeline: readonly TimelineEvent[]): string[] {
  return timeline.flatMap((e) =>
    e.type === 'webhook.responded' || e.type === 'callback.sent'
      ? [`${e.kind} ${new URL(e.url).pathname} → ${e.status}`]
      : [],
  );
}
