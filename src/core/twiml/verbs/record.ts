/**
 * `<Record>` rules and defaults (fidelity §3.4, §11 item 5).
 * @note The 600 s cap for Voice SDK calls depends on the call, not the document: the
 * engine applies it. The default action (the current document URL) is also the engine's.
 */
import type { RecordVerb } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';

const ATTRS = [
  'action',
  'method',
  'timeout',
  'finishOnKey',
  'maxLength',
  'playBeep',
  'trim',
  'recordingStatusCallback',
  'recordingStatusCallbackMethod',
  'recordingStatusCallbackEvent',
  'transcribe',
  'transcribeCallback',
  'recordingConfigurationId',
] as const;

export const RECORD_DEFAULTS = {
  method: 'POST',
  timeout: 5,
  finishOnKey: '1234567890*#',
  maxLength: 3600,
  /** Twilio transcribes at most 120 s, so a transcribing Record defaults to that. */
  maxLengthTranscribing: 120,
  maxLengthLimit: 14400,
  playBeep: true,
  trim: 'trim-silence',
  recordingStatusCallbackEvent: ['completed'],
} as const;

export function buildRecord(ctx: BuildContext, el: XmlElement, path: string): RecordVerb {
  const a = new AttrReader(ctx, el, path, ATTRS);
  allowOnly(ctx, el, path, [], false);
  let finishOnKey = a.raw('finishOnKey') ?? RECORD_DEFAULTS.finishOnKey;
  if (!/^[0-9#*]*$/.test(finishOnKey)) {
    a.bad('finishOnKey', 13613, 'any of the keys 0-9 # * (or empty)', RECORD_DEFAULTS.finishOnKey);
    finishOnKey = RECORD_DEFAULTS.finishOnKey;
  }
  const transcribe = a.bool('transcribe', 13614, false);
  const defaultMax = transcribe ? RECORD_DEFAULTS.maxLengthTranscribing : RECORD_DEFAULTS.maxLength;
  const maxLength = a.int('maxLength', 13612, defaultMax, 2, RECORD_DEFAULTS.maxLengthLimit);
  if (transcribe && maxLength > RECORD_DEFAULTS.maxLengthTranscribing) {
    report(
      ctx,
      13615,
      `<Record> maxLength=${maxLength} is over 120 s: Twilio will not transcribe it`,
      el.pos,
      `${path}@maxLength`,
    );
  }
  const verb: RecordVerb = {
    verb: 'Record',
    pos: el.pos,
    path,
    method: a.method('method', 13610),
    timeout: a.int('timeout', 13611, RECORD_DEFAULTS.timeout, 0),
    finishOnKey,
    maxLength,
    playBeep: a.bool('playBeep', 13616, RECORD_DEFAULTS.playBeep),
    trim: a.oneOf('trim', 13699, ['trim-silence', 'do-not-trim'] as const, RECORD_DEFAULTS.trim),
    recordingStatusCallbackMethod: a.method('recordingStatusCallbackMethod', 13610),
    recordingStatusCallbackEvent: a.list(
      'recordingStatusCallbackEvent',
      13621,
      ['in-progress', 'completed', 'absent'] as const,
      [...RECORD_DEFAULTS.recordingStatusCallbackEvent],
    ),
    transcribe,
  };
  const action = a.url('action');
  if (action !== undefined) verb.action = action;
  const rsc = a.url('recordingStatusCallback');
  if (rsc !== undefined) verb.recordingStatusCallback = rsc;
  const tc = a.url('transcribeCallback');
  if (tc !== undefined) verb.transcribeCallback = tc;
  return verb;
}
