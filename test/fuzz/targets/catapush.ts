import { generateKeyPairSync } from 'node:crypto';
import { createIdSource, createVirtualClock } from '../../../src/core/index.ts';
import { buildFakeApns } from '../../../src/push/apns/fake-apns.ts';
import { buildCatapushFake } from '../../../src/push/catapush/plugin.ts';
import type { FuzzTarget } from '../types.ts';
import { httpTarget } from './http-target.ts';

const TOKEN = 'ffffffff0123456789abcdef0123456789abcdef';
const BUNDLE = 'com.example.fuzz';

/** The fake Catapush (REST API and the device SDK doors), wired to a fake APNs. */
export const catapushTarget: FuzzTarget = httpTarget('catapush-fake', 3, async () => {
  const clock = createVirtualClock(Date.now());
  const ids = createIdSource('fuzz-catapush');
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const apns = buildFakeApns({
    clock,
    ids,
    keys: [{ kid: 'FUZZKEY001', teamId: 'FUZZTEAM01', publicKey, topics: [BUNDLE] }],
  });
  await apns.listen();
  const catapush = buildCatapushFake({
    clock,
    ids,
    accounts: [
      {
        id: 'acct-f',
        permanentToken: TOKEN,
        clientId: 'client-f',
        clientSecret: 'secret-f',
        apps: [
          {
            id: 7,
            appKey: 'app-key-7',
            bundleId: BUNDLE,
            iosDeliveryMode: 'voip',
            users: [{ identifier: 'alice', password: 'pw' }],
          },
        ],
      },
    ],
    apns: { urls: apns.urls, ca: apns.certPem, keyId: 'FUZZKEY001', teamId: 'FUZZTEAM01', privateKey },
  });
  const origin = await catapush.listen();
  const login = (await (
    await fetch(`${origin}/__callrig/catapush/device/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appKey: 'app-key-7', identifier: 'alice', password: 'pw' }),
    })
  ).json()) as { session?: string };
  const session = login.session ?? 'none';
  const ops = [
    'login',
    'update-push-token',
    'connect',
    'disconnect',
    'inbox',
    'fetch',
    'ack',
    'read',
    'logout',
  ];
  return {
    origin,
    shape: {
      paths: [
        'POST /1/auth/oauth',
        'POST /1/messages',
        '/1/apps/{appId}/users',
        '/1/apps/{appId}/users/{identifier}',
        ...ops.map((op) => `POST /__callrig/catapush/device/${op}`),
        '/__callrig/catapush/messages/{messageId}',
        '/__callrig/catapush/accounts/{account}/regenerate-token',
        '/{x}',
      ],
      values: {
        appId: ['7', '0', '-1'],
        identifier: ['alice', 'nobody'],
        account: ['acct-f'],
        messageId: ['1'],
      },
      authHeaders: [[['Authorization', `Bearer ${TOKEN}`]]],
      fields: [
        'mobileAppId',
        'recipients',
        'text',
        'notificationText',
        'devicesData',
        'channel',
        'optionalData',
        'client_id',
        'client_secret',
        'grant_type',
        'identifier',
        'password',
        'appKey',
        'session',
        'tokenHex',
        'kind',
        'environment',
        'messageId',
        'deviceInfo',
      ],
      samples: [
        { mobileAppId: 7, recipients: [{ identifier: 'alice' }], text: 'hello' },
        { client_id: 'client-f', client_secret: 'secret-f', grant_type: 'client_credentials' },
        { appKey: 'app-key-7', identifier: 'alice', password: 'pw' },
        { session, kind: 'voip', tokenHex: 'ab'.repeat(32), environment: 'sandbox' },
        { session, messageId: '1' },
        { identifier: 'bob', password: 'pw2' },
      ],
    },
    async close() {
      await catapush.close();
      await apns.close();
    },
  };
});
