import type { TimelineEventLike } from '../types.ts';

/**
 * Words for timeline events: the labels the transcript and the sequence diagram print.
 * Every reader is structural (fields read by name, types checked), so events from the core,
 * the push side or a future producer never break a report.
 */

/** What Twilio is doing: `🔊 Say(woman) "…"`, `🔔 beep`, `⏹ Record ended (key) 8 s`. */
export function twilioText(ns: string, action: string, e: TimelineEventLike): string {
  const verb = str(e.verb) ?? (ns === 'verb' ? e.type : ns[0]!.toUpperCase() + ns.slice(1));
  if (verb === 'Say') {
    const voice = str(e.voice);
    return `🔊 Say${voice ? `(${voice})` : ''} ${quote(e.text)}`.trim();
  }
  if (verb === 'Beep' || /beep/.test(action)) return '🔔 beep';
  if (verb === 'Play') return `▶ Play ${str(e.url) ?? str(e.digits) ?? ''}`.trim();
  if (verb === 'Pause') return `⏸ Pause ${str(e.length) ?? ''} s`;
  if (verb === 'Record' && /end|stop|finish/.test(action)) {
    const duration = e.duration ?? e.recordingDuration;
    return `⏹ Record ended${reasonOf(e)}${duration !== undefined ? ` ${String(duration)} s` : ''}${e.status === 'absent' ? ' absent' : ''}`;
  }
  if (verb === 'Record' && /start/.test(action))
    return `⏺ Record (timeout ${str(e.timeout) ?? '?'} s, max ${str(e.maxLength) ?? '?'} s)`;
  if (verb === 'Gather')
    return `Gather ${action}${reasonOf(e)}${e.digits ? ` digits=${String(e.digits)}` : ''}`;
  if (verb === 'Dial') return `Dial ${action} ${str(e.dialCallStatus) ?? ''}`.trim();
  return `${verb} ${action}${reasonOf(e)}`.trim();
}

/** What the person on the phone does: `speaks 12 s`, `presses #`, `hangs up`. */
export function callerText(action: string, e: TimelineEventLike): string {
  const seconds = e.seconds ?? e.duration;
  if (/speak|spoke|speech/.test(action)) {
    return `speaks${seconds !== undefined ? ` ${String(seconds)} s` : ''}${e.transcript ? ` ${quote(e.transcript)}` : ''}`;
  }
  if (/silen/.test(action)) return `silent${seconds !== undefined ? ` ${String(seconds)} s` : ''}`;
  if (/press|digit|dtmf/.test(action))
    return `presses ${str(e.digits) ?? ''}${e.ignored ? ' (ignored)' : ''}`.trim();
  if (/hang/.test(action)) return 'hangs up';
  if (/say/.test(action)) return `says ${quote(e.text)}`.trim();
  return `${action} ${summary(e)}`.trim();
}

/** The most telling field of a device event (message, text, outcome, strikes). */
export function deviceDetail(e: TimelineEventLike): string {
  const detail =
    str(e.message) ??
    str(e.text) ??
    str(e.reason) ??
    str(e.outcome) ??
    str(e.to) ??
    (e.strikes !== undefined ? `strikes=${String(e.strikes)}` : undefined);
  return detail ? ` ${detail.length > 60 ? `${detail.slice(0, 59)}…` : detail}` : '';
}

/** ` (url line 3 Response/Record[1])` from an error's `where`. */
export function whereText(e: TimelineEventLike): string {
  const where = e.where as { url?: string; line?: number; path?: string } | undefined;
  if (!where || typeof where !== 'object') return '';
  const at = [where.url, where.line ? `line ${where.line}` : undefined, where.path].filter(Boolean).join(' ');
  return at ? ` (${at})` : '';
}

/** `POST /voice` (with the status when the event carries one). */
export function requestText(e: TimelineEventLike): string {
  const method = str(e.method) ?? 'POST';
  let path = str(e.path);
  if (!path && typeof e.url === 'string') {
    try {
      path = new URL(e.url).pathname;
    } catch {
      path = e.url;
    }
  }
  return `${method} ${path ?? ''}${e.status !== undefined ? ` ${String(e.status)}` : ''}`.trim();
}

/** `11200 HTTP_RETRIEVAL_FAILURE: message`. */
export function codeText(e: TimelineEventLike): string {
  const name = typeof e.name === 'string' ? ` ${e.name}` : '';
  return `${str(e.code) ?? 'error'}${name}${typeof e.message === 'string' ? `: ${e.message}` : ''}`;
}

/** ` (reason)` or ` (status)`, or nothing. */
export function reasonOf(e: TimelineEventLike): string {
  const reason = str(e.reason) ?? str(e.status);
  return reason ? ` (${reason})` : '';
}

/** Up to three short `key=value` fields, for events the view has no words for. */
export function summary(e: TimelineEventLike): string {
  return Object.entries(e)
    .filter(
      ([k, v]) =>
        !['type', 'at', 't', 'label', 'from', 'to'].includes(k) && v !== undefined && typeof v !== 'object',
    )
    .slice(0, 3)
    .map(([k, v]) => `${k}=${String(v).length > 40 ? `${String(v).slice(0, 39)}…` : String(v)}`)
    .join(' ');
}

/** Quoted, whitespace-collapsed text clipped to 40 characters. */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.replace(/\s+/g, ' ').trim();
  return `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;
}

/** A string or number field as text; anything else is undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
