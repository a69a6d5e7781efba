/**
 * `<Sip>`, `<Conference>`, `<Queue>` nouns, plus the ones callrig parses but does not
 * simulate (`<Application>`, `<Sim>`). Attributes are checked by name only.
 */
import type { DialNoun } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

const SIP_ATTRS = [
  'username',
  'password',
  'url',
  'method',
  'statusCallback',
  'statusCallbackEvent',
  'statusCallbackMethod',
];
const AMD = [
  'machineDetection',
  'machineDetectionTimeout',
  'machineDetectionSpeechThreshold',
  'machineDetectionSpeechEndThreshold',
];
const CONFERENCE_ATTRS = [
  'muted',
  'beep',
  'startConferenceOnEnter',
  'endConferenceOnExit',
  'waitUrl',
  'waitMethod',
  'maxParticipants',
  'record',
  'region',
  'coach',
  'trim',
  'statusCallbackEvent',
  'statusCallback',
  'statusCallbackMethod',
  'recordingStatusCallback',
  'recordingStatusCallbackMethod',
  'recordingStatusCallbackEvent',
  'eventCallbackUrl',
  'jitterBufferSize',
  'participantLabel',
  'recordingConfigurationId',
  'callSidToCoach',
  'beepOnCustomerEntrance',
];
const QUEUE_ATTRS = ['url', 'method', 'reservationSid', 'postWorkActivitySid'];
const OTHER_ATTRS: Record<string, readonly string[]> = {
  Application: [
    'url',
    'method',
    'statusCallback',
    'statusCallbackEvent',
    'statusCallbackMethod',
    'customerId',
    'copyParentTo',
  ],
  Sim: [],
};

/** Text body required by a noun; reports 12200 and returns null when empty. */
function body(ctx: BuildContext, el: XmlElement, path: string, what: string): string | null {
  const text = directText(el).trim();
  if (text !== '') return text;
  report(ctx, 12200, `<${el.name}> needs ${what} as its text; skipped`, el.pos, path);
  return null;
}

export function buildSip(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  new AttrReader(ctx, el, path, [
    ...SIP_ATTRS,
    ...AMD,
    'machineDetectionSilenceTimeout',
    'amdStatusCallback',
    'amdStatusCallbackMethod',
  ]);
  allowOnly(ctx, el, path, [], true);
  // @note Twilio's samples write `<Sip>kate@example.com</Sip>` without the scheme; kept as written.
  const uri = body(ctx, el, path, 'a SIP URI');
  return uri === null ? null : { noun: 'Sip', uri };
}

export function buildConference(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  new AttrReader(ctx, el, path, CONFERENCE_ATTRS);
  allowOnly(ctx, el, path, [], true);
  const name = body(ctx, el, path, 'a room name');
  return name === null ? null : { noun: 'Conference', name };
}

export function buildQueue(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  new AttrReader(ctx, el, path, QUEUE_ATTRS);
  allowOnly(ctx, el, path, [], true);
  const name = body(ctx, el, path, 'a queue name');
  return name === null ? null : { noun: 'Queue', name };
}

/** Application and Sim: accepted, children unchecked, not simulated. */
export function buildUnsimulatedNoun(ctx: BuildContext, el: XmlElement, path: string): DialNoun {
  new AttrReader(ctx, el, path, OTHER_ATTRS[el.name] ?? []);
  return { noun: 'Unsimulated', name: el.name };
}
