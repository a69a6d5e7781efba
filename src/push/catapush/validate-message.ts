import type { FieldError } from './error-body.ts';

/** A `POST /1/messages` body that passed validation (catapush-apns.md §1.5). */
export interface SendMessageBody {
  mobileAppId: number;
  text: string;
  recipients: Array<{
    identifier: string;
    recipientRef?: string;
    override?: { text?: string; mobileNumber?: string };
  }>;
  notificationText?: string;
  messageRef?: string;
  notifyCallback?: { method: 'GET' | 'POST'; url: string };
  devicesData?: { ios?: IosDeviceData; android?: Record<string, unknown> };
  optionalData?: Record<string, unknown>;
  channel?: string;
}

export interface IosDeviceData {
  alert?: string;
  badge?: number;
  sound?: string;
  category?: string;
  customData?: Record<string, unknown>;
}

export type MessageValidation =
  | { ok: true; body: SendMessageBody; warnings: string[] }
  | { ok: false; errors: FieldError[] };

const KNOWN = new Set([
  'mobileAppId',
  'text',
  'recipients',
  'notificationText',
  'messageRef',
  'notifyCallback',
  'devicesData',
  'optionalData',
  'channel',
]);
// C0 and C1 controls except TAB, LF and CR are not "safe characters" [rig].
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control range is the point
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Collects every failing field of a send body (Mountebank style: never stops at the first). */
export function validateSendMessage(input: unknown): MessageValidation {
  if (!isObject(input)) return { ok: false, errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const str = (field: string, v: unknown, min: number, max: number): void => {
    if (typeof v !== 'string') return void err(field, 'must be a string');
    if (v.length < min || v.length > max) err(field, `length must be ${min}–${max} characters`);
    else if (UNSAFE.test(v)) err(field, 'contains unsafe (control) characters');
  };
  if (input.mobileAppId === undefined) err('mobileAppId', 'is required');
  else if (typeof input.mobileAppId !== 'number' || !Number.isInteger(input.mobileAppId))
    err('mobileAppId', 'must be an integer');
  if (input.text === undefined) err('text', 'is required');
  else str('text', input.text, 1, 10_000);
  if (input.recipients === undefined) err('recipients', 'is required');
  else if (!Array.isArray(input.recipients)) err('recipients', 'must be an array');
  else if (input.recipients.length < 1 || input.recipients.length > 1000)
    err('recipients', 'must hold 1–1000 items');
  else
    for (const [i, r] of (input.recipients as unknown[]).entries()) {
      const at = `recipients[${i}]`;
      if (!isObject(r)) {
        err(at, 'must be an object');
        continue;
      }
      if (r.identifier === undefined) err(`${at}.identifier`, 'is required');
      else str(`${at}.identifier`, r.identifier, 1, 255);
      if (r.recipientRef !== undefined) str(`${at}.recipientRef`, r.recipientRef, 0, 255);
      if (r.override !== undefined && !isObject(r.override)) err(`${at}.override`, 'must be an object');
    }
  if (input.notificationText !== undefined) str('notificationText', input.notificationText, 0, 10_000);
  if (input.messageRef !== undefined) str('messageRef', input.messageRef, 0, 255);
  if (input.channel !== undefined) str('channel', input.channel, 0, 255);
  if (input.optionalData !== undefined && !isObject(input.optionalData))
    err('optionalData', 'must be an object');
  const cb = input.notifyCallback;
  if (cb !== undefined) {
    if (!isObject(cb)) err('notifyCallback', 'must be an object');
    else {
      if (cb.method !== 'GET' && cb.method !== 'POST') err('notifyCallback.method', 'must be GET or POST');
      if (typeof cb.url !== 'string' || !/^https?:\/\//.test(cb.url))
        err('notifyCallback.url', 'must be an http(s) URL');
    }
  }
  const dd = input.devicesData;
  if (dd !== undefined) {
    if (!isObject(dd)) err('devicesData', 'must be an object');
    else if (dd.ios !== undefined) {
      const ios = dd.ios;
      if (!isObject(ios)) err('devicesData.ios', 'must be an object');
      else {
        if (ios.alert !== undefined) str('devicesData.ios.alert', ios.alert, 0, 10_000);
        if (ios.badge !== undefined && !(Number.isInteger(ios.badge) && (ios.badge as number) >= 0))
          err('devicesData.ios.badge', 'must be an integer ≥ 0');
        if (ios.sound !== undefined && typeof ios.sound !== 'string')
          err('devicesData.ios.sound', 'must be a string');
        if (ios.category !== undefined && typeof ios.category !== 'string')
          err('devicesData.ios.category', 'must be a string');
        if (ios.customData !== undefined && !isObject(ios.customData))
          err('devicesData.ios.customData', 'must be an object');
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  const warnings = Object.keys(input)
    .filter((k) => !KNOWN.has(k))
    .map((k) => `[callrig] unknown field "${k}" in POST /1/messages was ignored`);
  return { ok: true, body: input as unknown as SendMessageBody, warnings };
}
