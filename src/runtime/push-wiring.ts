import { generateKeyPairSync } from 'node:crypto';
import type { Clock } from '../core/clock/clock.ts';
import type { IdSource } from '../core/ids/id-source.ts';
import { buildFakeApns, type FakeApns } from '../push/apns/fake-apns.ts';
import { buildCatapushFake, type CatapushFake } from '../push/catapush/plugin.ts';
import type { AppBehaviour } from '../push/device/context.ts';
import { createSimulatedIphone, type SimulatedIphone } from '../push/device/simulated-iphone.ts';
import type { TwilioConnectPort } from '../push/device/twilio-connect.ts';
import { tokenRequestHeaders } from './reference-servers.ts';
import type { Config } from './types.ts';

/** The key id and team Catapush's provider token is signed with (fixed: it is not a secret). */
const CATAPUSH_KEY_ID = 'CATAPUSH01';
const CATAPUSH_TEAM_ID = 'CALLRIG001';

/**
 * The fake APNs and the fake Catapush, linked: Catapush signs provider tokens with a key the
 * fake APNs trusts for the app's bundle id. Neither listens yet.
 */
export function buildPushSide(
  config: Readonly<Config>,
  clock: Clock,
  ids: { apns: IdSource; catapush: IdSource },
): { apns: FakeApns; catapush: CatapushFake } {
  const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const apns = buildFakeApns({
    clock,
    ids: ids.apns,
    keys: [
      {
        kid: CATAPUSH_KEY_ID,
        teamId: CATAPUSH_TEAM_ID,
        publicKey: key.publicKey,
        topics: [config.device.bundleId],
      },
    ],
  });
  const c = config.catapush;
  const catapush = buildCatapushFake({
    clock,
    ids: ids.catapush,
    accounts: [
      {
        id: 'callrig-account',
        permanentToken: c.permanentToken,
        clientId: 'callrig-client',
        clientSecret: 'callrig-client-secret',
        apps: [
          {
            id: c.appId,
            appKey: c.appKey,
            bundleId: config.device.bundleId,
            iosDeliveryMode: config.device.catapushMode,
            environment: config.device.environment,
            users: [{ identifier: config.device.identity, password: c.password }],
          },
        ],
      },
    ],
    apns: {
      // @note Getters: the APNs ports are known only once it listens, after this is built.
      urls: {
        get sandbox() {
          return apns.urls.sandbox;
        },
        get production() {
          return apns.urls.production;
        },
      },
      ca: apns.certPem,
      keyId: CATAPUSH_KEY_ID,
      teamId: CATAPUSH_TEAM_ID,
      privateKey: key.privateKey,
    },
  });
  return { apns, catapush };
}

/** The app's scripted behaviour, from the device config. */
export function appBehaviour(config: Readonly<Config>): AppBehaviour {
  const app = config.device.app;
  return {
    registerPushKitOnLaunch: app.registersPushKit,
    voipPush: {
      report: app.reportsToCallKit ? 'callkit' : 'none',
      // @note The woken app places the brief's call with an empty caller script: the caller
      // stays silent, so the help desk falls through to "I did not receive any message."
      placeCall:
        app.onPush === 'call' ? { caller: [], tokenRequestHeaders: tokenRequestHeaders(config) } : false,
    },
  };
}

/** The simulated iPhone with the help-desk app installed (not launched). */
export function buildPhone(
  config: Readonly<Config>,
  clock: Clock,
  apns: FakeApns,
  urls: { catapush: string; token: string },
  twilio: TwilioConnectPort,
): SimulatedIphone {
  const d = config.device;
  const phone = createSimulatedIphone({
    id: d.id,
    bundleId: d.bundleId,
    environment: d.environment,
    clock,
    apns,
    // @note Without Catapush options the phone has no Catapush client: launch registers PushKit
    // and nothing else, as an app that never calls the Catapush SDK.
    ...(d.catapushLogin
      ? {
          catapush: {
            origin: urls.catapush,
            appKey: config.catapush.appKey,
            identifier: d.identity,
            password: config.catapush.password,
          },
        }
      : {}),
    tokenServerUrl: urls.token,
    twilio,
    behaviour: appBehaviour(config),
    notificationsAllowed: d.notificationsAllowed,
    iosVersion: d.iosVersion,
    rules: d.rules,
  });
  phone.install();
  return phone;
}
