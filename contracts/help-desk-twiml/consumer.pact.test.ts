import { PactV3, SpecificationVersion } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { mockServerSettled } from '../mock-server-settle.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { IVR_STATES } from './examples.ts';
import { callHelpDesk, webhookLog } from './twilio-caller.ts';
import { recordingCallbackResponse, voiceTwimlResponse } from './twiml-responses.ts';
import { recordingCallbackRequest, voiceUrlRequest } from './webhook-requests.ts';

// @note V3 DSL with a V4 file: the V4 builder has no form-body method (pact-notes §3).
const pact = new PactV3({
  consumer: PACTICIPANTS.twilio,
  provider: PACTICIPANTS.ivr,
  dir: PACT_DIR,
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
});

function expectVoiceUrl(): void {
  pact
    .uponReceiving('a Voice URL request for a Voice SDK call')
    .withRequest(voiceUrlRequest())
    .willRespondWith(voiceTwimlResponse());
}

describe('twilio-voice → helpdesk-ivr', () => {
  it('fetches the IVR TwiML, records, and posts the action when the caller goes silent', async () => {
    expectVoiceUrl();
    pact
      .given(IVR_STATES.queueEmpty)
      .uponReceiving('a recording callback after the caller went silent')
      .withRequest(recordingCallbackRequest('timeout'))
      .willRespondWith(recordingCallbackResponse());
    await pact.executeTest(async (ms) => {
      const timeline = await callHelpDesk(ms.url, [{ waitFor: 'beep' }, { speak: 12 }, { silence: 5 }]);
      await mockServerSettled(pact, ms.url);
      expect(webhookLog(timeline)).toEqual(['voice /voice → 200', 'action /recording-callback → 200']);
      const ended = timeline.find((e) => e.type === 'record.ended');
      expect(ended).toMatchObject({ reason: 'silence', actionRequested: true });
      expect(timeline.some((e) => e.type === 'error' && e.severity === 'error')).toBe(false);
    });
  });

  it('posts the action with Digits=hangup when the caller hangs up while recording', async () => {
    expectVoiceUrl();
    pact
      .given(IVR_STATES.queueEmpty)
      .uponReceiving('a recording callback after the caller hung up')
      .withRequest(recordingCallbackRequest('hangup'))
      .willRespondWith(recordingCallbackResponse());
    await pact.executeTest(async (ms) => {
      const timeline = await callHelpDesk(ms.url, [{ waitFor: 'beep' }, { speak: 4 }, { hangup: true }]);
      await mockServerSettled(pact, ms.url);
      expect(webhookLog(timeline)).toEqual(['voice /voice → 200', 'hangup-action /recording-callback → 200']);
      expect(timeline.find((e) => e.type === 'record.ended')).toMatchObject({
        reason: 'hangup',
        digits: 'hangup',
      });
    });
  });
});
