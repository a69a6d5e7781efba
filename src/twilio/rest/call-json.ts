import { rfc2822 } from '../../core/index.ts';
import type { CallRecord } from '../calls/call-record.ts';
import type { RecordingRecord } from '../recordings/recording-store.ts';

const API = '/2010-04-01';
const dateOrNull = (ms: number | null): string | null => (ms === null ? null : rfc2822(ms));

/** Call resource JSON, every field present (twilio-voice.md §9.2). */
export function callJson(c: CallRecord): Record<string, unknown> {
  const base = `${API}/Accounts/${c.accountSid}/Calls/${c.sid}`;
  return {
    sid: c.sid,
    date_created: rfc2822(c.dateCreatedMs),
    date_updated: rfc2822(c.dateUpdatedMs),
    parent_call_sid: c.parentCallSid,
    account_sid: c.accountSid,
    to: c.to,
    to_formatted: c.to,
    from: c.from,
    from_formatted: c.from,
    phone_number_sid: null,
    status: c.status,
    start_time: dateOrNull(c.startTimeMs),
    end_time: dateOrNull(c.endTimeMs),
    duration: c.durationSec === null ? null : String(c.durationSec),
    price: null,
    price_unit: 'USD',
    direction: c.direction,
    answered_by: null,
    api_version: '2010-04-01',
    forwarded_from: null,
    group_sid: null,
    caller_name: null,
    queue_time: '0',
    trunk_sid: null,
    uri: `${base}.json`,
    subresource_uris: {
      notifications: `${base}/Notifications.json`,
      recordings: `${base}/Recordings.json`,
      payments: `${base}/Payments.json`,
      events: `${base}/Events.json`,
      siprec: `${base}/Siprec.json`,
      streams: `${base}/Streams.json`,
      transcriptions: `${base}/Transcriptions.json`,
      user_defined_message_subscriptions: `${base}/UserDefinedMessageSubscriptions.json`,
      user_defined_messages: `${base}/UserDefinedMessages.json`,
    },
  };
}

/** Recording resource JSON, every field present (§9.3). `media_url` is absolute, no extension. */
export function recordingJson(r: RecordingRecord, apiOrigin: string): Record<string, unknown> {
  const path = `${API}/Accounts/${r.accountSid}/Recordings/${r.sid}`;
  return {
    account_sid: r.accountSid,
    api_version: '2010-04-01',
    call_sid: r.callSid,
    conference_sid: null,
    date_created: rfc2822(r.dateCreatedMs),
    date_updated: rfc2822(r.dateUpdatedMs),
    start_time: rfc2822(r.startTimeMs),
    duration: String(r.durationSec),
    sid: r.sid,
    price: null,
    price_unit: 'USD',
    status: r.status,
    channels: r.channels,
    source: r.source,
    error_code: r.errorCode,
    uri: `${path}.json`,
    encryption_details: null,
    subresource_uris: {
      add_on_results: `${path}/AddOnResults.json`,
      transcriptions: `${path}/Transcriptions.json`,
    },
    media_url: `${apiOrigin}${path}`,
  };
}
