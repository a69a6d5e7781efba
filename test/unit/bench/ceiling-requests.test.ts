import type autocannon from 'autocannon';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { ceilingRequests } from '../../../bench/lib/ceiling-requests.ts';
import { DEV_CREDENTIALS } from '../../../src/servers/index.ts';
import type { DebuggerEntry } from '../../../src/twilio/index.ts';

const BASE = 'http://127.0.0.1:4321';
const entry = (kind: string, path: string, params: Record<string, string>): DebuggerEntry => ({
  at: '2026-01-01T00:00:00.000Z',
  kind,
  method: 'POST',
  url: `${BASE}${path}`,
  params,
  attempts: 1,
  status: 200,
  contentType: 'text/xml',
  elapsedMs: 1,
  bodyExcerpt: '',
  errorCode: null,
  message: null,
  warnings: [],
});

const valid = (req: autocannon.Request, path: string): boolean => {
  const params = Object.fromEntries(new URLSearchParams(String(req.body)));
  const signature = String(req.headers?.['x-twilio-signature']);
  return twilio.validateRequest(DEV_CREDENTIALS.authToken, signature, `${BASE}${path}`, params);
};

describe('ceilingRequests', () => {
  const entries = [
    entry('voice', '/voice', { CallSid: 'CA1', From: 'client:bench' }),
    entry('action', '/recording-callback', { CallSid: 'CA1', RecordingSid: 'RE1', RecordingDuration: '5' }),
    entry('status-callback', '/status-callback', { CallSid: 'CA1', CallStatus: 'completed' }),
  ];

  it('replays each request with its body and a signature the help desk accepts', () => {
    const [voice, , status] = ceilingRequests(entries);
    expect(voice?.path).toBe('/voice');
    expect(valid(voice as autocannon.Request, '/voice')).toBe(true);
    expect(valid(status as autocannon.Request, '/status-callback')).toBe(true);
  });

  it('gives every recording callback a fresh RecordingSid, signed afresh', () => {
    const recording = ceilingRequests(entries)[1] as autocannon.Request;
    const setup = recording.setupRequest as (r: autocannon.Request, c: object) => autocannon.Request;
    const a = setup(recording, {});
    const b = setup(recording, {});
    const sid = (r: autocannon.Request) => new URLSearchParams(String(r.body)).get('RecordingSid');
    expect(sid(a)).toMatch(/^RE[0-9a-f]{32}$/);
    expect(sid(a)).not.toBe(sid(b));
    expect(valid(a, '/recording-callback')).toBe(true);
    expect(valid(b, '/recording-callback')).toBe(true);
  });
});
