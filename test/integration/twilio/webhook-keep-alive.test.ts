import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import twilio from 'twilio';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualClock } from '../../../src/core/index.ts';
import { createTwilioFake, type TwilioFake } from '../../../src/twilio/index.ts';

const AC = 'AC00000000000000000000000000000001';
const AUTH = 'tok';
const APP = 'AP00000000000000000000000000000001';
const DROP_APP = 'AP00000000000000000000000000000002';

interface Hit {
  path: string;
  socket: number;
  connection: string | undefined;
  signed: boolean;
}
const hits: Hit[] = [];
const socketIds = new WeakMap<Socket, number>();
let nextSocket = 0;
let dropNextVoice = false;
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const url = `${base}${req.url}`;
      const params = Object.fromEntries(new URLSearchParams(body));
      const signature = String(req.headers['x-twilio-signature'] ?? '');
      hits.push({
        path,
        socket: socketIds.get(req.socket) ?? -1,
        connection: req.headers.connection,
        signed: twilio.validateRequest(AUTH, signature, url, params),
      });
      if (path === '/voice' && dropNextVoice) {
        // @note A connection lost before any response: Twilio's default policy retries it (rp=ct).
        dropNextVoice = false;
        req.socket.destroy();
        return;
      }
      const vr = new twilio.twiml.VoiceResponse();
      if (path === '/voice') vr.redirect('/next');
      else vr.hangup();
      res.writeHead(200, { 'content-type': 'text/xml' }).end(vr.toString());
    });
  });
  server.on('connection', (s: Socket) => socketIds.set(s, nextSocket++));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  hits.length = 0;
  server.closeAllConnections();
});

async function fakeWith(keepAlive: boolean | undefined): Promise<TwilioFake> {
  const app = (sid: string, voicePath: string) => ({
    sid,
    accountSid: AC,
    voiceUrl: `${base}${voicePath}`,
    statusCallback: `${base}/status`,
  });
  return createTwilioFake({
    clock: createVirtualClock(Date.now()),
    config: { accounts: [{ sid: AC, authToken: AUTH }], apps: [app(APP, '/voice'), app(DROP_APP, '/voice')] },
    webhooks: keepAlive === undefined ? {} : { keepAlive },
  });
}

function token(appSid: string): string {
  const cap = new twilio.jwt.ClientCapability({ accountSid: AC, authToken: AUTH, ttl: 600 });
  cap.addScope(
    new twilio.jwt.ClientCapability.OutgoingClientScope({ applicationSid: appSid, clientName: 'k' }),
  );
  return cap.toJwt();
}

async function oneCall(fake: TwilioFake, appSid = APP): Promise<void> {
  const out = await fake.connect({ token: token(appSid), caller: [] });
  expect(out.ok && out.body.status).toBe('completed');
}

describe('webhooks.keepAlive', () => {
  it('default: a fresh socket with Connection: close for every request (Twilio, §4.1)', async () => {
    const fake = await fakeWith(undefined);
    try {
      await oneCall(fake);
    } finally {
      fake.context.close();
      await fake.close();
    }
    expect(hits.map((h) => h.path)).toEqual(['/voice', '/next', '/status']);
    expect(new Set(hits.map((h) => h.socket)).size).toBe(3);
    expect(hits.every((h) => h.connection === 'close' && h.signed)).toBe(true);
  });

  it('keepAlive: one socket reused across a call and the next, no Connection: close, still signed', async () => {
    const fake = await fakeWith(true);
    try {
      await oneCall(fake);
      await oneCall(fake);
    } finally {
      fake.context.close();
      await fake.close();
    }
    expect(hits.map((h) => h.path)).toEqual(['/voice', '/next', '/status', '/voice', '/next', '/status']);
    expect(new Set(hits.map((h) => h.socket)).size).toBe(1);
    expect(hits.every((h) => h.connection !== 'close' && h.signed)).toBe(true);
  });

  it('keepAlive: a retry after a dropped connection goes out on a new socket, which is then reused', async () => {
    const fake = await fakeWith(true);
    try {
      await oneCall(fake); // warms the pool with one socket
      dropNextVoice = true;
      await oneCall(fake, DROP_APP);
    } finally {
      fake.context.close();
      await fake.close();
    }
    const second = hits.slice(3);
    expect(second.map((h) => h.path)).toEqual(['/voice', '/voice', '/next', '/status']);
    const [dropped, retried, next, status] = second.map((h) => h.socket);
    expect(dropped).toBe(hits[0]?.socket);
    expect(retried).not.toBe(dropped);
    expect([next, status]).toEqual([retried, retried]);
    expect(fake.debugger.forCall(fake.calls.all()[1]?.sid ?? '')[0]?.attempts).toBe(2);
  });

  it('close() destroys the pooled sockets', async () => {
    const sockets: Socket[] = [];
    const track = (s: Socket) => sockets.push(s);
    server.on('connection', track);
    const fake = await fakeWith(true);
    try {
      await oneCall(fake);
    } finally {
      server.off('connection', track);
    }
    expect(sockets).toHaveLength(1);
    const pooled = sockets[0] as Socket;
    expect(pooled.destroyed).toBe(false);
    const ended = new Promise<void>((r) => pooled.once('close', () => r()));
    fake.context.close();
    await fake.close();
    await ended; // @note Would hang (test time-out) if the pooled socket stayed open.
    expect(pooled.destroyed).toBe(true);
  });
});
