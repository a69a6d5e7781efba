import type { TimelineEvent } from '../../src/core/index.ts';

/** The four help-desk paths of DESIGN.md §4, as caller scripts. */
export type PathKind = 'message' | 'key' | 'hangup-mid-recording' | 'says-nothing';
export const PATHS: readonly PathKind[] = ['message', 'key', 'hangup-mid-recording', 'says-nothing'];

/** Caller script for the n-th call of a path (speech lengths vary from 3 to 17 s). */
export function callerScript(kind: PathKind, n: number): unknown[] {
  const speak = 3 + (n % 15);
  if (kind === 'message') return [{ waitFor: 'beep' }, { speak }];
  if (kind === 'key') return [{ waitFor: 'beep' }, { speak }, { press: '#' }];
  if (kind === 'hangup-mid-recording') return [{ waitFor: 'beep' }, { speak }, { hangup: true }];
  return [];
}

/** What one soak call did, read from its timeline. */
export interface CallOutcome {
  n: number;
  kind: PathKind;
  callSid: string | null;
  status: string;
  /** The Record action (or hang-up action) was requested: the call "recorded". */
  recorded: boolean;
  recordingSid: string | null;
  /** HTTP status the help desk gave the recording callback (200 = acknowledged). */
  callbackStatus: number | null;
  /** Twilio code of a failed callback (11205 while the help desk is down, ...). */
  callbackCode: number | string | null;
  /** Every error/warning code in the timeline. */
  codes: Array<number | string>;
  /** Set when connect itself failed (no call). */
  connectError: string | null;
}

/** Reads the recording-callback exchange out of a call's timeline. */
export function readOutcome(
  n: number,
  kind: PathKind,
  callSid: string,
  status: string,
  timeline: TimelineEvent[],
): CallOutcome {
  const idx = timeline.findIndex(
    (e) =>
      e.type === 'webhook.requested' &&
      (e.kind === 'action' || e.kind === 'hangup-action') &&
      e.params.some(([k]) => k === 'RecordingSid'),
  );
  const req = timeline[idx];
  const recordingSid =
    req?.type === 'webhook.requested' ? (req.params.find(([k]) => k === 'RecordingSid')?.[1] ?? null) : null;
  const res =
    idx < 0
      ? undefined
      : timeline
          .slice(idx + 1)
          .find(
            (e) => e.type === 'webhook.responded' && req?.type === 'webhook.requested' && e.kind === req.kind,
          );
  return {
    n,
    kind,
    callSid,
    status,
    recorded: idx >= 0,
    recordingSid,
    callbackStatus: res?.type === 'webhook.responded' ? res.status : null,
    callbackCode: res?.type === 'webhook.responded' ? (res.code ?? null) : null,
    codes: timeline.flatMap((e) => (e.type === 'error' ? [e.code] : [])),
    connectError: null,
  };
}
