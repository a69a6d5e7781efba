import { afterEach, describe, expect, it } from 'vitest';
import type { AppBehaviour } from '../../../../src/push/device/context.ts';
import { createSimulatedIphone, type SimulatedIphone } from '../../../../src/push/device/simulated-iphone.ts';
import { h2Connect, h2Request } from '../helpers/h2-client.ts';
import { APP_ID, BUNDLE, type PushRig, sendMessage, startPushRig } from '../helpers/push-rig.ts';

let rig: PushRig | undefined;
afterEach(() => rig?.close());

async function setup(behaviour: AppBehaviour) {
  rig = await startPushRig('voip', 'callkit');
  const phone = createSimulatedIphone({
    bundleId: BUNDLE,
    clock: rig.clock,
    apns: rig.apns,
    catapush: { origin: rig.catapushOrigin, appKey: 'app-key-318', identifier: 'alice', password: 's3cret' },
    behaviour,
  });
  phone.install();
  await phone.launch();
  await phone.terminate();
  await phone.idle();
  return { r: rig, phone };
}

async function settle(r: PushRig, phone: SimulatedIphone) {
  for (let i = 0; i < 3; i++) {
    await r.catapush.runtime.idle();
    await phone.idle();
  }
}

const message = (n: number) => ({
  mobileAppId: APP_ID,
  text: `message ${n}`,
  recipients: [{ identifier: 'alice' }],
});

async function rawVoipPush(r: PushRig, token: string, payload: Record<string, unknown>) {
  const s = h2Connect(r.apns.urls.sandbox, r.apns.certPem);
  try {
    const res = await h2Request(
      s,
      `/3/device/${token}`,
      {
        authorization: `bearer ${r.providerJwt()}`,
        'apns-topic': `${BUNDLE}.voip`,
        'apns-push-type': 'voip',
        'apns-priority': '10',
      },
      JSON.stringify(payload),
    );
    return {
      status: res.status,
      body: res.body ? JSON.parse(res.body) : null,
      apnsId: String(res.headers['apns-id']),
    };
  } finally {
    s.close();
  }
}

describe('the CallKit rule for VoIP pushes (iOS 13+)', () => {
  it('kills an app that shows a banner instead of reporting a call, after the report deadline', async () => {
    const { r, phone } = await setup({ voipPush: { report: 'none' } });
    const sent = await sendMessage(r.catapushOrigin, message(1));
    await settle(r, phone);
    const received = phone.events.find((e) => e.type === 'push.received')!;
    const killed = phone.events.find((e) => e.type === 'app.killed');
    expect(killed).toMatchObject({ code: 'CALLRIG_CALLKIT_NOT_REPORTED' });
    expect(killed && 'message' in killed ? killed.message : '').toMatch(
      /Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push \(0xbaadca11\): no CallKit report within 5000 ms/,
    );
    expect(killed!.at - received.at).toBe(5000);
    expect(phone.events.filter((e) => e.type === 'catapush.acked')).toEqual([]);
    expect(r.apns.attempts.at(-1)?.status).toBe(200);
    const status = await (
      await fetch(`${r.catapushOrigin}/__callrig/catapush/messages/${sent.json.messageId}`)
    ).json();
    expect(status.recipients[0].status).toBe('enqueued');
    expect(phone.voipStrikes).toBe(1);
  });

  it('kills the app when the PushKit completion comes before the report', async () => {
    const { r, phone } = await setup({ voipPush: { report: 'after-completion' } });
    await sendMessage(r.catapushOrigin, message(1));
    await settle(r, phone);
    const killed = phone.events.find((e) => e.type === 'app.killed');
    expect(killed && 'message' in killed ? killed.message : '').toMatch(
      /completion was called before any CallKit report/,
    );
  });

  it('kills the app when it did not register with PushKit on the background launch', async () => {
    const { r, phone } = await setup({ registerPushKitOnLaunch: false, voipPush: { report: 'callkit' } });
    await sendMessage(r.catapushOrigin, message(1));
    await settle(r, phone);
    const killed = phone.events.find((e) => e.type === 'app.killed');
    expect(killed && 'message' in killed ? killed.message : '').toMatch(/had not registered with PushKit/);
  });

  it('stops VoIP delivery to the terminated app after three strikes; APNs still answers 200; reinstall clears it', async () => {
    const { r, phone } = await setup({ voipPush: { report: 'none' } });
    for (let n = 1; n <= 3; n++) {
      await sendMessage(r.catapushOrigin, message(n));
      await settle(r, phone);
    }
    expect(
      phone.events.filter((e) => e.type === 'voip.strike').map((e) => ('strikes' in e ? e.strikes : 0)),
    ).toEqual([1, 2, 3]);
    expect(phone.voipLaunchBlocked).toBe(true);

    await sendMessage(r.catapushOrigin, message(4));
    await settle(r, phone);
    expect(r.apns.attempts.at(-1)).toMatchObject({ status: 200, delivered: true });
    const dropped = phone.events.at(-1);
    expect(dropped).toMatchObject({ type: 'push.dropped', code: 'CALLRIG_VOIP_DELIVERY_STOPPED' });
    expect(dropped && 'message' in dropped ? dropped.message : '').toMatch(
      /failed to report an incoming call too many times/,
    );
    expect(phone.events.filter((e) => e.type === 'app.launched')).toHaveLength(4); // 1 user + 3 push launches

    // A running app still receives VoIP pushes.
    await phone.launch();
    await settle(r, phone);
    const foreground = await rawVoipPush(r, phone.pushKitToken!, {
      twi_message_type: 'twilio.voice.call',
      twi_call_sid: `CA${'1'.repeat(32)}`,
    });
    await settle(r, phone);
    expect(
      phone.events.find((e) => e.type === 'push.received' && e.apnsId === foreground.apnsId),
    ).toMatchObject({ appState: 'foreground' });
    expect(phone.events.some((e) => e.type === 'push.dropped' && e.apnsId === foreground.apnsId)).toBe(false);

    const oldToken = phone.pushKitToken!;
    await phone.reinstall();
    await phone.idle();
    expect([phone.voipStrikes, phone.voipLaunchBlocked]).toEqual([0, false]);
    expect(phone.pushKitToken).not.toBe(oldToken);
    const stale = await rawVoipPush(r, oldToken, { a: 1 });
    expect(stale).toMatchObject({ status: 410, body: { reason: 'Unregistered', timestamp: r.clock.now() } });
  });

  it('passes an app that reports within the deadline and resets strikes (consecutive mode)', async () => {
    const { r, phone } = await setup({ voipPush: { report: 'callkit', reportDelayMs: 4999 } });
    await sendMessage(r.catapushOrigin, message(1));
    await settle(r, phone);
    expect(phone.events.map((e) => e.type)).toContain('callkit.reported');
    expect(phone.events.map((e) => e.type)).not.toContain('app.killed');
    expect(phone.state).toBe('background');
  });

  it('tolerates a missing report from an app linked against an SDK older than iOS 13, with a warning', async () => {
    rig = await startPushRig('voip', 'legacy');
    const phone = createSimulatedIphone({
      bundleId: BUNDLE,
      clock: rig.clock,
      apns: rig.apns,
      catapush: {
        origin: rig.catapushOrigin,
        appKey: 'app-key-318',
        identifier: 'alice',
        password: 's3cret',
      },
      linkedSdk: 12,
      behaviour: { voipPush: { report: 'none' } },
    });
    phone.install();
    await phone.launch();
    await phone.terminate();
    await sendMessage(rig.catapushOrigin, message(1));
    await settle(rig, phone);
    expect(phone.events.map((e) => e.type)).not.toContain('app.killed');
    expect(phone.events.find((e) => e.type === 'warning')).toMatchObject({
      message: expect.stringMatching(/iOS 12 SDK/),
    });
    expect(phone.events.map((e) => e.type)).toContain('catapush.acked');
  });
});
