/**
 * The one call every benchmark replays: the brief's help-desk path where the caller leaves a
 * message (greeting, beep, 5 s of speech, 3 s of silence ends the Record, recording callback,
 * thank-you, hang-up, status callback). Three signed requests reach the help desk per call.
 */
import twilio from 'twilio';
import type { CallerScript } from '../../src/core/index.ts';
import { DEV_CREDENTIALS } from '../../src/servers/index.ts';

/** The caller leaves a message then goes silent, so the Record ends on its 3 s timeout. */
export const LEAVE_MESSAGE: CallerScript = [{ waitFor: 'beep' }, { speak: 5 }];

/** Requests one help-desk call makes: voice, recording callback, status callback. */
export const REQUESTS_PER_CALL = 3;

/**
 * A capability token for the dev TwiML App, minted with twilio's own jwt class (the oracle),
 * valid for an hour of real time so one token serves a whole run.
 */
export function devCapabilityToken(identity = 'bench'): string {
  const capability = new twilio.jwt.ClientCapability({
    accountSid: DEV_CREDENTIALS.accountSid,
    authToken: DEV_CREDENTIALS.authToken,
    ttl: 3600,
  });
  capability.addScope(
    new twilio.jwt.ClientCapability.OutgoingClientScope({
      applicationSid: DEV_CREDENTIALS.appSid,
      clientName: identity,
    }),
  );
  return capability.toJwt();
}

/** The fake Twilio's config: the dev account and a TwiML App pointing at the help desk. */
export function devTwilioConfig(helpDeskUrl: string) {
  return {
    accounts: [{ sid: DEV_CREDENTIALS.accountSid, authToken: DEV_CREDENTIALS.authToken }],
    apps: [
      {
        sid: DEV_CREDENTIALS.appSid,
        accountSid: DEV_CREDENTIALS.accountSid,
        voiceUrl: `${helpDeskUrl}/voice`,
        statusCallback: `${helpDeskUrl}/status-callback`,
      },
    ],
  };
}
