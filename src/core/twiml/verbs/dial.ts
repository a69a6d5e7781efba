/**
 * `<Dial>` attribute rules and defaults (fidelity §3.9); nouns live in dial-nouns.ts.
 */
import type { DialVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import type { BuildContext } from '../context.ts';
import type { XmlElement } from '../xml/types.ts';
import { buildDialNouns } from './dial-nouns.ts';

const ATTRS = [
  'action',
  'method',
  'timeout',
  'timeLimit',
  'callerId',
  'hangupOnStar',
  'answerOnBridge',
  'sequential',
  'record',
  'recordingStatusCallback',
  'recordingStatusCallbackMethod',
  'recordingStatusCallbackEvent',
  'recordingTrack',
  'recordingConfigurationId',
  'trim',
  'ringTone',
  'referUrl',
  'referMethod',
  'callReason',
  'events',
  'passports',
] as const;

const RECORD = [
  'do-not-record',
  'record-from-answer',
  'record-from-ringing',
  'record-from-answer-dual',
  'record-from-ringing-dual',
] as const;
const RING_TONES =
  'at au bg br be ch cl cn cz de dk ee es fi fr gr hu il in it lt jp mx my nl no nz ph pl pt ru se sg th uk us us-old tw ve za'.split(
    ' ',
  );

export const DIAL_DEFAULTS = {
  method: 'POST',
  timeout: 30,
  timeLimit: 14400,
  record: 'do-not-record',
} as const;

/** `record` also takes "true"/"false" as aliases [doc]; they normalise to the long names. */
function readRecord(a: AttrReader): string {
  const v = a.raw('record');
  if (v === 'true') return 'record-from-answer';
  if (v === 'false') return 'do-not-record';
  return a.oneOf('record', 13217, RECORD, DIAL_DEFAULTS.record);
}

function readCallerId(a: AttrReader): string | undefined {
  const v = a.raw('callerId');
  if (v === undefined) return undefined;
  const t = v.trim();
  if (
    /^\+?[\d\s().-]{1,30}$/.test(t) ||
    /^client:[\w.@+-]{1,256}$/.test(t) ||
    /^sips?:/.test(t) ||
    /^[\w.@+-]{1,256}$/.test(t)
  )
    return t;
  a.bad('callerId', 13214, 'a phone number, client:<name> or SIP URI', undefined);
  return undefined;
}

export function buildDial(ctx: BuildContext, el: XmlElement, path: string): DialVerb {
  const a = new AttrReader(ctx, el, path, ATTRS);
  a.bool('sequential', 13218, false);
  const ringTone = a.raw('ringTone');
  if (ringTone !== undefined && !RING_TONES.includes(ringTone))
    a.bad('ringTone', 13220, 'a two-letter country code such as us', undefined);
  a.url('recordingStatusCallback', 13256);
  a.method('recordingStatusCallbackMethod', 13210);
  a.list('recordingStatusCallbackEvent', 12200, ['in-progress', 'completed', 'absent'] as const, [
    'completed',
  ]);
  a.oneOf('recordingTrack', 12200, ['both', 'inbound', 'outbound'] as const, 'both');
  a.oneOf('trim', 12200, ['trim-silence', 'do-not-trim'] as const, 'do-not-trim');
  a.url('referUrl');
  a.method('referMethod', 12200);
  const verb: DialVerb = {
    verb: 'Dial',
    pos: el.pos,
    path,
    method: a.method('method', 13210),
    timeout: a.int('timeout', 13212, DIAL_DEFAULTS.timeout, 5, 600),
    timeLimit: a.int('timeLimit', 13216, DIAL_DEFAULTS.timeLimit, 1, 86400),
    hangupOnStar: a.bool('hangupOnStar', 13213, false),
    answerOnBridge: a.bool('answerOnBridge', 13219, false),
    record: readRecord(a),
    nouns: buildDialNouns(ctx, el, path),
  };
  const action = a.url('action');
  if (action !== undefined) verb.action = action;
  const callerId = readCallerId(a);
  if (callerId !== undefined) verb.callerId = callerId;
  return verb;
}
