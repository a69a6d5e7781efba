import type { CalleeOutcome, CallInit } from '../../core/index.ts';
import type { AccountStore } from '../accounts/account-store.ts';
import type { AccountConfig, CalleeScript } from '../accounts/types.ts';
import { badParam } from './error-body.ts';

/** A parsed form body: repeated keys arrive as arrays (`StatusCallbackEvent`). */
export type FormBody = Record<string, string | string[] | undefined>;

const E164 = /^\+[1-9]\d{1,14}$/;
const CLIENT = /^client:[^\s]{1,256}$/;
const SIP = /^sip:[^\s@]+@[^\s]+$/i;
const EVENTS = new Set(['initiated', 'ringing', 'answered', 'completed']);

/** The first value of a form field. */
export function one(body: FormBody, name: string): string | undefined {
  const v = body[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Every value of a repeated field (space-separated values are split too, as Twilio accepts). */
export function all(body: FormBody, name: string): string[] {
  const v = body[name];
  const list = v === undefined ? [] : Array.isArray(v) ? v : [v];
  return list.flatMap((s) => s.split(/\s+/)).filter(Boolean);
}

function method(body: FormBody, name: string): 'GET' | 'POST' | undefined {
  const v = one(body, name);
  if (v === undefined || v === '') return undefined;
  const m = v.toUpperCase();
  if (m !== 'GET' && m !== 'POST') throw badParam(21209, `${name} must be GET or POST, not ${v}`);
  return m;
}

function url(body: FormBody, name: string, code: number): string | undefined {
  const v = one(body, name);
  if (v === undefined || v === '') return undefined;
  if (!/^https?:\/\/[^/?#\s]+/i.test(v)) throw badParam(code, `${name} is not a valid URL: ${v}`);
  return v;
}

/** Callee script (admin API) → the engine's CalleeOutcome. */
export function calleeOutcome(script: CalleeScript): CalleeOutcome {
  if (script.outcome === 'answer') {
    const answer: { after?: number; talkFor?: number } = { after: script.afterSec ?? 0 };
    if (script.hangupAfterSec !== undefined) answer.talkFor = script.hangupAfterSec;
    return { answer };
  }
  return script.outcome;
}

/**
 * Validates `POST …/Calls.json` (twilio-voice.md §9.2, §8.4 codes) and builds the engine's
 * CallInit. Throws TwilioRestError (400) on the first problem, as Twilio does.
 */
export function createCallInit(
  body: FormBody,
  account: AccountConfig,
  accounts: AccountStore,
  callSid: string,
  apiOrigin: string,
): { init: CallInit & { callSid: string }; caller: unknown } {
  const to = one(body, 'To');
  const from = one(body, 'From');
  if (!to) throw badParam(21201, "No 'To' number is specified");
  if (!from) throw badParam(21213, "'From' phone number is required");
  if (!E164.test(to) && !CLIENT.test(to) && !SIP.test(to))
    throw badParam(21211, `Invalid 'To' Phone Number: ${to}`);
  if (!E164.test(from) && !CLIENT.test(from) && !SIP.test(from))
    throw badParam(21212, `Invalid 'From' Phone Number: ${from}`);
  if (E164.test(to) && !E164.test(from))
    throw badParam(21212, `Invalid 'From' Phone Number: ${from} (a phone To needs a phone From)`);

  const voiceUrl = url(body, 'Url', 21205);
  const twiml = one(body, 'Twiml');
  const appSid = one(body, 'ApplicationSid');
  if (!voiceUrl && !twiml && !appSid)
    throw badParam(21205, 'Url parameter is required. Please provide a Url, Twiml or ApplicationSid.');
  if (twiml !== undefined && !voiceUrl && twiml.length > 4000)
    throw badParam(21205, 'Twiml must be at most 4000 characters');

  const timeoutRaw = one(body, 'Timeout');
  let ringTimeoutSec = 60;
  if (timeoutRaw !== undefined && timeoutRaw !== '') {
    const n = Number(timeoutRaw);
    if (!Number.isInteger(n) || n < 1 || n > 600)
      throw badParam(21208, `Timeout must be an integer between 1 and 600, not ${timeoutRaw}`);
    ringTimeoutSec = n;
  }
  const sendDigits = one(body, 'SendDigits');
  if (sendDigits !== undefined && !/^[0-9A-D#*wW]*$/.test(sendDigits))
    throw badParam(21206, `Invalid SendDigits: ${sendDigits}`);

  const callee = accounts.callee(to);
  const init: CallInit & { callSid: string } = {
    callSid,
    accountSid: account.sid,
    direction: 'outbound-api',
    from,
    to,
    apiOrigin,
    callee: calleeOutcome(callee),
    ringTimeoutSec,
  };
  if (appSid && !voiceUrl && !twiml) {
    const app = accounts.app(appSid);
    if (!app || app.accountSid !== account.sid)
      throw badParam(21218, `ApplicationSid ${appSid} is not valid`);
    // @note With ApplicationSid the App's URLs, methods and callbacks replace the request's (§9.2).
    init.applicationSid = app.sid;
    init.url = app.voiceUrl;
    init.method = app.voiceMethod ?? 'POST';
    if (app.voiceFallbackUrl)
      Object.assign(init, {
        fallbackUrl: app.voiceFallbackUrl,
        fallbackMethod: app.voiceFallbackMethod ?? 'POST',
      });
    if (app.statusCallback)
      Object.assign(init, {
        statusCallback: app.statusCallback,
        statusCallbackMethod: app.statusCallbackMethod ?? 'POST',
      });
  } else {
    if (voiceUrl) {
      init.url = voiceUrl;
      init.method = method(body, 'Method') ?? 'POST';
    } else init.twiml = twiml;
    const fallbackUrl = url(body, 'FallbackUrl', 21205);
    if (fallbackUrl)
      Object.assign(init, { fallbackUrl, fallbackMethod: method(body, 'FallbackMethod') ?? 'POST' });
    const statusCallback = url(body, 'StatusCallback', 21205);
    if (statusCallback) {
      init.statusCallback = statusCallback;
      init.statusCallbackMethod = method(body, 'StatusCallbackMethod') ?? 'POST';
      const events = all(body, 'StatusCallbackEvent').filter((e) => EVENTS.has(e));
      if (events.length > 0)
        init.statusCallbackEvents = events as NonNullable<CallInit['statusCallbackEvents']>;
    }
  }
  return { init, caller: callee.outcome === 'answer' ? callee.caller : undefined };
}
