/**
 * `<Number>` and `<Client>` nouns of `<Dial>`.
 */
import type { DialNoun, SourcePos } from '../ast.ts';
import { AttrReader } from '../attrs.ts';
import { type BuildContext, report } from '../context.ts';
import { allowOnly, directText } from '../nodes.ts';
import type { XmlElement } from '../xml/types.ts';
import { checkParameter } from './parameter.ts';

const CALLBACK_ATTRS = [
  'url',
  'method',
  'statusCallback',
  'statusCallbackEvent',
  'statusCallbackMethod',
] as const;
const AMD_ATTRS = [
  'machineDetection',
  'machineDetectionTimeout',
  'machineDetectionSpeechThreshold',
  'machineDetectionSpeechEndThreshold',
  'machineDetectionSilenceTimeout',
  'amdStatusCallback',
  'amdStatusCallbackMethod',
] as const;
const EVENTS = ['initiated', 'ringing', 'answered', 'completed'] as const;

/**
 * Checks a dialled number as Twilio does: punctuation (spaces, dashes, dots, brackets)
 * is allowed, an optional leading `+`, at most 15 digits (13223); anything else 13224.
 */
export function checkPhoneNumber(
  ctx: BuildContext,
  text: string,
  pos: SourcePos,
  path: string,
): string | null {
  const digits = text.replace(/[\s().-]/g, '');
  if (!/^\+?\d+$/.test(digits)) {
    report(ctx, 13224, `${JSON.stringify(text.slice(0, 40))} is not a phone number; skipped`, pos, path);
    return null;
  }
  if (digits.replace('+', '').length > 15) {
    report(
      ctx,
      13223,
      `${JSON.stringify(text.slice(0, 40))} has more than 15 digits (E.164 allows 15); skipped`,
      pos,
      path,
    );
    return null;
  }
  return text;
}

/** Reads the callback attributes shared by Number and Client. */
function callbacks(a: AttrReader): { url?: string; statusCallback?: string } {
  a.method('method', 13210);
  a.method('statusCallbackMethod', 12200);
  a.list('statusCallbackEvent', 12200, EVENTS, ['completed']);
  const out: { url?: string; statusCallback?: string } = {};
  const url = a.url('url');
  if (url !== undefined) out.url = url;
  const sc = a.url('statusCallback');
  if (sc !== undefined) out.statusCallback = sc;
  return out;
}

export function buildNumber(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  const a = new AttrReader(ctx, el, path, [...CALLBACK_ATTRS, ...AMD_ATTRS, 'sendDigits', 'byoc']);
  allowOnly(ctx, el, path, [], true);
  const cb = callbacks(a);
  const sendDigits = a.raw('sendDigits');
  if (sendDigits !== undefined && !/^[0-9#*wW]+$/.test(sendDigits))
    a.bad('sendDigits', 12200, 'DTMF characters 0-9 # * w W', undefined);
  const number = checkPhoneNumber(ctx, directText(el).trim(), el.pos, path);
  if (number === null) return null;
  const noun: DialNoun = { noun: 'Number', number, ...cb };
  if (sendDigits !== undefined && /^[0-9#*wW]+$/.test(sendDigits)) noun.sendDigits = sendDigits;
  return noun;
}

export function buildClient(ctx: BuildContext, el: XmlElement, path: string): DialNoun | null {
  const a = new AttrReader(ctx, el, path, CALLBACK_ATTRS);
  const cb = callbacks(a);
  let identity = directText(el).trim();
  const params: Record<string, string> = {};
  for (const c of allowOnly(ctx, el, path, ['Identity', 'Parameter'], true)) {
    if (c.el.name === 'Identity') {
      allowOnly(ctx, c.el, c.path, [], true);
      identity = directText(c.el).trim();
    } else {
      const pair = checkParameter(ctx, c.el, c.path);
      if (pair) params[pair[0]] = pair[1];
    }
  }
  if (identity === '') {
    report(ctx, 12200, '<Client> needs an identity (as text or in <Identity>); skipped', el.pos, path);
    return null;
  }
  return { noun: 'Client', identity, params, ...cb };
}
