import Fastify, { type FastifyInstance } from 'fastify';
import type { Clock } from '../../../../src/core/clock/clock.ts';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import { buildFakeApns, type FakeApns } from '../../../../src/push/apns/fake-apns.ts';
import { buildCatapushFake, type CatapushFake } from '../../../../src/push/catapush/plugin.ts';
import type { CatapushDeliveryMode } from '../../../../src/push/types.ts';
import { p8Key, providerJwt } from './jwt.ts';
import { testClock } from './test-clock.ts';

export const BUNDLE = 'com.example.helpdesk';
export const APP_ID = 318;
export const PERMANENT_TOKEN = '9f2c4e0a1b3d5f7e9a8c6b4d2f0e1a3c5b7d9f1e';

export interface StatusHook {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  query: unknown;
}

export interface PushRig {
  clock: Clock & { advance(ms: number): void };
  apns: FakeApns;
  catapush: CatapushFake;
  catapushOrigin: string;
  hooks: StatusHook[];
  hookServer: FastifyInstance;
  hookOrigin: string;
  /** Answer the status hook with this code (default 200). */
  hookStatus: { code: number };
  /** The provider key Catapush signs with, for tests that push directly (Twilio-like pushes). */
  providerJwt(): string;
  close(): Promise<void>;
}

/** Fake APNs + fake Catapush (one account, one app, users alice/bob) + a MessageStatus receiver. */
export async function startPushRig(mode: CatapushDeliveryMode, seed = 'rig'): Promise<PushRig> {
  const clock = testClock();
  const ids = createIdSource(seed);
  const key = p8Key();
  const apns = buildFakeApns({
    clock,
    ids,
    keys: [{ kid: 'CATAPUSH01', teamId: 'TEAM000001', publicKey: key.publicKey, topics: [BUNDLE] }],
  });
  await apns.listen();
  const hooks: StatusHook[] = [];
  const hookStatus = { code: 200 };
  const hookServer = Fastify();
  hookServer.register(import('@fastify/formbody'));
  hookServer.route({
    method: ['GET', 'POST'],
    url: '/status',
    handler: async (req, reply) => {
      hooks.push({
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: req.body,
        query: req.query,
      });
      return reply.code(hookStatus.code).send('ok');
    },
  });
  const hookOrigin = await hookServer.listen({ port: 0, host: '127.0.0.1' });
  const catapush = buildCatapushFake({
    clock,
    ids,
    accounts: [
      {
        id: 'acct-1',
        permanentToken: PERMANENT_TOKEN,
        clientId: 'client-1',
        clientSecret: 'secret-1',
        apps: [
          {
            id: APP_ID,
            appKey: 'app-key-318',
            bundleId: BUNDLE,
            iosDeliveryMode: mode,
            statusWebhook: { url: `${hookOrigin}/status` },
            users: [
              { identifier: 'alice', password: 's3cret' },
              { identifier: 'bob', password: 'b0b' },
            ],
          },
        ],
      },
      {
        id: 'acct-2',
        permanentToken: 'a'.repeat(40),
        clientId: 'client-2',
        clientSecret: 'secret-2',
        apps: [{ id: 999, appKey: 'k999', bundleId: 'com.other.app' }],
      },
    ],
    apns: {
      urls: apns.urls,
      ca: apns.certPem,
      keyId: 'CATAPUSH01',
      teamId: 'TEAM000001',
      privateKey: key.privateKey,
    },
    webhook: { retryDelaysSeconds: [10, 60, 300], timeoutMs: 2000 },
  });
  const catapushOrigin = await catapush.listen();
  return {
    clock,
    apns,
    catapush,
    catapushOrigin,
    hooks,
    hookServer,
    hookOrigin,
    hookStatus,
    providerJwt: () => providerJwt(key.privateKey, 'CATAPUSH01', 'TEAM000001', Math.floor(Date.now() / 1000)),
    async close() {
      await catapush.close();
      await hookServer.close();
      await apns.close();
    },
  };
}

/** `POST /1/messages` as a customer backend would send it. */
export async function sendMessage(
  origin: string,
  body: unknown,
  token = PERMANENT_TOKEN,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${origin}/1/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
