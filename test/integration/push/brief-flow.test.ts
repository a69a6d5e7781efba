import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulatedIphone, type SimulatedIphone } from '../../../src/push/device/simulated-iphone.ts';
import type { CatapushDeliveryMode } from '../../../src/push/types.ts';
import { buildTokenServer } from '../../../src/servers/token/app.ts';
import { loadTokenServerConfig } from '../../../src/servers/token/config.ts';
import { APP_ID, BUNDLE, type PushRig, sendMessage, startPushRig } from './helpers/push-rig.ts';
import { twilioConnectStub } from './helpers/twilio-stub.ts';

const AUTH_TOKEN = '0123456789abcdef0123456789abcdef';
const APP_SID = `AP${'b'.repeat(32)}`;

let rig: PushRig | undefined;
let tokenServer: FastifyInstance | undefined;
afterEach(async () => {
  await tokenServer?.close();
  await rig?.close();
});

/** Brings up the brief's world: fakes, the reference token server (capability token, open mode), the phone. */
async function world(mode: CatapushDeliveryMode) {
  rig = await startPushRig(mode, `brief-${mode}`);
  const config = loadTokenServerConfig({
    TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: AUTH_TOKEN,
    TWILIO_TWIML_APP_SID: APP_SID,
    TOKEN_KIND: 'capability',
    TOKEN_AUTH_MODE: 'open',
  });
  tokenServer = buildTokenServer(config, { now: rig.clock.now });
  const tokenOrigin = await tokenServer.listen({ port: 0, host: '127.0.0.1' });
  const twilio = twilioConnectStub(AUTH_TOKEN);
  const phone = createSimulatedIphone({
    bundleId: BUNDLE,
    clock: rig.clock,
    apns: rig.apns,
    catapush: { origin: rig.catapushOrigin, appKey: 'app-key-318', identifier: 'alice', password: 's3cret' },
    tokenServerUrl: `${tokenOrigin}/token`,
    twilio,
    behaviour: {
      voipPush: { report: 'callkit', reportDelayMs: 200, placeCall: { params: { ticket: '42' } } },
    },
  });
  return { rig, phone, twilio };
}

async function settle(r: PushRig, phone: SimulatedIphone) {
  for (let i = 0; i < 3; i++) {
    await r.catapush.runtime.idle();
    await phone.idle();
  }
}

describe("the brief's flow: Catapush message → VoIP push → CallKit → token → help-desk call", () => {
  it('voip mode wakes the terminated app, reports the call, fetches a token and places the call', async () => {
    const { rig: r, phone, twilio } = await world('voip');
    phone.install();
    await phone.launch();
    await phone.terminate();
    await settle(r, phone);
    expect(phone.events.find((e) => e.type === 'catapush.registered')).toMatchObject({
      tokenKind: 'voip',
      token: phone.pushKitToken,
    });

    const sent = await sendMessage(r.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'Your ticket #42 was answered',
      recipients: [{ identifier: 'alice' }],
      messageRef: 'ticket-42',
    });
    expect(sent.status).toBe(201);
    expect(sent.json).toEqual({
      messageId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
      mobileAppId: APP_ID,
      text: 'Your ticket #42 was answered',
    });
    await settle(r, phone);

    const attempt = r.apns.attempts.at(-1);
    expect(attempt).toMatchObject({
      status: 200,
      topic: `${BUNDLE}.voip`,
      pushType: 'voip',
      priority: '10',
      token: phone.pushKitToken,
      delivered: true,
    });
    const afterSend = phone.events.slice(phone.events.findIndex((e) => e.type === 'push.received'));
    expect(afterSend.map((e) => e.type)).toEqual([
      'push.received',
      'app.launched',
      'app.state',
      'pushkit.registered',
      'callkit.reported',
      'pushkit.completion',
      'catapush.acked',
      'token.fetched',
      'call.connecting',
      'call.connected',
    ]);
    expect(afterSend[0]).toMatchObject({
      appState: 'terminated',
      catapushId: sent.json.messageId,
      pushType: 'voip',
    });
    expect(afterSend[1]).toMatchObject({ reason: 'voip-push', state: 'background' });
    expect(afterSend[4]!.at - afterSend[0]!.at).toBe(200);
    expect(afterSend[7]).toMatchObject({ tokenKind: 'capability' });
    expect(afterSend[9]).toMatchObject({
      callSid: 'CA00000000000000000000000000000001',
      status: 'completed',
    });
    expect(twilio.calls[0]).toMatchObject({ params: { ticket: '42' } });
    expect(String(twilio.calls[0]!.claims.scope)).toContain(`appSid=${APP_SID}`);

    expect(r.hooks.map((h) => (h.body as { status: string }).status)).toEqual(['enqueued', 'delivered']);
    expect(r.hooks[1]!.headers['user-agent']).toBe('Catapush');
    expect(r.hooks[1]!.body).toMatchObject({
      type: 'MessageStatus',
      applicationId: APP_ID,
      messageId: sent.json.messageId,
      recipient: 'alice',
      messageRef: 'ticket-42',
    });
    const status = await (
      await fetch(`${r.catapushOrigin}/__callrig/catapush/messages/${sent.json.messageId}`)
    ).json();
    // @note APNs's 200 and the device's ack race each other, as on the real services.
    expect(status.recipients[0].history.map((h: { status: string }) => h.status).sort()).toEqual([
      'delivered',
      'enqueued',
      'sent',
    ]);
    expect(status.recipients[0].status).toBe('delivered');
  });

  it('alert mode shows a notification through the NSE but never wakes the terminated app into a call', async () => {
    const { rig: r, phone, twilio } = await world('alert');
    phone.install();
    await phone.launch();
    await phone.terminate();
    await settle(r, phone);
    expect(phone.events.find((e) => e.type === 'catapush.registered')).toMatchObject({
      tokenKind: 'apns',
      token: phone.apnsToken,
    });

    const sent = await sendMessage(r.catapushOrigin, {
      mobileAppId: APP_ID,
      text: 'Your ticket #42 was answered',
      recipients: [{ identifier: 'alice' }],
      devicesData: { ios: { alert: 'New support message' } },
    });
    expect(sent.status).toBe(201);
    await settle(r, phone);

    expect(r.apns.attempts.at(-1)).toMatchObject({
      status: 200,
      topic: BUNDLE,
      pushType: 'alert',
      token: phone.apnsToken,
    });
    const afterSend = phone.events.slice(phone.events.findIndex((e) => e.type === 'push.received'));
    expect(afterSend.map((e) => e.type)).toEqual([
      'push.received',
      'catapush.acked',
      'nse.ran',
      'notification.shown',
    ]);
    expect(afterSend.at(-1)).toMatchObject({ via: 'nse', text: 'Your ticket #42 was answered' });
    expect(phone.state).toBe('terminated');
    expect(twilio.calls).toHaveLength(0);
    expect(r.hooks.map((h) => (h.body as { status: string }).status)).toEqual(['enqueued', 'delivered']);
  });

  it('is deterministic: the same seed gives the same tokens, message id and device timeline', async () => {
    const run = async () => {
      const { rig: r, phone } = await world('voip');
      phone.install();
      await phone.launch();
      await phone.terminate();
      await settle(r, phone);
      const sent = await sendMessage(r.catapushOrigin, {
        mobileAppId: APP_ID,
        text: 'same',
        recipients: [{ identifier: 'alice' }],
      });
      await settle(r, phone);
      // Ports are ephemeral; everything else must match.
      const out = {
        messageId: sent.json.messageId,
        events: JSON.stringify(phone.events).replace(/127\.0\.0\.1:\d+/g, 'host'),
      };
      await tokenServer?.close();
      await r.close();
      tokenServer = undefined;
      rig = undefined;
      return out;
    };
    const first = await run();
    const second = await run();
    expect(JSON.parse(second.events)).toEqual(JSON.parse(first.events));
    expect(second.messageId).toBe(first.messageId);
    expect(first.events).toContain('call.connected');
  });
});
