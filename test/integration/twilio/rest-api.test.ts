import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/index.ts';
import { createTwilioFake, readWavInfo, type TwilioFake } from '../../../src/twilio/index.ts';
import { createOpenApiValidator } from './openapi-validator.ts';

const AC = 'AC00000000000000000000000000000001';
const AC2 = 'AC00000000000000000000000000000009';
const SK = 'SK00000000000000000000000000000005';
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const AUTH = basic(AC, 'tok');
const oai = createOpenApiValidator();

let fake: TwilioFake;
let server: http.Server;
let ivr: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/xml' });
      if (req.url?.startsWith('/say')) res.end('<Response><Say>We will call you back</Say></Response>');
      else if (req.url?.startsWith('/done')) res.end('<Response><Hangup/></Response>');
      else res.end('<Response><Record timeout="2" action="/done"/></Response>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  ivr = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake = await createTwilioFake({
    clock: createVirtualClock(Date.now()),
    apiOrigin: 'https://api.twilio.com',
    config: {
      accounts: [
        { sid: AC, authToken: 'tok', apiKeys: [{ sid: SK, secret: 'sec' }] },
        { sid: AC2, authToken: 'tok2' },
      ],
      apps: [{ sid: 'AP00000000000000000000000000000004', accountSid: AC, voiceUrl: `${ivr}/say` }],
      callees: {
        '+15005550001': { outcome: 'busy' },
        '+15005550002': { outcome: 'answer', caller: [{ waitFor: 'record' }, { speak: 7 }] },
      },
    },
  });
  await fake.app.ready();
});
afterAll(async () => {
  await fake.close();
  await new Promise((r) => server.close(r));
});

/** Injects and checks the response against Twilio's OpenAPI document (or the error shape). */
async function rest(
  method: string,
  url: string,
  form?: Record<string, string | string[]>,
  auth: string | null = AUTH,
) {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = auth;
  let payload: string | undefined;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) p.append(k, one);
    payload = p.toString();
  }
  const res: LightMyRequestResponse = await fake.app.inject({
    method: method as 'GET',
    url,
    headers,
    payload,
  });
  const body =
    res.body === ''
      ? ''
      : res.headers['content-type']?.toString().startsWith('application/json')
        ? res.json()
        : res.body;
  if (res.statusCode >= 400) expect(oai.validateError(body, res.statusCode)).toEqual([]);
  else if (res.headers['content-type']?.toString().startsWith('application/json') || res.statusCode === 204) {
    expect(oai.validateResponse(method, url, res.statusCode, body)).toEqual([]);
  }
  expect(res.body).not.toMatch(/\n\s+at /); // never a stack trace
  return {
    status: res.statusCode,
    body: body as Record<string, unknown>,
    headers: res.headers,
    raw: res.rawPayload,
  };
}

const calls = `/2010-04-01/Accounts/${AC}/Calls.json`;

describe('REST Calls (§9.2)', () => {
  it('creates a call: 201 queued outbound-api, all fields, runs to completed', async () => {
    const r = await rest('POST', calls, {
      To: '+15005550100',
      From: '+15005550199',
      Url: `${ivr}/say`,
      StatusCallbackEvent: ['initiated', 'answered'],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      status: 'queued',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      duration: null,
    });
    expect(r.body.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(r.body.uri).toBe(`/2010-04-01/Accounts/${AC}/Calls/${r.body.sid}.json`);
    expect(oai.missingFields('api.v2010.account.call', r.body)).toEqual([]);
    const done = await fake.waitForCall(String(r.body.sid));
    expect(done.status).toBe('completed');
    const fetched = await rest('GET', `/2010-04-01/Accounts/${AC}/Calls/${r.body.sid}.json`);
    expect(fetched.body).toMatchObject({ status: 'completed', duration: expect.stringMatching(/^\d+$/) });
    expect(fetched.body.start_time).toMatch(/\+0000$/);
  });

  it('scripted callees: busy, and one who leaves a recording (ApplicationSid and Twiml sources too)', async () => {
    const busy = await rest('POST', calls, { To: '+15005550001', From: '+15005550199', Url: `${ivr}/say` });
    expect((await fake.waitForCall(String(busy.body.sid))).status).toBe('busy');
    const rec = await rest('POST', calls, { To: '+15005550002', From: '+15005550199', Url: `${ivr}/record` });
    const call = await fake.waitForCall(String(rec.body.sid));
    expect(call.status).toBe('completed');
    const list = await rest('GET', `/2010-04-01/Accounts/${AC}/Calls/${rec.body.sid}/Recordings.json`);
    expect(list.body.recordings).toHaveLength(1);
    const app = await rest('POST', calls, {
      To: 'client:bob',
      From: '+15005550199',
      ApplicationSid: 'AP00000000000000000000000000000004',
    });
    expect(app.status).toBe(201);
    const inline = await rest('POST', calls, {
      To: 'client:bob',
      From: 'client:desk',
      Twiml: '<Response><Say>hi</Say></Response>',
    });
    expect((await fake.waitForCall(String(inline.body.sid))).status).toBe('completed');
  });

  it('lists with filters and paging keys', async () => {
    const all = await rest('GET', `${calls}?PageSize=2`);
    expect(all.body).toMatchObject({ page: 0, page_size: 2, start: 0, previous_page_uri: null });
    expect((all.body.calls as unknown[]).length).toBe(2);
    expect(all.body.next_page_uri).toMatch(/Page=1/);
    const busy = await rest('GET', `${calls}?Status=busy`);
    expect((busy.body.calls as Array<{ status: string }>).every((c) => c.status === 'busy')).toBe(true);
    const to = await rest('GET', `${calls}?To=${encodeURIComponent('+15005550001')}`);
    expect((to.body.calls as unknown[]).length).toBe(1);
  });

  it('validation codes', async () => {
    const cases: Array<[Record<string, string>, number]> = [
      [{ From: '+15005550199', Url: `${ivr}/say` }, 21201],
      [{ To: '+15005550100', Url: `${ivr}/say` }, 21213],
      [{ To: '+15005550100', From: '+15005550199' }, 21205],
      [{ To: '+15005550100', From: '+15005550199', Url: 'ftp://x' }, 21205],
      [{ To: 'nonsense', From: '+15005550199', Url: `${ivr}/say` }, 21211],
      [{ To: '+15005550100', From: 'x y', Url: `${ivr}/say` }, 21212],
      [{ To: '+15005550100', From: '+15005550199', Url: `${ivr}/say`, Timeout: '0' }, 21208],
      [{ To: '+15005550100', From: '+15005550199', Url: `${ivr}/say`, Method: 'PUT' }, 21209],
      [{ To: '+15005550100', From: '+15005550199', ApplicationSid: `AP${'1'.repeat(32)}` }, 21218],
      [{ To: '+15005550100', From: '+15005550199', Url: `${ivr}/say`, SendDigits: 'x' }, 21206],
    ];
    for (const [form, code] of cases) {
      const r = await rest('POST', calls, form);
      expect([r.status, r.body.code]).toEqual([400, code]);
      expect(r.body.more_info).toBe(`https://www.twilio.com/docs/errors/${code}`);
    }
  });

  it('update a finished call → 21220; delete → 204 then 404', async () => {
    const [first] = fake.calls.list({ accountSid: AC, status: 'completed' });
    const url = `/2010-04-01/Accounts/${AC}/Calls/${first?.sid}.json`;
    expect((await rest('POST', url, { Status: 'completed' })).body.code).toBe(21220);
    expect((await rest('DELETE', url)).status).toBe(204);
    expect((await rest('GET', url)).body.code).toBe(20404);
  });
});

describe('REST Recordings (§9.3, §10)', () => {
  it('list, fetch, media wav/mp3, delete', async () => {
    const list = await rest('GET', `/2010-04-01/Accounts/${AC}/Recordings.json`);
    const [rec] = list.body.recordings as Array<Record<string, unknown>>;
    expect(rec).toMatchObject({
      source: 'RecordVerb',
      channels: 1,
      status: 'completed',
      duration: '7',
      error_code: null,
    });
    expect(oai.missingFields('api.v2010.account.recording', rec)).toEqual([]);
    expect(rec?.media_url).toBe(`https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings/${rec?.sid}`);
    const path = `/2010-04-01/Accounts/${AC}/Recordings/${rec?.sid}`;
    expect((await rest('GET', `${path}.json`)).body.call_sid).toBe(rec?.call_sid);
    for (const ext of ['', '.wav']) {
      const media = await rest('GET', `${path}${ext}`, undefined, null);
      expect(media.headers['content-type']).toBe('audio/x-wav');
      expect(readWavInfo(new Uint8Array(media.raw))?.durationSec).toBe(7);
    }
    const mp3 = await rest('GET', `${path}.mp3`, undefined, null);
    expect(mp3.headers['content-type']).toBe('audio/mpeg');
    expect(mp3.raw.length % 144).toBe(0);
    expect((await rest('DELETE', `${path}.json`)).status).toBe(204);
    expect((await rest('GET', `${path}.json`)).status).toBe(404);
    expect((await rest('GET', path, undefined, null)).body.code).toBe(20404);
  });
});

describe('auth and routing errors are Twilio-shaped', () => {
  it('missing, wrong, other-account credentials → 401/20003 exactly', async () => {
    for (const auth of [null, basic(AC, 'nope'), basic(AC2, 'tok2'), 'Bearer x', basic(SK, 'wrong')]) {
      const r = await rest('GET', calls, undefined, auth);
      expect(r.status).toBe(401);
      expect(r.body).toEqual({
        code: 20003,
        detail: 'Your AccountSid or AuthToken was incorrect.',
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
      expect(r.headers['www-authenticate']).toBe('Basic realm="Twilio API"');
    }
    expect((await rest('GET', calls, undefined, basic(SK, 'sec'))).status).toBe(200);
    const raw = await fake.app.inject({ method: 'GET', url: calls });
    expect(raw.body).toBe(
      '{"code":20003,"detail":"Your AccountSid or AuthToken was incorrect.","message":"Authenticate","more_info":"https://www.twilio.com/docs/errors/20003","status":401}',
    );
  });

  it('unknown route → 404/20404, wrong method → 405/20004, bad body → 4xx JSON', async () => {
    expect((await rest('GET', '/2010-04-01/Nope.json')).body.code).toBe(20404);
    expect((await rest('GET', `/2010-04-01/Accounts/${AC}/Calls/CA${'0'.repeat(32)}.json`)).body.code).toBe(
      20404,
    );
    const put = await rest('PUT', calls);
    expect([put.status, put.body.code]).toEqual([405, 20004]);
    expect((await rest('PATCH', '/callrig/v1/connect')).status).toBe(405);
    const odd = await fake.app.inject({
      method: 'POST',
      url: calls,
      headers: { authorization: AUTH, 'content-type': 'application/xml' },
      payload: '<x/>',
    });
    expect(odd.statusCode).toBe(415);
    expect(oai.validateError(odd.json(), 415)).toEqual([]);
    const badJson = await fake.app.inject({
      method: 'POST',
      url: calls,
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      payload: '{',
    });
    expect(badJson.statusCode).toBe(400);
    expect(oai.validateError(badJson.json(), 400)).toEqual([]);
  });

  it('admin API validates and names the field', async () => {
    const r = await fake.app.inject({
      method: 'POST',
      url: '/callrig/v1/admin/apps',
      payload: { accountSid: 'ACbad', voiceUrl: 'nope' },
    });
    expect(r.statusCode).toBe(400);
    const body = r.json() as { code: string; errors: Array<{ path: string }> };
    expect(body.code).toBe('CALLRIG_CONFIG_INVALID');
    expect(body.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['/accountSid', '/voiceUrl']));
    const put = await fake.app.inject({
      method: 'PUT',
      url: '/callrig/v1/admin/callees/+15005550003',
      payload: { outcome: 'no-answer' },
    });
    expect(put.statusCode).toBe(200);
    const list = await fake.app.inject({ method: 'GET', url: '/callrig/v1/admin/accounts' });
    expect(JSON.stringify(list.json())).not.toContain('tok2');
  });
});
