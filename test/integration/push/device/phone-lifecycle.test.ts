import Fastify from 'fastify';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import { buildFakeApns } from '../../../../src/push/apns/fake-apns.ts';
import { createSimulatedIphone, type SimulatedIphone } from '../../../../src/push/device/simulated-iphone.ts';
import { h2Connect, h2Request } from '../helpers/h2-client.ts';
import { APP_ID, BUNDLE, type PushRig, sendMessage, startPushRig } from '../helpers/push-rig.ts';
import { testClock } from '../helpers/test-clock.ts';

let rig: PushRig | undefined;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await rig?.close();
  rig = undefined;
});

async function settle(r: PushRig, ...phones: SimulatedIphone[]) {
  for (let i = 0; i < 3; i++) {
    await r.catapush.runtime.idle();
    for (const p of phones) await p.idle();
  }
}

const phoneOn = (r: PushRig, extra: Partial<Parameters<typeof createSimulatedIphone>[0]> = {}) =>
  createSimulatedIphone({
    bundleId: BUNDLE,
    clock: r.clock,
    apns: r.apns,
    catapush: { origin: r.catapushOrigin, appKey: 'app-key-318', identifier: 'alice', password: 's3cret' },
    ...extra,
  });

const statusOf = async (r: PushRig, id: unknown) =>
  (await (await fetch(`${r.catapushOrigin}/__callrig/catapush/messages/${String(id)}`)).json()).recipients[0];

describe('PushKit token rotation', () => {
  it('re-registers the new token with Catapush; the old token answers 410 with the rotation instant', async () => {
    rig = await startPushRig('voip', 'rotate');
    const phone = phoneOn(rig, { behaviour: { voipPush: { report: 'callkit' } } });
    phone.install();
    await phone.launch();
    await phone.terminate();
    const old = phone.pushKitToken!;
    rig.clock.advance(60_000);
    const rotatedAt = rig.clock.now();
    await phone.rotatePushKitToken();
    await settle(rig, phone);
    expect(phone.events.slice(-3).map((e) => e.type)).toEqual([
      'pushkit.token-invalidated',
      'pushkit.token-updated',
      'catapush.registered',
    ]);

    const sent = await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'hi',
      recipients: [{ identifier: 'alice' }],
    });
    await settle(rig, phone);
    expect(rig.apns.attempts.at(-1)).toMatchObject({ status: 200, token: phone.pushKitToken });
    expect((await statusOf(rig, sent.json.messageId)).status).toBe('delivered');

    const s = h2Connect(rig.apns.urls.sandbox, rig.apns.certPem);
    const res = await h2Request(
      s,
      `/3/device/${old}`,
      {
        authorization: `bearer ${rig.providerJwt()}`,
        'apns-topic': `${BUNDLE}.voip`,
        'apns-push-type': 'voip',
      },
      '{}',
    );
    s.close();
    expect([res.status, JSON.parse(res.body)]).toEqual([
      410,
      { reason: 'Unregistered', timestamp: rotatedAt },
    ]);
  });

  it('an app that does not re-register: Catapush hits 410, drops the token, keeps the message enqueued, gets it through after re-registration', async () => {
    rig = await startPushRig('voip', 'rotate-stale');
    const phone = phoneOn(rig, {
      behaviour: { reRegisterOnRotation: false, voipPush: { report: 'callkit' } },
    });
    phone.install();
    await phone.launch();
    await phone.terminate();
    await phone.rotatePushKitToken();
    const sent = await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'hi',
      recipients: [{ identifier: 'alice' }],
    });
    await settle(rig, phone);
    expect(rig.apns.attempts.at(-1)).toMatchObject({ status: 410, reason: 'Unregistered' });
    const stuck = await statusOf(rig, sent.json.messageId);
    expect(stuck.status).toBe('enqueued');
    expect(stuck.history.at(-1)).toMatchObject({ status: 'push-failed', detail: 'APNs 410 Unregistered' });

    await phone.launch(); // launching re-sends the current PushKit token; Catapush retries the message
    await settle(rig, phone);
    await phone.syncInbox();
    await settle(rig, phone);
    expect((await statusOf(rig, sent.json.messageId)).status).toBe('delivered');
  });
});

describe('Catapush SDK stand-in on the phone', () => {
  it('a connected (foreground) app gets messages in-app with no APNs push; read receipts advance the status', async () => {
    rig = await startPushRig('voip', 'inapp');
    const phone = phoneOn(rig);
    phone.install();
    await phone.launch();
    await settle(rig, phone);
    const before = rig.apns.attempts.length;
    const sent = await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'in app',
      recipients: [{ identifier: 'alice', recipientRef: 'r-1' }],
    });
    await settle(rig, phone);
    expect(rig.apns.attempts.length).toBe(before);
    const got = await phone.syncInbox();
    expect(got).toEqual([
      { messageId: sent.json.messageId, text: 'in app', optionalData: null, channel: '' },
    ]);
    await phone.readMessage(String(sent.json.messageId));
    await settle(rig, phone);
    expect(rig.hooks.map((h) => (h.body as { status: string }).status)).toEqual([
      'enqueued',
      'delivered',
      'read',
    ]);
    expect(rig.hooks[2]!.body).toMatchObject({ recipientRef: 'r-1' });
  });

  it('the newest login wins: the older phone gets SDK error 11', async () => {
    rig = await startPushRig('voip', 'multi');
    const first = phoneOn(rig, { id: 'old-phone' });
    const second = phoneOn(rig, { id: 'new-phone' });
    first.install();
    second.install();
    await first.launch();
    await second.launch();
    await first.syncInbox();
    expect(first.events.at(-1)).toMatchObject({ type: 'catapush.error', sdkCode: 11 });
  });

  it('wrong password and deleted users fail login with the SDK codes', async () => {
    rig = await startPushRig('voip', 'login');
    const wrong = phoneOn(rig, {
      catapush: { origin: rig.catapushOrigin, appKey: 'app-key-318', identifier: 'alice', password: 'nope' },
    });
    const badKey = phoneOn(rig, {
      catapush: { origin: rig.catapushOrigin, appKey: 'nope', identifier: 'alice', password: 's3cret' },
    });
    wrong.install();
    badKey.install();
    await wrong.launch();
    await badKey.launch();
    const del = await fetch(`${rig.catapushOrigin}/1/apps/${APP_ID}/users/bob`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${'9f2c4e0a1b3d5f7e9a8c6b4d2f0e1a3c5b7d9f1e'}` },
    });
    expect(del.status).toBe(204);
    const deleted = phoneOn(rig, {
      catapush: { origin: rig.catapushOrigin, appKey: 'app-key-318', identifier: 'bob', password: 'b0b' },
    });
    deleted.install();
    await deleted.launch();
    expect(wrong.events.find((e) => e.type === 'catapush.error')).toMatchObject({ sdkCode: -10403 });
    expect(badKey.events.find((e) => e.type === 'catapush.error')).toMatchObject({ sdkCode: -10404 });
    expect(deleted.events.find((e) => e.type === 'catapush.error')).toMatchObject({ sdkCode: 24042 });
  });
});

describe("the brief's token fetch error branches", () => {
  const routes: Record<string, (reply: import('fastify').FastifyReply) => unknown> = {
    '/http-500': (r) => r.code(500).send({ error: 'boom' }),
    '/non-json': (r) => r.type('text/html').send('<html>oops</html>'),
    '/no-twilio': (r) => r.send({ token: 'x' }),
    '/no-token': (r) => r.send({ twilio: {} }),
  };
  const expected: Record<string, string> = {
    '/http-500': 'CALLRIG_TOKEN_FETCH_FAILED',
    '/non-json': 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
    '/no-twilio': 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
    '/no-token': 'CALLRIG_TOKEN_RESPONSE_NO_TOKEN',
    '/closed-port': 'CALLRIG_TOKEN_FETCH_FAILED',
  };
  for (const path of Object.keys(expected)) {
    it(`${path} → ${expected[path]}, and no call is placed`, async () => {
      const server = Fastify();
      for (const [p, h] of Object.entries(routes)) server.post(p, async (_req, reply) => h(reply));
      const origin = await server.listen({ port: 0, host: '127.0.0.1' });
      await server.close(); // reopen below so /closed-port points at a dead port
      const live = Fastify();
      for (const [p, h] of Object.entries(routes)) live.post(p, async (_req, reply) => h(reply));
      const liveOrigin = await live.listen({ port: 0, host: '127.0.0.1' });
      cleanups.push(() => live.close());
      const clock = testClock();
      const apns = buildFakeApns({ clock, ids: createIdSource('tok') });
      const connects: unknown[] = [];
      const phone = createSimulatedIphone({
        bundleId: BUNDLE,
        clock,
        apns,
        tokenServerUrl: path === '/closed-port' ? `${origin}/x` : `${liveOrigin}${path}`,
        twilio: {
          connect: async (req) => {
            connects.push(req);
            return { ok: true, callSid: 'CA1', status: 'completed', timeline: [] };
          },
        },
      });
      await phone.placeCall();
      expect(phone.events.at(-1)).toMatchObject({ type: 'token.failed', code: expected[path] });
      expect(connects).toEqual([]);
    });
  }
});

describe('Twilio incoming calls over PushKit', () => {
  const mint = (voice: ConstructorParameters<typeof twilio.jwt.AccessToken.VoiceGrant>[0]) => {
    const t = new twilio.jwt.AccessToken(
      `AC${'1'.repeat(32)}`,
      `SK${'2'.repeat(32)}`,
      'secret-secret-secret',
      { identity: 'alice' },
    );
    t.addGrant(new twilio.jwt.AccessToken.VoiceGrant(voice));
    return t.toJwt();
  };

  it('registers with an incoming-capable Access Token, refuses one without push credential (20106/31301)', async () => {
    const clock = testClock();
    const apns = buildFakeApns({ clock, ids: createIdSource('twi') });
    const phone = createSimulatedIphone({ bundleId: BUNDLE, clock, apns });
    phone.install();
    expect(await phone.registerForIncomingCalls(mint({ incomingAllow: true }))).toBe(false);
    expect(phone.events.at(-1)).toMatchObject({
      type: 'twilio.register-failed',
      code: 20106,
      sdkCode: 31301,
    });
    expect(
      await phone.registerForIncomingCalls(
        mint({ incomingAllow: true, pushCredentialSid: `CR${'3'.repeat(32)}` }),
      ),
    ).toBe(true);
    expect(phone.events.at(-1)).toMatchObject({ type: 'twilio.registered', identity: 'alice' });
  });

  it('a twilio.voice.call push wakes the terminated app, which reports it to CallKit', async () => {
    rig = await startPushRig('voip', 'twi-push');
    const phone = phoneOn(rig, { behaviour: { voipPush: { report: 'callkit' } } });
    phone.install();
    const s = h2Connect(rig.apns.urls.sandbox, rig.apns.certPem);
    const payload = {
      aps: {},
      twi_message_type: 'twilio.voice.call',
      twi_call_sid: `CA${'4'.repeat(32)}`,
      twi_account_sid: `AC${'1'.repeat(32)}`,
      twi_from: 'client:support',
      twi_to: 'client:alice',
      twi_bridge_token: 'eyJ...',
      twi_message_id: `NO${'5'.repeat(32)}`,
    };
    const res = await h2Request(
      s,
      `/3/device/${phone.pushKitToken}`,
      {
        authorization: `bearer ${rig.providerJwt()}`,
        'apns-topic': `${BUNDLE}.voip`,
        'apns-push-type': 'voip',
        'apns-priority': '10',
      },
      JSON.stringify(payload),
    );
    s.close();
    await phone.idle();
    expect(res.status).toBe(200);
    expect(phone.events.map((e) => e.type)).toEqual([
      'app.installed',
      'push.received',
      'app.launched',
      'app.state',
      'pushkit.registered',
      'callkit.reported',
      'pushkit.completion',
      'twilio.call-invite',
    ]);
    expect(phone.events.at(-1)).toMatchObject({
      callSid: payload.twi_call_sid,
      from: 'client:support',
      to: 'client:alice',
    });
  });
});

describe('alert pushes and the notification service extension', () => {
  it('an NSE that overruns its budget shows the raw alert and sends no ack', async () => {
    rig = await startPushRig('alert', 'nse-overrun');
    const phone = phoneOn(rig, { behaviour: { alertPush: { nseDurationMs: 31_000 } } });
    phone.install();
    await phone.launch();
    await phone.terminate();
    const sent = await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'full text',
      recipients: [{ identifier: 'alice' }],
      devicesData: { ios: { alert: 'Raw banner' } },
    });
    await settle(rig, phone);
    const tail = phone.events.slice(-3);
    expect(tail.map((e) => e.type)).toEqual(['push.received', 'nse.ran', 'notification.shown']);
    expect(tail[1]).toMatchObject({ outcome: 'overran' });
    expect(tail[1]!.at - tail[0]!.at).toBe(30_000);
    expect(tail[2]).toMatchObject({ via: 'raw', text: 'Raw banner' });
    expect((await statusOf(rig, sent.json.messageId)).status).toBe('enqueued');
  });

  it('with notifications denied nothing is shown and nothing is acked', async () => {
    rig = await startPushRig('alert', 'nse-denied');
    const phone = phoneOn(rig, { notificationsAllowed: false });
    phone.install();
    await phone.launch();
    await phone.terminate();
    await sendMessage(rig.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'x',
      recipients: [{ identifier: 'alice' }],
    });
    await settle(rig, phone);
    expect(phone.events.at(-1)).toMatchObject({
      type: 'warning',
      message: expect.stringMatching(/notifications are not allowed/),
    });
    expect(phone.events.map((e) => e.type)).not.toContain('notification.shown');
  });
});
