import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRealClock, type TimelineEvent } from '../../../src/core/index.ts';
import { createTwilioFake, type TwilioFake } from '../../../src/twilio/index.ts';

const AC = 'AC00000000000000000000000000000001';
const AUTH = `Basic ${Buffer.from(`${AC}:tok`).toString('base64')}`;
let fake: TwilioFake;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      if (req.url?.startsWith('/long'))
        res.end('<Response><Pause length="30"/><Say>too late</Say></Response>');
      else res.end('<Response><Say>redirected</Say></Response>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // @note Real clock: the point is a call still running when the update arrives.
  fake = await createTwilioFake({
    clock: createRealClock(),
    config: { accounts: [{ sid: AC, authToken: 'tok' }] },
  });
  await fake.app.ready();
});
afterAll(async () => {
  await fake.close();
  await new Promise((r) => server.close(r));
});

async function rest(method: 'GET' | 'POST', url: string, form?: Record<string, string>) {
  const res = await fake.app.inject({
    method,
    url,
    headers: { authorization: AUTH, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> };
}

async function liveCall(): Promise<string> {
  const created = await rest('POST', `/2010-04-01/Accounts/${AC}/Calls.json`, {
    To: '+15005550100',
    From: '+15005550199',
    Url: `${base}/long`,
  });
  const sid = String(created.body.sid);
  for (let i = 0; i < 200; i++) {
    if (fake.calls.get(sid)?.status === 'in-progress') return sid;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('call never went in-progress');
}

const says = (t: TimelineEvent[]) =>
  t.filter((e) => e.type === 'say').map((e) => (e.type === 'say' ? e.text : ''));

describe('REST update of a live call (§9.2)', () => {
  it('Status=completed hangs up mid-Pause', async () => {
    const sid = await liveCall();
    const r = await rest('POST', `/2010-04-01/Accounts/${AC}/Calls/${sid}.json`, { Status: 'completed' });
    expect(r.status).toBe(200);
    const call = await fake.waitForCall(sid);
    expect(call.status).toBe('completed');
    expect(says(call.timeline)).not.toContain('too late');
    expect(call.timeline.some((e) => e.type === 'call.updated' && e.action === 'complete')).toBe(true);
  });

  it('Url redirects the call to a new document', async () => {
    const sid = await liveCall();
    await rest('POST', `/2010-04-01/Accounts/${AC}/Calls/${sid}.json`, { Url: `${base}/next` });
    const call = await fake.waitForCall(sid);
    expect(says(call.timeline)).toEqual(['redirected']);
  });

  it('Status=canceled while ringing: canceled, the Url is never fetched', async () => {
    fake.context.accounts.setCallee('+15005550177', { outcome: 'answer', afterSec: 20 });
    const created = await rest('POST', `/2010-04-01/Accounts/${AC}/Calls.json`, {
      To: '+15005550177',
      From: '+15005550199',
      Url: `${base}/long`,
    });
    const sid = String(created.body.sid);
    for (let i = 0; i < 100 && fake.calls.get(sid)?.status !== 'ringing'; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(
      (await rest('POST', `/2010-04-01/Accounts/${AC}/Calls/${sid}.json`, { Status: 'canceled' })).status,
    ).toBe(200);
    const call = await fake.waitForCall(sid);
    expect(call.status).toBe('canceled');
    expect(call.timeline.some((e) => e.type === 'webhook.requested')).toBe(false);
  });
});
