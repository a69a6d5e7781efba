import { offsetOf } from '../assert/timeline-match.ts';
import type { TimelineEventLike } from '../types.ts';
import {
  callerText,
  codeText,
  deviceDetail,
  quote,
  reasonOf,
  requestText,
  str,
  summary,
  twilioText,
  whereText,
} from './event-text.ts';

/** The lifelines of a call diagram, left to right. */
export const PARTIES = ['phone', 'catapush', 'apns', 'twilio', 'token', 'helpdesk'] as const;
export type Party = (typeof PARTIES)[number];

export const PARTY_LABELS: Record<Party, string> = {
  phone: 'Phone',
  catapush: 'Catapush',
  apns: 'APNs',
  twilio: 'Twilio',
  token: 'Token server',
  helpdesk: 'Help desk',
};

/** How one timeline event is drawn: an arrow between two parties, or a note on one. */
export interface EventView {
  t: number;
  from: Party;
  to?: Party;
  /** Transcript column: `phone → twilio`, `twilio 🔊`, `caller`. */
  who: string;
  text: string;
  error: boolean;
  event: TimelineEventLike;
}

/**
 * Describes every event for the transcript and the sequence diagram.
 * @note This is the one place that knows event vocabularies (`webhook.*`, `record.*`,
 * `push.*`, `caller.*` …). It reads them structurally: a producer may also set `from`/`to`
 * (party names) and `label` to control the drawing, and unknown types still show as notes.
 */
export function viewTimeline(timeline: readonly TimelineEventLike[]): EventView[] {
  const start = timeline[0]?.at ?? 0;
  return timeline.map((event) => ({ t: offsetOf(event, start), event, ...viewOf(event) }));
}

type View = Omit<EventView, 't' | 'event'>;

function viewOf(e: TimelineEventLike): View {
  const [ns = '', ...restParts] = e.type.split('.');
  const action = restParts.join('.');
  const err = isError(e);
  const label = typeof e.label === 'string' ? e.label : undefined;
  if (isParty(e.from) && isParty(e.to)) return arrow(e.from, e.to, label ?? summary(e), err);
  switch (ns) {
    case 'caller':
      return { from: 'phone', who: 'caller', text: label ?? callerText(action, e), error: err };
    case 'webhook':
    case 'callback':
    case 'http': {
      const server = serverOf(e);
      if (/respon|received|completed/.test(action)) {
        const text =
          e.status === null || e.status === undefined
            ? codeText(e)
            : `${String(e.status)} ${str(e.contentType) ?? ''}`;
        return arrow(server, 'twilio', label ?? text.trim(), err);
      }
      if (/fail|error|timeout/.test(action)) return arrow(server, 'twilio', label ?? codeText(e), true);
      return arrow('twilio', server, label ?? requestText(e), err);
    }
    case 'token':
      if (/fail|error/.test(action)) return arrow('token', 'phone', label ?? codeText(e), true);
      if (/respon|received|issued|fetched|ok/.test(action)) {
        return arrow(
          'token',
          'phone',
          label ?? `token${e.tokenKind ? ` (${String(e.tokenKind)})` : ''}`,
          err,
        );
      }
      return arrow('phone', 'token', label ?? `${str(e.method) ?? 'POST'} ${str(e.path) ?? '/token'}`, err);
    case 'call':
      if (/reject|fail/.test(action)) return arrow('twilio', 'phone', label ?? codeText(e), true);
      if (action === 'started' && e.direction === 'outbound-api') {
        return arrow('twilio', 'phone', label ?? `call ${str(e.to) ?? ''}`.trim(), err);
      }
      if (action === 'connecting') {
        const params = (e.params ?? {}) as Record<string, unknown>;
        return note('phone', `📱 dialing${params.To ? ` ${String(params.To)}` : ''}`, err, label);
      }
      if (/start|initiat|placed/.test(action)) {
        const route = [str(e.from), str(e.to)].filter(Boolean).join(' → ');
        return arrow('phone', 'twilio', label ?? `connect ${route}`.trim(), err);
      }
      if (action === 'connected') return arrow('twilio', 'phone', label ?? 'connected', err);
      return note('twilio', `call ${action}${reasonOf(e)}`, err, label);
    case 'twilio':
      if (/invite/.test(action))
        return arrow('twilio', 'phone', label ?? `call invite from ${str(e.from) ?? ''}`.trim(), err);
      return arrow(
        'phone',
        'twilio',
        label ?? (err ? codeText(e) : `register ${str(e.identity) ?? ''}`.trim()),
        err,
      );
    case 'rest':
      return arrow('helpdesk', 'twilio', label ?? `${str(e.method) ?? 'POST'} ${str(e.path) ?? action}`, err);
    case 'catapush':
      if (/message|send|request/.test(action) && !/deliver|status/.test(action)) {
        return arrow('helpdesk', 'catapush', label ?? `message ${quote(e.text)}`.trim(), err);
      }
      if (/error/.test(action))
        return arrow('phone', 'catapush', label ?? `${str(e.operation) ?? ''} ${codeText(e)}`.trim(), true);
      if (action === 'registered')
        return arrow(
          'phone',
          'catapush',
          label ?? `register ${str(e.tokenKind) ?? ''} token`.replace('  ', ' '),
          err,
        );
      return arrow('phone', 'catapush', label ?? `${action} ${str(e.messageId) ?? ''}`.trim(), err);
    case 'apns':
    case 'push': {
      const sender: Party =
        e.sender === 'twilio' || e.source === 'twilio' || e.twilioCallSid ? 'twilio' : 'catapush';
      if (/dropped/.test(action)) return note('phone', `push dropped: ${codeText(e)}`, true, label);
      if (/deliver|received/.test(action)) {
        return arrow(
          'apns',
          'phone',
          label ?? `${str(e.pushType) ?? 'push'} ${str(e.topic) ?? ''}`.trim(),
          err,
        );
      }
      if (/reject|fail|error/.test(action))
        return arrow('apns', sender, label ?? `${str(e.status) ?? ''} ${str(e.reason) ?? ''}`.trim(), true);
      return arrow(sender, 'apns', label ?? `${str(e.pushType) ?? 'push'} ${str(e.topic) ?? ''}`.trim(), err);
    }
    case 'pushkit':
    case 'callkit':
    case 'device':
    case 'app':
    case 'voip':
    case 'nse':
    case 'notification':
    case 'warning':
      return note('phone', `${e.type}${deviceDetail(e)}`, err, label);
    case 'say':
    case 'play':
    case 'pause':
    case 'beep':
    case 'record':
    case 'gather':
    case 'dial':
    case 'prompt':
    case 'verb':
    case 'hangup':
      return note('twilio', twilioText(ns, action, e), err, label);
    case 'error':
    case 'failure':
      return note(
        'twilio',
        `${e.severity === 'warning' ? '⚠ ' : ''}${codeText(e)}${whereText(e)}`,
        err,
        label,
      );
    case 'note':
      return note('twilio', `ℹ ${str(e.message) ?? ''}`, err, label);
    default:
      return note('twilio', `${e.type}${summary(e) ? ` ${summary(e)}` : ''}`, err, label);
  }
}

function arrow(from: Party, to: Party, text: string, error: boolean): View {
  return { from, to, who: `${from} → ${to}`, text, error };
}

function note(on: Party, text: string, error: boolean, label?: string): View {
  return { from: on, who: on, text: label ?? text, error };
}

function serverOf(e: TimelineEventLike): Party {
  if (e.server === 'token') return 'token';
  const url = `${str(e.url) ?? ''}${str(e.path) ?? ''}`;
  return /\/token\b/.test(url) ? 'token' : 'helpdesk';
}

function isError(e: TimelineEventLike): boolean {
  if (e.severity === 'warning') return false;
  return (
    e.severity === 'error' ||
    e.type === 'failure' ||
    /(^|\.)(fail(ed|ure)?|error|terminated|killed|rejected|dropped|register-failed)$/.test(e.type) ||
    (typeof e.status === 'number' && e.status >= 500) ||
    (e.type === 'webhook.responded' && e.status === null)
  );
}

function isParty(value: unknown): value is Party {
  return typeof value === 'string' && (PARTIES as readonly string[]).includes(value);
}
