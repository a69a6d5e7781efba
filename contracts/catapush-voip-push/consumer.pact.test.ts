import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { createIdSource, createVirtualClock } from '../../src/core/index.ts';
import { DeviceRegistry } from '../../src/push/apns/device-registry.ts';
import { createSimulatedIphone } from '../../src/push/device/simulated-iphone.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { BUNDLE_ID, DEFAULT_ALERT, MESSAGE_ID, PUSH_STATES, VOIP_PUSH } from './examples.ts';

const { regex, string, uuid } = MatchersV3;

const pact = new PactV4({ consumer: PACTICIPANTS.app, provider: PACTICIPANTS.catapush, dir: PACT_DIR });

/**
 * Hands one push to a freshly installed simulated iPhone, as the fake APNs does, and returns
 * the device's timeline once its PushKit handler has finished.
 */
async function deliverToIphone(payload: Record<string, unknown>, topic: string) {
  const clock = createVirtualClock();
  const devices = new DeviceRegistry(clock, createIdSource('contracts'));
  // @note No Catapush SDK login in this test: the push handler alone is under test, so the
  // message ack (an SDK call) is switched off rather than reported as an SDK error.
  const phone = createSimulatedIphone({
    bundleId: BUNDLE_ID,
    clock,
    apns: { devices },
    behaviour: { voipPush: { ackCatapush: false } },
  });
  phone.install();
  const token = phone.pushKitToken;
  if (token === null) throw new Error('the simulated iPhone has no PushKit token after install()');
  const delivered = devices.deliver({
    apnsId: '00000000-0000-4000-8000-000000000001',
    topic,
    pushType: 'voip',
    priority: 10,
    environment: 'sandbox',
    token,
    payload,
    at: clock.now(),
  });
  await phone.idle();
  return { delivered, events: phone.events };
}

describe('catapush → ios-app (VoIP push payload)', () => {
  it('wakes the app, which reports the call to CallKit', async () => {
    await pact
      .addAsynchronousInteraction()
      .given(PUSH_STATES.messageForAlice)
      .expectsToReceive(VOIP_PUSH, (b) =>
        b
          .withJSONContent({
            aps: { alert: string(DEFAULT_ALERT) },
            sender: 'catapush',
            catapushID: uuid(MESSAGE_ID),
          })
          .withMetadata({
            'apns-topic': regex('^[A-Za-z0-9.-]+\\.voip$', `${BUNDLE_ID}.voip`),
            'apns-push-type': 'voip',
            'apns-priority': '10',
          }),
      )
      .executeTest(async (m) => {
        const message = m as unknown as {
          contents: { content: Record<string, unknown> };
          metadata: Record<string, string>;
        };
        const { delivered, events } = await deliverToIphone(
          message.contents.content,
          String(message.metadata['apns-topic']),
        );
        expect(delivered).toBe(true);
        expect(events.find((e) => e.type === 'push.received')).toMatchObject({
          pushType: 'voip',
          catapushId: MESSAGE_ID,
        });
        expect(events.map((e) => e.type)).toContain('callkit.reported');
        expect(events.map((e) => e.type)).not.toContain('app.killed');
      });
  });
});
