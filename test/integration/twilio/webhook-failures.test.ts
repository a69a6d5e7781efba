import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVirtualClock, type TimelineEvent } from '../../../src/core/index.ts';
import { createTwilioFake, type TwilioFake } from '../../../src/twilio/index.ts';

const AC = 'AC00000000000000000000000000000001';
const TOKEN = 'tok';
const SK = 'SK00000000000000000000000000000005';

type Handler = (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void;
const routes = new Map<string, Handler>();
const hits: Array<{ path: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let server: http.Server;
let base: string;
let fake: TwilioFake;
let origin: string;
let appCount = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      hits.push({ path, headers: req.headers, body });
      const h = routes.get(path);
      if (h) h(req, body, res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake = await createTwilioFake({
    clock: createVirtualClock(Date.now()),
    config: { accounts: [{ sid: AC, authToken: TOKEN, apiKeys: [{ sid: SK, secret: 'sec' }] }] },
  });
  origin = await fake.listen();
});
afterAll(async () => {
  await fake.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

/** Creates an App through the admin API and connects to it with an Access Token. */
async function call(voicePath: string, extra: Record<string, string> = {}) {
  const appRes = await fetch(`${origin}/callrig/v1/admin/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountSid: AC, voiceUrl: `${base}${voicePath}`, ...extra }),
  });
  expect(appRes.status).toBe(201);
  const app = (await appRes.json()) as { sid: string };
  appCount++;
  const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: `u${appCount}` });
  t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: app.sid }));
  const res = await fake.connect({ token: t.toJwt(), caller: [] });
  if (!res.ok) throw new Error(JSON.stringify(res.body));
  return { ...res.body, timeline: res.body.timeline as TimelineEvent[] };
}

const codes = (t: TimelineEvent[]) =>
  t.filter((e) => e.type === 'error').map((e) => (e.type === 'error' ? e.code : null));
const xml =
  (s: string): Handler =>
  (_q, _b, res) =>
    res.writeHead(200, { 'content-type': 'text/xml' }).end(s);

describe('webhook client failures map to Twilio codes (§5.2, §2.1)', () => {
  it('HTTP 500 → 11200, then the apology', async () => {
    routes.set('/500', (_q, _b, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('boom'));
    const r = await call('/500');
    expect(codes(r.timeline)).toContain(11200);
    expect(r.timeline.some((e) => e.type === 'say' && /application error/.test(e.text))).toBe(true);
  });

  it('silent server past rt → 11200 (timeScale shrinks the 15 s timer)', async () => {
    routes.set('/slow', () => {});
    const quick = await createTwilioFake({
      clock: createVirtualClock(Date.now()),
      config: { accounts: [{ sid: AC, authToken: TOKEN, apiKeys: [{ sid: SK, secret: 'sec' }] }] },
      webhooks: { timeScale: 0.01 },
    });
    try {
      quick.context.accounts.addApp({ sid: `AP${'7'.repeat(32)}`, accountSid: AC, voiceUrl: `${base}/slow` });
      const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: 'slow' });
      t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: `AP${'7'.repeat(32)}` }));
      const r = await quick.connect({ token: t.toJwt(), caller: [] });
      expect(r.ok && codes(r.body.timeline as TimelineEvent[])).toContain(11200);
      const entry = quick.debugger.forCall(r.ok ? r.body.callSid : '')[0];
      expect(entry?.errorCode).toBe(11200);
      expect(entry?.elapsedMs).toBeGreaterThanOrEqual(14_000);
    } finally {
      await quick.close();
    }
  });

  it('a shorter #rt in the URL fragment → 11200', async () => {
    expect(codes((await call('/slow#rt=100')).timeline)).toContain(11200);
  });

  it('application/json → 12300; missing Content-Type → 11200; malformed XML → 12100', async () => {
    routes.set('/json', (_q, _b, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
    );
    routes.set('/notype', (_q, _b, res) => {
      res.removeHeader('content-type');
      res.writeHead(200).end('<Response/>');
    });
    routes.set('/bad', xml('<Response><Say>unclosed</Response>'));
    expect(codes((await call('/json')).timeline)).toContain(12300);
    expect(codes((await call('/notype')).timeline)).toContain(11200);
    expect(codes((await call('/bad')).timeline)).toContain(12100);
  });

  it('connection refused → 11205 after two attempts (rc=1 default); #rc=0 → one attempt', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const app = await fetch(`${origin}/callrig/v1/admin/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountSid: AC, voiceUrl: `http://127.0.0.1:${port}/voice` }),
    });
    const { sid } = (await app.json()) as { sid: string };
    const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: 'refused' });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: sid }));
    const res = await fake.connect({ token: t.toJwt(), caller: [] });
    expect(res.ok && codes(res.body.timeline as TimelineEvent[])).toContain(11205);
    const entry = fake.debugger.forCall(res.ok ? res.body.callSid : '')[0];
    expect(entry).toMatchObject({ attempts: 2, errorCode: 11205 });
  });

  it('#rp=5xx&rc=2 → three attempts against a 500, each with a new idempotency token, same signature', async () => {
    const before = hits.length;
    routes.set('/flaky', (_q, _b, res) => res.writeHead(503).end());
    const r = await call('/flaky#rp=5xx&rc=2');
    const mine = hits.slice(before).filter((h) => h.path === '/flaky');
    expect(mine).toHaveLength(3);
    expect(new Set(mine.map((h) => h.headers['i-twilio-idempotency-token'])).size).toBe(3);
    expect(new Set(mine.map((h) => h.headers['x-twilio-signature'])).size).toBe(1);
    expect(codes(r.timeline)).toContain(11200);
  });

  it('a non-HTTP reply → 11206', async () => {
    const raw = net.createServer((sock) => sock.resume().end('SSH-2.0-OpenSSH_9.6\r\n'));
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    try {
      const port = (raw.address() as AddressInfo).port;
      const app = await fetch(`${origin}/callrig/v1/admin/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ accountSid: AC, voiceUrl: `http://127.0.0.1:${port}/voice` }),
      });
      const { sid } = (await app.json()) as { sid: string };
      const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: 'ssh' });
      t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: sid }));
      const res = await fake.connect({ token: t.toJwt(), caller: [] });
      expect(res.ok && codes(res.body.timeline as TimelineEvent[])).toContain(11206);
      const debug = await fetch(`${origin}/callrig/v1/calls/${res.ok ? res.body.callSid : ''}/debugger`);
      expect(((await debug.json()) as { entries: Array<{ errorCode: number }> }).entries[0]?.errorCode).toBe(
        11206,
      );
      expect((await fetch(`${origin}/callrig/v1/calls/CA${'0'.repeat(32)}/debugger`)).status).toBe(404);
    } finally {
      await new Promise((r) => raw.close(r));
    }
  });

  it('more than 10 HTTP redirects → 11215', async () => {
    routes.set('/loop', (_q, _b, res) => res.writeHead(302, { location: '/loop' }).end());
    expect(codes((await call('/loop')).timeline)).toContain(11215);
  });

  it('a <Redirect> to a host outside allowedHosts is refused (CALLRIG_HOST_NOT_ALLOWED), no request made', async () => {
    routes.set(
      '/evil',
      xml('<Response><Redirect>http://169.254.169.254/latest/meta-data</Redirect></Response>'),
    );
    const r = await call('/evil');
    const entries = fake.debugger.forCall(r.callSid);
    expect(entries[1]).toMatchObject({ errorCode: 'CALLRIG_HOST_NOT_ALLOWED', attempts: 0 });
    expect(codes(r.timeline)).toContain('CALLRIG_HOST_NOT_ALLOWED');
  });

  it('URL credentials: first request without Authorization, Basic after a 401 challenge; never signed', async () => {
    const seen: Array<string | undefined> = [];
    let valid = false;
    routes.set('/private', (req, body, res) => {
      seen.push(req.headers.authorization);
      if (!req.headers.authorization)
        return res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end();
      const params = Object.fromEntries(new URLSearchParams(body));
      valid = twilio.validateRequest(
        TOKEN,
        String(req.headers['x-twilio-signature']),
        `http://${req.headers.host}${req.url}`,
        params,
      );
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>');
    });
    const app = await fetch(`${origin}/callrig/v1/admin/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        accountSid: AC,
        voiceUrl: `${base.replace('http://', 'http://desk:s3cret@')}/private`,
      }),
    });
    const { sid } = (await app.json()) as { sid: string };
    const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: 'creds' });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: sid }));
    await fake.connect({ token: t.toJwt(), caller: [] });
    expect(seen).toEqual([undefined, `Basic ${Buffer.from('desk:s3cret').toString('base64')}`]);
    expect(valid).toBe(true);
  });

  it('a recording is fetchable while its Record action is being handled', async () => {
    let during: { status: number; type: string | null } | undefined;
    routes.set('/rec', xml('<Response><Record timeout="2" action="/rec-action"/></Response>'));
    routes.set('/rec-action', (_req, body, res) => {
      const url = new URLSearchParams(body).get('RecordingUrl') ?? '';
      void fetch(url).then((m) => {
        during = { status: m.status, type: m.headers.get('content-type') };
        res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response><Hangup/></Response>');
      });
    });
    const appRes = await fetch(`${origin}/callrig/v1/admin/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountSid: AC, voiceUrl: `${base}/rec` }),
    });
    const { sid } = (await appRes.json()) as { sid: string };
    const t = new twilio.jwt.AccessToken(AC, SK, 'sec', { identity: 'rec' });
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: sid }));
    await fake.connect({ token: t.toJwt(), caller: [{ waitFor: 'record' }, { speak: 4 }] });
    expect(during).toEqual({ status: 200, type: 'audio/x-wav' });
  });

  it('sends Twilio headers; GET puts sorted params in the query and signs the full URL', async () => {
    let seen: { url: string; headers: http.IncomingHttpHeaders } | undefined;
    routes.set('/get', (req, _b, res) => {
      seen = { url: `http://${req.headers.host}${req.url}`, headers: req.headers };
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>');
    });
    await call('/get?x=1', { voiceMethod: 'GET' });
    expect(seen?.url).toMatch(/\/get\?x=1&AccountSid=AC/);
    expect(seen?.headers).toMatchObject({
      'user-agent': 'TwilioProxy/1.1',
      'cache-control': 'max-age=259200',
      connection: 'close',
    });
    expect(seen?.headers['content-type']).toBeUndefined();
    expect(
      twilio.validateRequest(TOKEN, String(seen?.headers['x-twilio-signature']), seen?.url ?? '', {}),
    ).toBe(true);
  });

  it('POST body is form-encoded UTF-8 and validates against the URL rebuilt from Host', async () => {
    let ok = false;
    let type = '';
    routes.set('/post', (req, body, res) => {
      type = String(req.headers['content-type']);
      const params = Object.fromEntries(new URLSearchParams(body));
      ok = twilio.validateRequest(
        TOKEN,
        String(req.headers['x-twilio-signature']),
        `http://${req.headers.host}${req.url}`,
        params,
      );
      res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>');
    });
    await call('/post?q=a%20b#ct=2000');
    expect(type).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(ok).toBe(true);
  });
});
