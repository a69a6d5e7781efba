import { MatchersV3, type V3Request } from '@pact-foundation/pact';
import { EXAMPLE, PATTERN } from './examples.ts';

const { regex } = MatchersV3;
const FORM = 'application/x-www-form-urlencoded';

/**
 * The standard parameters of a Voice SDK call's TwiML requests (twilio-voice.md §4.2–4.4).
 * @note The mock server rejects any parameter the pact does not list (pact-notes §4), so this
 * is every field callrig's fake sends for a client leg: matchers where values vary, literals
 * for constants (`ApiVersion`, `Direction`, the always-empty `Called` and `To`).
 */
function standardParams(callStatus: string): Record<string, unknown> {
  return {
    AccountSid: regex(PATTERN.accountSid, EXAMPLE.accountSid),
    ApiVersion: '2010-04-01',
    ApplicationSid: regex(PATTERN.applicationSid, EXAMPLE.applicationSid),
    CallSid: regex(PATTERN.callSid, EXAMPLE.callSid),
    CallStatus: callStatus,
    Called: '',
    Caller: regex(PATTERN.client, EXAMPLE.caller),
    Direction: 'inbound',
    From: regex(PATTERN.client, EXAMPLE.caller),
    To: '',
  };
}

function formPost(path: string, body: Record<string, unknown>): V3Request {
  return {
    method: 'POST',
    path,
    contentType: FORM,
    headers: {
      'Content-Type': FORM,
      'X-Twilio-Signature': regex(PATTERN.signature, EXAMPLE.signature),
    },
    // @note The V3 DSL writes a real form string plus one rule per parameter (pact-notes §3).
    body: body as V3Request['body'],
  };
}

/** The App's Voice URL request: the first fetch of a client call, `CallStatus=ringing`. */
export function voiceUrlRequest(): V3Request {
  return formPost('/voice', standardParams('ringing'));
}

/**
 * The Record action request (§4.5). `ended: 'timeout'` is a live call (`in-progress`, no
 * `Digits`); `ended: 'hangup'` comes after the caller hung up (`completed`, `Digits=hangup`).
 */
export function recordingCallbackRequest(ended: 'timeout' | 'hangup'): V3Request {
  return formPost('/recording-callback', {
    ...standardParams(ended === 'hangup' ? 'completed' : 'in-progress'),
    ...(ended === 'hangup' ? { Digits: 'hangup' } : {}),
    RecordingDuration: regex(PATTERN.duration, '12'),
    RecordingSid: regex(PATTERN.recordingSid, EXAMPLE.recordingSid),
    RecordingUrl: regex(
      PATTERN.recordingUrl,
      `https://api.twilio.com/2010-04-01/Accounts/${EXAMPLE.accountSid}/Recordings/${EXAMPLE.recordingSid}`,
    ),
  });
}
