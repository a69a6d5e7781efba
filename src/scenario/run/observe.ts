import type { PushTimelineEvent } from '../../push/types.ts';
import type { Harness } from '../../runtime/types.ts';
import type {
  Observed,
  ObservedError,
  ObservedRecording,
  ObservedRequest,
  TimelineEventLike,
} from '../types.ts';
import { deviceCode } from './steps/device-steps.ts';

/**
 * One timeline for the whole scenario: the runner's own actions, the phone's events and every
 * call's engine events, ordered by virtual time, each tagged with its `source`.
 * @note Virtual time stands still between steps, so many events share an instant; ties keep
 * cause before effect: runner and device events in the order they happened, then call events,
 * then the few events that report on what just happened (`AFTER_SAME_INSTANT`).
 */
export function mergedTimeline(harness: Harness): TimelineEventLike[] {
  const calls = harness.twilio.calls
    .all()
    .slice()
    .sort((a, b) => a.dateCreatedMs - b.dateCreatedMs)
    .flatMap((c) => c.timeline.map((e) => (e.type === 'call.started' ? e : { ...e, callSid: c.sid })));
  // Sort keys: [event, rank, order]. Device event i has order i; a runner event sits just before
  // the first device event that came after it; call events follow both at the same instant.
  const keyed: Array<[TimelineEventLike, number, number]> = [];
  harness.events.forEach((e, i) => {
    keyed.push([{ ...e, source: 'runner' }, 0, harness.deviceEventsBefore(e) - 0.5 + i * 1e-6]);
  });
  harness.deviceEvents().forEach((e, i) => {
    // @note The phone stamps "connected" at Twilio's answer (as the SDK fires it), so its
    // index may trail events stamped later; the time key orders it.
    keyed.push([{ ...e, source: 'device' }, 0, i]);
  });
  calls.forEach((e, i) => {
    keyed.push([{ ...e, source: 'twilio' } as TimelineEventLike, 0, 1e9 + i]);
  });
  for (const k of keyed) if (AFTER_SAME_INSTANT.has(k[0].type)) k[1] = 2;
  return keyed.sort((a, b) => a[0].at - b[0].at || a[1] - b[1] || a[2] - b[2]).map(([e]) => e);
}

/** Runner events that report on what just happened, so they follow events of the same instant. */
const AFTER_SAME_INSTANT = new Set(['queue.callback-done', 'call.connected']);

/** Requests the user's servers received: recorded by the builtin servers, else Twilio's debugger log. */
export function observedRequests(
  harness: Harness,
  timeline: readonly TimelineEventLike[],
): ObservedRequest[] {
  const out: ObservedRequest[] = harness.received.map((r) => ({ ...r }));
  const s = harness.config.servers;
  if (s.helpdesk.kind === 'url') {
    for (const call of harness.twilio.calls.all()) {
      for (const entry of harness.twilio.debugger.forCall(call.sid)) {
        const params = Object.fromEntries(
          Object.entries(entry.params).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]),
        );
        out.push({
          server: 'helpdesk',
          method: entry.method,
          path: pathOf(entry.url),
          url: entry.url,
          params,
          ...(entry.status === null ? {} : { status: entry.status }),
          at: Date.parse(entry.at),
        });
      }
    }
  }
  if (s.token.kind === 'url') {
    for (const e of timeline) {
      if ((e.type === 'token.fetched' || e.type === 'token.failed') && typeof e.url === 'string') {
        out.push({
          server: 'token',
          method: 'POST',
          path: pathOf(e.url),
          ...(e.type === 'token.fetched'
            ? { status: 200 }
            : typeof e.status === 'number'
              ? { status: e.status }
              : {}),
          at: e.at,
        });
      }
    }
  }
  return out.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Every failure code seen: the engine's error events, the phone's failures, script warnings. */
export function observedErrors(harness: Harness, timeline: readonly TimelineEventLike[]): ObservedError[] {
  const out: ObservedError[] = [];
  for (const e of timeline) {
    if (e.type === 'error' && e.source === 'twilio') {
      const where = e.where as { url?: string; line?: number; column?: number } | undefined;
      out.push({
        code: e.code as number | string,
        severity: e.severity === 'warning' ? 'warning' : 'error',
        message: String(e.message),
        ...(where?.url
          ? { where: `${where.url}${where.line ? `:${where.line}:${where.column ?? 0}` : ''}` }
          : {}),
        at: e.at,
      });
    } else if (e.source === 'device' || e.source === 'runner') {
      const code = e.source === 'device' ? deviceCode(e as unknown as PushTimelineEvent) : runnerCode(e);
      if (code === undefined) continue;
      const severity = e.type === 'catapush.error' ? 'warning' : 'error';
      out.push({
        code: /^\d+$/.test(code) ? Number(code) : code,
        severity,
        message: String(e.message ?? e.type),
        at: e.at,
      });
    }
  }
  for (const call of harness.twilio.calls.all()) {
    for (const w of call.result?.scriptWarnings ?? [])
      out.push({ code: w.code, severity: 'warning', message: w.message });
  }
  return out;
}

function runnerCode(e: TimelineEventLike): string | undefined {
  if (e.type === 'token.failed' || e.type === 'call.failed' || e.type === 'rest.failed')
    return e.code === undefined ? undefined : String(e.code);
  return undefined;
}

/** The recordings the fake Twilio kept. */
export function observedRecordings(harness: Harness): ObservedRecording[] {
  return harness.twilio.recordings.list().map((r) => ({
    sid: r.sid,
    callSid: r.callSid,
    duration: r.durationSec,
    status: r.status,
    errorCode: r.errorCode,
    mediaUrl: `${harness.urls.twilio}/2010-04-01/Accounts/${r.accountSid}/Recordings/${r.sid}`,
  }));
}

/** Everything `checkExpectations` reads. */
export function observe(harness: Harness, callbacks: readonly Record<string, unknown>[]): Observed {
  const timeline = mergedTimeline(harness);
  return {
    timeline,
    requests: observedRequests(harness, timeline),
    callbacks: [...callbacks],
    errors: observedErrors(harness, timeline),
    recordings: observedRecordings(harness),
  };
}
