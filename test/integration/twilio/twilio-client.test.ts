import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/index.ts';
import {
  createTwilioFake,
  FakeTwilioHttpClient,
  interceptTwilio,
  readWavInfo,
  type TwilioFake,
} from '../../../src/twilio/index.ts';

const AC = 'AC00000000000000000000000000000001';
const TOKEN = 'tok';
let fake: TwilioFake;
let origin: string;
let ivr: http.Server;
let ivrUrl: string;
let interception: ReturnType<typeof interceptTwilio>;

beforeAll(async () => {
  ivr = http.createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res
        .writeHead(200, { 'content-type': 'text/xml' })
        .end(
          req.url === '/done'
            ? '<Response><Hangup/></Response>'
            : '<Response><Say>Hello</Say><Record timeout="2" action="/done"/></Response>',
        ),
    );
  });
  await new Promise<void>((r) => ivr.listen(0, '127.0.0.1', r));
  ivrUrl = `http://127.0.0.1:${(ivr.address() as AddressInfo).port}`;
  fake = await createTwilioFake({
    clock: createVirtualClock(Date.now()),
    apiOrigin: 'https://api.twilio.com',
    config: {
      accounts: [{ sid: AC, authToken: TOKEN }],
      callees: { '+15005550006': { outcome: 'answer', caller: [{ waitFor: 'record' }, { speak: 5 }] } },
    },
  });
  origin = await fake.listen();
  interception = interceptTwilio({ fakeOrigin: origin });
});
afterAll(async () => {
  interception.close();
  await fake.close();
  await new Promise((r) => ivr.close(r));
});

describe('the official twilio client, unmodified, through the msw interceptor', () => {
  it('creates a call ("call him back later") and reads its recording', async () => {
    const client = twilio(AC, TOKEN);
    const call = await client.calls.create({
      to: '+15005550006',
      from: '+15005550199',
      url: `${ivrUrl}/voice`,
      statusCallbackEvent: ['initiated', 'completed'],
    });
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe('queued');
    expect(call.direction).toBe('outbound-api');
    expect(call.dateCreated).toBeInstanceOf(Date);
    expect(call.uri).toBe(`/2010-04-01/Accounts/${AC}/Calls/${call.sid}.json`);

    await fake.waitForCall(call.sid);
    const fetched = await client.calls(call.sid).fetch();
    expect(fetched.status).toBe('completed');

    const recordings = await client.recordings.list({ callSid: call.sid });
    expect(recordings).toHaveLength(1);
    const rec = await client.recordings(recordings[0]?.sid ?? '').fetch();
    expect(rec).toMatchObject({ callSid: call.sid, source: 'RecordVerb', channels: 1, duration: '5' });
    const perCall = await client.calls(call.sid).recordings.list();
    expect(perCall.map((r) => r.sid)).toEqual([rec.sid]);

    // media_url is https://api.twilio.com/…: a plain fetch is caught by the interceptor too
    const media = await fetch(rec.mediaUrl);
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
    expect(readWavInfo(new Uint8Array(await media.arrayBuffer()))?.durationSec).toBe(5);
    await client.recordings(rec.sid).remove();
    await expect(client.recordings(rec.sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('edge/region hosts are intercepted as well', async () => {
    const client = twilio(AC, TOKEN, { edge: 'sydney', region: 'au1' });
    const page = await client.calls.list({ limit: 5 });
    expect(page.length).toBeGreaterThan(0);
  });

  it('bad credentials → RestException 401/20003; missing Url → 400/21205', async () => {
    await expect(twilio(AC, 'wrong').calls.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    await expect(
      twilio(AC, TOKEN).calls.create({ to: '+15005550006', from: '+15005550199' } as never),
    ).rejects.toMatchObject({
      status: 400,
      code: 21205,
    });
  });
});

describe('the httpClient alternative (no msw)', () => {
  it('rewrites the origin for every request', async () => {
    interception.close();
    try {
      const client = twilio(AC, TOKEN, { httpClient: new FakeTwilioHttpClient(origin) });
      const call = await client.calls.create({
        to: 'client:bob',
        from: 'client:desk',
        twiml: '<Response><Say>hi</Say></Response>',
      });
      expect(call.status).toBe('queued');
      await fake.waitForCall(call.sid);
      expect((await client.calls(call.sid).fetch()).status).toBe('completed');
    } finally {
      interception = interceptTwilio({ fakeOrigin: origin });
    }
  });
});
