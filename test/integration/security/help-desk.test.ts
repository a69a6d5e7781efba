import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHelpDesk, createMemoryCallbackQueue, loadHelpDeskConfig } from '../../../src/servers/index.ts';

const AUTH_TOKEN = 'abcdef0123456789abcdef0123456789';
const BASE = 'https://help.example.com';
const queue = createMemoryCallbackQueue();
const lines: string[] = [];
const app = buildHelpDesk(
  loadHelpDeskConfig({
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    HELPDESK_PUBLIC_URL: BASE,
    HELPDESK_DB_PATH: ':memory:',
  }),
  {
    queue,
    logger: { level: 'trace', destination: { write: (l: string) => lines.push(l) } },
  },
);
beforeAll(async () => {
  await app.ready();
});
afterAll(async () => {
  await app.close();
});

const PARAMS = {
  AccountSid: 'AC00000000000000000000000000000001',
  CallSid: 'CA0000000000000000000000000000beef',
  RecordingSid: 'RE0000000000000000000000000000beef',
  RecordingUrl:
    'https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000001/Recordings/RE0000000000000000000000000000beef',
  RecordingDuration: '7',
  From: 'client:alice',
};
const sign = (token: string, url: string, params: Record<string, string>) =>
  twilio.getExpectedTwilioSignature(token, url, params);
const post = (path: string, params: Record<string, string>, signature?: string) =>
  app.inject({
    method: 'POST',
    url: path,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    payload: new URLSearchParams(params).toString(),
  });

describe('help desk: only Twilio-signed requests reach the queue', () => {
  it.each<[string, () => string | undefined]>([
    ['no signature', () => undefined],
    [
      'a signature made with another auth token',
      () => sign('f'.repeat(32), `${BASE}/recording-callback`, PARAMS),
    ],
    ['a signature for another URL', () => sign(AUTH_TOKEN, `${BASE}/voice`, PARAMS)],
    [
      'a signature over other parameters',
      () => sign(AUTH_TOKEN, `${BASE}/recording-callback`, { ...PARAMS, RecordingDuration: '8' }),
    ],
    ['an empty signature', () => ''],
  ])('%s → 403 HELPDESK_BAD_SIGNATURE, nothing queued', async (_name, signature) => {
    const res = await post('/recording-callback', PARAMS, signature());
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'HELPDESK_BAD_SIGNATURE' } });
    expect(await queue.listPending()).toEqual([]);
  });

  it('an unsigned /voice request gets no TwiML', async () => {
    const res = await post('/voice', { CallSid: PARAMS.CallSid });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain('<Response');
  });

  it('a correctly signed callback is queued once, even when replayed', async () => {
    const signature = sign(AUTH_TOKEN, `${BASE}/recording-callback`, PARAMS);
    expect((await post('/recording-callback', PARAMS, signature)).statusCode).toBe(200);
    expect((await post('/recording-callback', PARAMS, signature)).statusCode).toBe(200);
    expect((await queue.listPending()).filter((c) => c.recordingSid === PARAMS.RecordingSid)).toHaveLength(1);
  });

  it('neither the auth token nor any X-Twilio-Signature appears in the log or an error body', async () => {
    const signature = sign(AUTH_TOKEN, `${BASE}/recording-callback`, PARAMS);
    const bad = await post('/recording-callback', { ...PARAMS, Digits: '1' }, signature);
    const text = lines.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(AUTH_TOKEN);
    expect(text).not.toContain(signature);
    expect(bad.body).not.toContain(AUTH_TOKEN);
    expect(bad.body).not.toContain(signature);
  });
});
