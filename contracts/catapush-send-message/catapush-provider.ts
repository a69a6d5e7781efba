import { generateKeyPairSync } from 'node:crypto';
import { createIdSource, createVirtualClock } from '../../src/core/index.ts';
import { buildFakeApns } from '../../src/push/apns/fake-apns.ts';
import { buildCatapushFake } from '../../src/push/catapush/plugin.ts';
import { ACCESS_TOKEN, APP_ID } from './examples.ts';

/** callrig's fake Catapush (with the fake APNs it pushes through), listening on 127.0.0.1. */
export interface RunningCatapush {
  readonly url: string;
  /** Provider state "app 318 has a user alice": (re)creates alice in the app. */
  ensureAlice(): void;
  close(): Promise<void>;
}

/** Starts the fake Catapush with one account (ACCESS_TOKEN) and app 318, in voip mode. */
export async function startCatapush(): Promise<RunningCatapush> {
  const clock = createVirtualClock();
  const ids = createIdSource('contracts');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const apns = buildFakeApns({
    clock,
    ids,
    keys: [{ kid: 'CATAPUSH01', teamId: 'TEAM000001', publicKey, topics: ['com.example.helpdesk'] }],
  });
  await apns.listen();
  const catapush = buildCatapushFake({
    clock,
    ids,
    accounts: [
      {
        id: 'acct-1',
        permanentToken: ACCESS_TOKEN,
        clientId: 'client-1',
        clientSecret: 'secret-1',
        apps: [
          { id: APP_ID, appKey: 'app-key-318', bundleId: 'com.example.helpdesk', iosDeliveryMode: 'voip' },
        ],
      },
    ],
    apns: { urls: apns.urls, ca: apns.certPem, keyId: 'CATAPUSH01', teamId: 'TEAM000001', privateKey },
  });
  const url = await catapush.listen();
  return {
    url,
    ensureAlice() {
      const app = catapush.runtime.store.apps.get(APP_ID);
      if (!app) throw new Error(`fake Catapush has no app ${APP_ID}`);
      if (!app.users.has('alice'))
        app.users.set('alice', { identifier: 'alice', password: 's3cret', createdAt: clock.now() });
    },
    async close() {
      await catapush.close();
      await apns.close();
    },
  };
}
