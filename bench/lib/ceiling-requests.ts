/**
 * The ceiling's load: the exact three requests one callrig call sent (read back from the fake's
 * debugger log), re-signed with twilio's own `getExpectedTwilioSignature` so the help desk
 * accepts them, replayed by autocannon in call order on every connection.
 */
import type autocannon from 'autocannon';
import twilio from 'twilio';
import { DEV_CREDENTIALS } from '../../src/servers/index.ts';
import type { DebuggerEntry } from '../../src/twilio/index.ts';

const sign = (url: string, params: Record<string, string>): string =>
  twilio.getExpectedTwilioSignature(DEV_CREDENTIALS.authToken, url, params);

const flat = (params: DebuggerEntry['params']): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : v]));

function signedRequest(entry: DebuggerEntry, params: Record<string, string>): autocannon.Request {
  const path = new URL(entry.url).pathname;
  const body = new URLSearchParams(params).toString();
  return {
    method: 'POST',
    path,
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      'x-twilio-signature': sign(entry.url, params),
      'user-agent': 'TwilioProxy/1.1',
    },
  };
}

/**
 * Builds autocannon's request list from one call's debugger entries.
 * @note The help desk's queue ignores a RecordingSid it already has (ON CONFLICT DO NOTHING:
 * no write, no fsync). Replaying one SID would make the ceiling skip the INSERT callrig's calls
 * pay for, so every recording callback gets a fresh RecordingSid, signed afresh.
 */
export function ceilingRequests(entries: readonly DebuggerEntry[]): autocannon.Request[] {
  let counter = 0;
  return entries.map((entry) => {
    const params = flat(entry.params);
    if (entry.kind !== 'action' || params.RecordingSid === undefined) return signedRequest(entry, params);
    const prefix = `RE${process.pid.toString(16).padStart(8, '0')}`;
    return {
      ...signedRequest(entry, params),
      setupRequest: (req: autocannon.Request) => {
        const fresh = { ...params, RecordingSid: `${prefix}${(counter++).toString(16).padStart(24, '0')}` };
        const signed = signedRequest(entry, fresh);
        return { ...req, body: signed.body, headers: signed.headers };
      },
    };
  });
}
