import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StatusWebhookSender } from '../../../../src/push/catapush/status-webhook.ts';
import type { DeliveredPush } from '../../../../src/push/types.ts';
import {
  APP_ID,
  BUNDLE,
  PERMANENT_TOKEN,
  type PushRig,
  sendMessage,
  startPushRig,
} from '../helpers/push-rig.ts';

let rig: PushRig;
beforeAll(async () => {
  rig = await startPushRig('voip', 'api');
});
afterAll(() => rig.close());
beforeEach(async () => {
  await rig.catapush.runtime.idle();
  rig.hooks.length = 0;
  rig.hookStatus.code = 200;
});

const good = { mobileAppId: APP_ID, text: 'hello', recipients: [{ identifier: 'alice' }] };
const post = (path: string, init: RequestInit) =>
  fetch(`${rig.catapushOrigin}${path}`, { method: 'POST', ...init });

describe('Catapush auth', () => {
  it('mints a temporary token with client credentials (query or form) that works until its TTL', async () => {
    const res = await post('/1/auth/oauth', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=client-1&client_secret=secret-1&grant_type=client_credentials',
    });
    const json = await res.json();
    expect(res.status).toBe(200);
    expect(json).toEqual({
      access_token: expect.stringMatching(/^[0-9a-f]{40}$/),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: null,
    });
    expect((await sendMessage(rig.catapushOrigin, good, json.access_token)).status).toBe(201);
    const viaQuery = await post(
      '/1/auth/oauth?client_id=client-1&client_secret=secret-1&grant_type=client_credentials',
      {},
    );
    expect(viaQuery.status).toBe(200);
    rig.clock.advance(3_600_000);
    expect((await sendMessage(rig.catapushOrigin, good, json.access_token)).status).toBe(401);
  });

  it.each([
    ['client_id=client-1&client_secret=wrong&grant_type=client_credentials', 'invalid_client'],
    ['client_id=client-1&grant_type=client_credentials', 'invalid_request'],
    ['client_id=client-1&client_secret=secret-1&grant_type=password', 'unsupported_grant_type'],
  ])('OAuth %s → 400 %s', async (body, error) => {
    const res = await post('/1/auth/oauth', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error });
  });

  it('answers 401 with WWW-Authenticate for a missing or unknown token, and accepts access_token as a parameter', async () => {
    const none = await post('/1/messages', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(good),
    });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect(await none.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await sendMessage(rig.catapushOrigin, good, 'b'.repeat(40))).status).toBe(401);
    const viaParam = await post(`/1/messages?access_token=${PERMANENT_TOKEN}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(good),
    });
    expect(viaParam.status).toBe(201);
  });

  it('a regenerated permanent token replaces the old one', async () => {
    const res = await post('/__callrig/catapush/accounts/acct-2/regenerate-token', {});
    const { permanentToken } = await res.json();
    const users = (token: string) =>
      fetch(`${rig.catapushOrigin}/1/apps/999/users`, { headers: { authorization: `Bearer ${token}` } });
    expect((await users('a'.repeat(40))).status).toBe(401);
    expect((await users(permanentToken)).status).toBe(200);
  });
});

describe('POST /1/messages validation', () => {
  it('lists every failing field in one 400 and enqueues nothing', async () => {
    const before = rig.catapush.runtime.store.messages.size;
    const r = await sendMessage(rig.catapushOrigin, {
      mobileAppId: '318',
      text: 'bad\u0007bell',
      recipients: [],
      devicesData: { ios: { badge: -1 } },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([
      { field: 'mobileAppId', message: 'must be an integer' },
      { field: 'text', message: 'contains unsafe (control) characters' },
      { field: 'recipients', message: 'must hold 1–1000 items' },
      { field: 'devicesData.ios.badge', message: 'must be an integer ≥ 0' },
    ]);
    const missing = await sendMessage(rig.catapushOrigin, {});
    expect((missing.json.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([
      'mobileAppId',
      'text',
      'recipients',
    ]);
    await rig.catapush.runtime.idle();
    expect(rig.catapush.runtime.store.messages.size).toBe(before);
    expect(rig.hooks).toEqual([]);
  });

  it('rejects unknown identifiers (400), other accounts’ apps (404), non-objects (400), non-JSON (400) and other media types (415)', async () => {
    const unknown = await sendMessage(rig.catapushOrigin, {
      ...good,
      recipients: [{ identifier: 'alice' }, { identifier: 'mallory' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      status: 400,
      title: 'Bad Request',
      detail: 'recipients[1].identifier: unknown identifier',
      errors: [{ field: 'recipients[1].identifier', message: 'unknown identifier' }],
    });
    expect((await sendMessage(rig.catapushOrigin, { ...good, mobileAppId: 999 })).status).toBe(404);
    expect((await sendMessage(rig.catapushOrigin, [good])).status).toBe(400);
    const headers = { authorization: `Bearer ${PERMANENT_TOKEN}` };
    const broken = await post('/1/messages', {
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"mobileAppId":',
    });
    expect([broken.status, (await broken.json()).title]).toEqual([400, 'Bad Request']);
    const text = await post('/1/messages', {
      headers: { ...headers, 'content-type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
  });
});

describe('users', () => {
  const auth = { authorization: `Bearer ${PERMANENT_TOKEN}`, 'content-type': 'application/json' };
  it('creates (201), refuses duplicates (409), lists without passwords, reads, deletes (204), then 404', async () => {
    const base = `${rig.catapushOrigin}/1/apps/${APP_ID}/users`;
    const created = await fetch(base, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ identifier: 'carol', password: 'pw' }),
    });
    expect([created.status, (await created.json()).identifier]).toEqual([201, 'carol']);
    const dup = await fetch(base, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ identifier: 'carol', password: 'pw' }),
    });
    expect(dup.status).toBe(409);
    const list = await (await fetch(base, { headers: auth })).json();
    expect(list.users.map((u: { identifier: string }) => u.identifier)).toContain('carol');
    expect(JSON.stringify(list)).not.toContain('pw');
    expect((await fetch(`${base}/carol`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${base}/carol`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await fetch(`${base}/carol`, { headers: auth })).status).toBe(404);
  });
});

describe('dispatch and MessageStatus webhooks', () => {
  it('sends the voip-mode payload shape through the fake APNs, customData merged without overriding', async () => {
    const login = await (
      await post('/__callrig/catapush/device/login', {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ appKey: 'app-key-318', identifier: 'bob', password: 'b0b' }),
      })
    ).json();
    const got: DeliveredPush[] = [];
    const token = rig.apns.devices.issue({
      bundleId: BUNDLE,
      kind: 'voip',
      environment: 'sandbox',
      receiver: (p) => got.push(p),
    });
    await post('/__callrig/catapush/device/update-push-token', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session: login.session, kind: 'voip', tokenHex: token }),
    });
    const sent = await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'x',
      recipients: [{ identifier: 'bob' }],
      notificationText: 'Banner',
      devicesData: { ios: { customData: { ticket: 42, sender: 'spoof' } } },
    });
    await rig.catapush.runtime.idle();
    expect(got[0]).toMatchObject({ topic: `${BUNDLE}.voip`, pushType: 'voip', priority: 10 });
    expect(got[0]!.payload).toEqual({
      ticket: 42,
      aps: { alert: 'Banner' },
      sender: 'catapush',
      catapushID: sent.json.messageId,
    });
  });

  it('calls notifyCallback with GET and string values, in status order', async () => {
    const sent = await sendMessage(rig.catapushOrigin, {
      ...good,
      messageRef: 'm-1',
      notifyCallback: { method: 'GET', url: `${rig.hookOrigin}/status` },
    });
    await rig.catapush.runtime.idle();
    expect(rig.hooks).toHaveLength(1);
    expect(rig.hooks[0]).toMatchObject({
      method: 'GET',
      query: {
        type: 'MessageStatus',
        applicationId: String(APP_ID),
        messageId: sent.json.messageId,
        status: 'enqueued',
        messageRef: 'm-1',
        recipient: 'alice',
      },
    });
    expect(rig.hooks[0]!.headers['user-agent']).toBe('Catapush');
  });

  it('retries a non-2xx answer after 10, 60 and 300 s of clock time, then drops it; every attempt is logged', async () => {
    rig.hookStatus.code = 500;
    const before = rig.catapush.runtime.webhooks.attempts.length;
    await sendMessage(rig.catapushOrigin, good);
    await rig.catapush.runtime.idle();
    const attempts = rig.catapush.runtime.webhooks.attempts.slice(before);
    expect(attempts.map((a) => [a.attempt, a.httpStatus])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 500],
    ]);
    expect(attempts.slice(1).map((a, i) => a.at - attempts[i]!.at)).toEqual([10_000, 60_000, 300_000]);
  });

  it('speaks the form variant with string values', async () => {
    const sender = new StatusWebhookSender(rig.clock, [], 2000);
    await sender.enqueue(
      { url: `${rig.hookOrigin}/status`, format: 'form' },
      {
        type: 'MessageStatus',
        timestamp: '2025-03-01T09:30:04Z',
        applicationId: APP_ID,
        messageId: 'm',
        recipient: 'alice',
        status: 'delivered',
      },
    );
    expect(rig.hooks[0]).toMatchObject({
      method: 'POST',
      body: { applicationId: String(APP_ID), status: 'delivered' },
    });
    expect(rig.hooks[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('expires a message not acked within the validity window; a late ack is ignored', async () => {
    const sent = await sendMessage(rig.catapushOrigin, { ...good, recipients: [{ identifier: 'bob' }] });

    rig.clock.advance(86_400_000);
    const view = await (
      await fetch(`${rig.catapushOrigin}/__callrig/catapush/messages/${sent.json.messageId}`)
    ).json();
    expect(view.recipients[0].status).toBe('expired');
    const json = { 'content-type': 'application/json' };
    const login = await (
      await post('/__callrig/catapush/device/login', {
        headers: json,
        body: JSON.stringify({ appKey: 'app-key-318', identifier: 'bob', password: 'b0b' }),
      })
    ).json();
    const ack = await (
      await post('/__callrig/catapush/device/ack', {
        headers: json,
        body: JSON.stringify({ session: login.session, messageId: sent.json.messageId }),
      })
    ).json();
    expect(ack).toEqual({ ok: true, changed: false });
    await rig.catapush.runtime.idle();
    const mine = rig.hooks
      .map((h) => (h.body ?? h.query) as { messageId: string; status: string })
      .filter((b) => b.messageId === sent.json.messageId);
    expect(mine.map((b) => b.status)).toEqual(['enqueued', 'expired']);
  });
});
