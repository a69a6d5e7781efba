import { MatchersV3, type V3Response, XmlBuilder } from '@pact-foundation/pact';
import { BRIEF_GREETING, BRIEF_NO_MESSAGE } from '../../src/servers/index.ts';
import { attrs, PATTERN } from './examples.ts';

const { regex, integer, string } = MatchersV3;
const XML_TYPE = { 'Content-Type': regex('^(application|text)/xml(;.*)?$', 'text/xml') };

/**
 * The brief's IVR document as a pact body: Say (woman), Record (maxLength, playBeep="true",
 * timeout, action → /recording-callback), the fall-through Say, Hangup.
 * @note Pact's XML check is loose: extra or reordered verbs pass (pact-notes §6.3). Order is
 * pinned by the provider check's TwiML validation and by the help desk's own tests.
 */
export function voiceTwimlResponse(): V3Response {
  const body = new XmlBuilder('1.0', 'UTF-8', 'Response').build((r) => {
    r.appendElement('Say', attrs({ voice: 'woman' }), string(BRIEF_GREETING));
    r.appendElement(
      'Record',
      attrs({
        maxLength: integer(60),
        playBeep: 'true',
        timeout: integer(3),
        // @note A relative example, so the fake Twilio posts the callback back to the mock server.
        action: regex(PATTERN.recordAction, '/recording-callback'),
      }),
    );
    r.appendElement('Say', attrs({ voice: 'woman' }), string(BRIEF_NO_MESSAGE));
    r.appendElement('Hangup', attrs({}));
  });
  return { status: 200, headers: XML_TYPE, body };
}

/** What the recording callback answers: any spoken line, then Hangup. */
export function recordingCallbackResponse(): V3Response {
  const body = new XmlBuilder('1.0', 'UTF-8', 'Response').build((r) => {
    r.appendElement('Say', attrs({}), string('Thank you. We have your message and will call you back.'));
    r.appendElement('Hangup', attrs({}));
  });
  return { status: 200, headers: XML_TYPE, body };
}
