/**
 * `<Dial>` (fidelity §3.9, §4.8): the callee script picks the outcome; ringing and the bridged
 * talk are `listening` activities the caller can hang up in; the action (if any) carries
 * DialCallStatus, otherwise the next verb runs.
 */

import type { DialProgress } from '../call-state.ts';
import { fail, requestDocument } from '../fetch-document.ts';
import { standardParams } from '../params.ts';
import { emit, type Run } from '../run.ts';
import type { CalleeOutcome, DialNoun, DialVerb } from '../types.ts';
import { actionUrl } from './action-url.ts';
import { listen } from './prompt.ts';

/** Talk time of an answered callee when the script gives no `talkFor`. */
export const DEFAULT_TALK_SEC = 30;

export function dialTargets(verb: DialVerb): string[] {
  return verb.nouns.map(describeNoun);
}

function describeNoun(n: DialNoun): string {
  switch (n.noun) {
    case 'Number':
      return n.number;
    case 'Client':
      return `client:${n.identity}`;
    case 'Sip':
      return n.uri;
    case 'Conference':
      return `conference:${n.name}`;
    case 'Queue':
      return `queue:${n.name}`;
    case 'Unsimulated':
      return `unsimulated:${n.name}`;
  }
}

/** A Dial waits for its callee outcome (waiting kind `dial`). */
export function startDial(run: Run, verb: DialVerb, verbIndex: number): void {
  const s = run.state;
  for (const n of verb.nouns) {
    if (n.noun === 'Unsimulated') {
      emit(run, {
        type: 'note',
        note: 'not-simulated',
        path: verb.path,
        message: `<Dial><${n.name}> is not simulated; the callee outcome is used as is`,
      });
    }
  }
  s.activity = { kind: 'dial', path: verb.path, occurrence: ++s.counts.dial, startedAt: s.t, verbIndex };
}

/** Applies the callee outcome: ringing, then the bridge or the final status. */
export async function applyDialOutcome(run: Run, verbIndex: number, outcome: CalleeOutcome): Promise<void> {
  const s = run.state;
  const verb = s.doc?.verbs[verbIndex] as DialVerb;
  const conference = verb.nouns.some((n) => n.noun === 'Conference');
  const occurrence = s.activity?.kind === 'dial' ? s.activity.occurrence : s.counts.dial;
  const p: DialProgress = {
    verbIndex,
    occurrence,
    phase: 'ringing',
    status: 'no-answer',
    answeredAt: null,
    talkMs: 0,
  };
  if (!conference) p.dialCallSid = run.ctx.ids.sid('CA');
  let ringMs = verb.timeout * 1000;
  if (typeof outcome === 'object') {
    const after = (outcome.answer.after ?? 0) * 1000;
    if (after <= ringMs) {
      p.status = 'completed';
      ringMs = after;
    }
  } else {
    p.status = outcome;
    if (outcome !== 'no-answer') ringMs = 0;
  }
  p.talkMs = Math.min(
    (typeof outcome === 'object' ? (outcome.answer.talkFor ?? DEFAULT_TALK_SEC) : 0) * 1000,
    verb.timeLimit * 1000,
  );
  if (ringMs > 0) {
    listen(run, 'ringing', verb.path, ringMs, undefined, undefined, occurrence);
    if (s.activity?.kind === 'listening') s.activity.dial = p;
    return;
  }
  await afterRinging(run, p);
}

/** Ringing is over: bridge an answered callee, or report the outcome. */
export async function afterRinging(run: Run, p: DialProgress): Promise<void> {
  const s = run.state;
  const talk = p.talkMs;
  if (p.status === 'completed' && talk > 0) {
    p.phase = 'bridged';
    p.answeredAt = s.t;
    const verb = s.doc?.verbs[p.verbIndex] as DialVerb;
    listen(run, 'dial', verb.path, talk, undefined, undefined, p.occurrence);
    if (s.activity?.kind === 'listening') s.activity.dial = p;
    return;
  }
  if (p.status === 'completed') p.answeredAt = s.t;
  await finishDial(run, p);
}

/** The bridge ended (callee hung up, `*` with hangupOnStar) or the dial failed. */
export async function finishDial(run: Run, p: DialProgress): Promise<void> {
  const s = run.state;
  const verb = s.doc?.verbs[p.verbIndex] as DialVerb;
  s.activity = null;
  const conference = verb.nouns.some((n) => n.noun === 'Conference');
  const answered = p.answeredAt !== null;
  const durationSec = answered ? Math.round((s.t - (p.answeredAt ?? s.t)) / 1000) : 0;
  const dialCallStatus = conference && answered ? 'answered' : p.status;
  emit(run, {
    type: 'dial.outcome',
    path: verb.path,
    targets: dialTargets(verb),
    dialCallStatus,
    ...(p.dialCallSid === undefined ? {} : { dialCallSid: p.dialCallSid }),
    durationSec,
  });
  if (verb.action === undefined) return;
  const params = standardParams(s, 'in-progress');
  params.push(['DialBridged', String(answered)], ['DialCallStatus', dialCallStatus]);
  if (!conference && p.dialCallSid !== undefined) params.push(['DialCallSid', p.dialCallSid]);
  if (!conference && answered) params.push(['DialCallDuration', String(durationSec)]);
  const target = actionUrl(run, verb.action);
  if ('error' in target) return fail(run, target.error, target.message, { path: verb.path }, 'verb');
  return requestDocument(run, 'action', target.url, verb.method, params);
}
