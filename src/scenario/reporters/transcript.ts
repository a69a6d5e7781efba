import { formatOffset } from '../assert/describe.ts';
import type { TimelineEventLike } from '../types.ts';
import { viewTimeline } from './event-view.ts';

/**
 * A call transcript, one line per event, in virtual time:
 * `00:00.012 twilio → helpdesk   POST /voice 200`, `00:27.000 caller             speaks 12 s`.
 */
export function renderTranscript(timeline: readonly TimelineEventLike[]): string[] {
  return viewTimeline(timeline).map(
    (v) => `${formatOffset(v.t)} ${v.who.padEnd(19)} ${v.error ? '✗ ' : ''}${v.text}`,
  );
}
