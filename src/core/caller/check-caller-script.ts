/**
 * Validates a caller script from untrusted data (YAML), collecting every problem with its
 * path (`steps[2].speak`), the way Mountebank's dry-run validator does.
 */
import type { Diagnostic } from '../errors/diagnostic.ts';

const STEP_KEYS = ['waitFor', 'speak', 'silence', 'press', 'say', 'hangup', 'hangupDuring'] as const;
const DURING_KEYS = ['say', 'play', 'pause', 'beep', 'record', 'gather', 'dial'] as const;
const DTMF = /^[0-9A-D#*wW]+$/;

type Problems = Diagnostic[];

function bad(out: Problems, path: string, message: string): void {
  out.push({
    code: 'CALLRIG_CONFIG_INVALID',
    severity: 'error',
    message: `${path}: ${message}`,
    line: 0,
    column: 0,
    path,
  });
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const posNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const nonNeg = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Every problem in `script`; empty means it is a valid `CallerScript`. */
export function checkCallerScript(script: unknown): Diagnostic[] {
  const out: Problems = [];
  if (Array.isArray(script)) {
    for (const [i, s] of script.entries()) checkStep(out, s, `steps[${i}]`);
    return out;
  }
  if (!isObj(script)) {
    bad(out, 'script', 'must be a list of steps or an object with `steps`, `callee`, `dial`');
    return out;
  }
  for (const k of Object.keys(script))
    if (!['steps', 'callee', 'dial'].includes(k)) bad(out, k, 'unknown key');
  if (script.steps !== undefined) {
    if (!Array.isArray(script.steps)) bad(out, 'steps', 'must be a list');
    else for (const [i, s] of script.steps.entries()) checkStep(out, s, `steps[${i}]`);
  }
  if (script.callee !== undefined) checkOutcome(out, script.callee, 'callee');
  if (script.dial !== undefined) {
    if (!Array.isArray(script.dial)) bad(out, 'dial', 'must be a list of outcomes');
    else for (const [i, o] of script.dial.entries()) checkOutcome(out, o, `dial[${i}]`);
  }
  return out;
}

function checkStep(out: Problems, step: unknown, path: string): void {
  if (!isObj(step)) {
    bad(out, path, 'a step must be an object such as { speak: 12 }');
    return;
  }
  const keys = Object.keys(step).filter((k) => (STEP_KEYS as readonly string[]).includes(k));
  if (keys.length !== 1) {
    bad(out, path, `needs exactly one of ${STEP_KEYS.join(', ')}`);
    return;
  }
  const key = keys[0] as (typeof STEP_KEYS)[number];
  const v = step[key];
  const extra = Object.keys(step).filter((k) => k !== key && !(key === 'speak' && k === 'transcript'));
  for (const k of extra) bad(out, `${path}.${k}`, 'unknown key');
  switch (key) {
    case 'waitFor':
      if (v === 'beep' || v === 'record' || v === 'gather') return;
      if (isObj(v) && typeof v.sayText === 'string') {
        try {
          new RegExp(v.sayText);
        } catch {
          bad(out, `${path}.waitFor.sayText`, 'is not a valid regular expression');
        }
        return;
      }
      bad(out, `${path}.waitFor`, "must be 'beep', 'record', 'gather' or { sayText: <regex> }");
      return;
    case 'speak':
    case 'silence':
      if (!posNum(v)) bad(out, `${path}.${key}`, 'must be a number of seconds > 0');
      if (key === 'speak' && step.transcript !== undefined && typeof step.transcript !== 'string') {
        bad(out, `${path}.transcript`, 'must be a string');
      }
      return;
    case 'press':
      if (typeof v !== 'string' || !DTMF.test(v))
        bad(out, `${path}.press`, 'must be keys from 0-9 A-D # * (w/W pause)');
      return;
    case 'say':
      if (typeof v === 'string' && v.trim() !== '') return;
      if (isObj(v) && typeof v.text === 'string') {
        if (v.seconds !== undefined && !posNum(v.seconds)) bad(out, `${path}.say.seconds`, 'must be > 0');
        if (v.confidence !== undefined && !(nonNeg(v.confidence) && v.confidence <= 1)) {
          bad(out, `${path}.say.confidence`, 'must be between 0 and 1');
        }
        return;
      }
      bad(out, `${path}.say`, 'must be text, or { text, seconds?, confidence? }');
      return;
    case 'hangup':
      if (v === true) return;
      if (isObj(v) && (v.after === undefined || nonNeg(v.after))) return;
      bad(out, `${path}.hangup`, 'must be true or { after: <seconds ≥ 0> }');
      return;
    case 'hangupDuring': {
      if (!isObj(v)) {
        bad(out, `${path}.hangupDuring`, 'must be an object such as { say: 2 }');
        return;
      }
      const which = Object.keys(v).filter((k) => (DURING_KEYS as readonly string[]).includes(k));
      if (which.length !== 1)
        bad(out, `${path}.hangupDuring`, `needs exactly one of ${DURING_KEYS.join(', ')}`);
      for (const k of which) {
        const n = v[k];
        if (!(typeof n === 'number' && Number.isInteger(n) && n >= 1))
          bad(out, `${path}.hangupDuring.${k}`, 'must be an integer ≥ 1');
      }
      if (v.after !== undefined && !nonNeg(v.after))
        bad(out, `${path}.hangupDuring.after`, 'must be seconds ≥ 0');
      for (const k of Object.keys(v)) {
        if (k !== 'after' && !(DURING_KEYS as readonly string[]).includes(k))
          bad(out, `${path}.hangupDuring.${k}`, 'unknown key');
      }
      return;
    }
  }
}

function checkOutcome(out: Problems, o: unknown, path: string): void {
  if (o === 'busy' || o === 'no-answer' || o === 'failed') return;
  if (isObj(o) && isObj(o.answer)) {
    const a = o.answer;
    if (a.after !== undefined && !nonNeg(a.after)) bad(out, `${path}.answer.after`, 'must be seconds ≥ 0');
    if (a.talkFor !== undefined && !nonNeg(a.talkFor))
      bad(out, `${path}.answer.talkFor`, 'must be seconds ≥ 0');
    return;
  }
  bad(out, path, "must be 'busy', 'no-answer', 'failed' or { answer: { after?, talkFor? } }");
}
