import type { FastifyInstance } from 'fastify';
import { CatapushHttpError, CatapushSdkError } from './error-body.ts';
import type { CatapushRuntime } from './runtime.ts';
import type { DeviceSession } from './store.ts';

type Body = Record<string, unknown>;

/**
 * callrig's SDK stand-in under `/__callrig/catapush/` (catapush-apns.md §1.12). The real SDK wire
 * protocol is private; these routes take plain JSON and fail with the SDK's real error codes,
 * answered as `{ sdkCode, message }`.
 */
export function registerDeviceRoutes(app: FastifyInstance, rt: CatapushRuntime): void {
  const { store } = rt;
  const body = (b: unknown): Body => (b && typeof b === 'object' ? (b as Body) : {});
  const sessionOf = (b: Body): DeviceSession => {
    const s = typeof b.session === 'string' ? store.sessions.get(b.session) : undefined;
    if (!s) throw new CatapushSdkError(401, 14011, 'unknown device session (log in first)');
    if (s.replaced)
      throw new CatapushSdkError(
        409,
        11,
        'XMPP_MULTIPLE_LOGIN: another device logged in with this identifier',
      );
    return s;
  };

  app.post('/__callrig/catapush/device/login', async (req) => {
    const b = body(req.body);
    if (typeof b.appKey !== 'string' || typeof b.identifier !== 'string' || typeof b.password !== 'string') {
      throw new CatapushSdkError(
        400,
        24001,
        'malformed login: appKey, identifier and password are required strings',
      );
    }
    const app = [...store.apps.values()].find((a) => a.config.appKey === b.appKey);
    if (!app) throw new CatapushSdkError(404, -10404, 'INVALID_APP_KEY');
    const user = app.users.get(b.identifier);
    if (!user) throw new CatapushSdkError(404, 24042, `unknown or deleted user ${b.identifier}`);
    if (user.password !== b.password) throw new CatapushSdkError(403, -10403, 'WRONG_AUTHENTICATION (24031)');
    const previous = store.sessionFor(app.config.id, b.identifier);
    // @note The newest login wins; the old device gets SDK error 11 on its next call.
    if (previous) previous.replaced = true;
    const s: DeviceSession = {
      sessionId: rt.opts.ids.hex(32),
      appId: app.config.id,
      identifier: b.identifier,
      deviceInfo: typeof b.deviceInfo === 'object' && b.deviceInfo ? (b.deviceInfo as Body) : {},
      pushToken: null,
      connected: false,
      inbox: [],
      replaced: false,
    };
    store.sessions.set(s.sessionId, s);
    store.activeSession.set(`${app.config.id}:${b.identifier}`, s.sessionId);
    return {
      session: s.sessionId,
      mobileAppId: app.config.id,
      iosDeliveryMode: app.config.iosDeliveryMode ?? 'alert',
    };
  });

  app.post('/__callrig/catapush/device/update-push-token', async (req) => {
    const b = body(req.body);
    const s = sessionOf(b);
    if (b.kind !== 'apns' && b.kind !== 'voip')
      throw new CatapushSdkError(400, 12, 'PUSH_TOKEN_UNAVAILABLE: kind must be apns or voip');
    if (typeof b.tokenHex !== 'string' || !/^[0-9a-fA-F]{64,}$/.test(b.tokenHex))
      throw new CatapushSdkError(400, 12, 'PUSH_TOKEN_UNAVAILABLE');
    const environment = b.environment === 'production' ? 'production' : 'sandbox';
    const changed = s.pushToken?.tokenHex !== b.tokenHex.toLowerCase();
    s.pushToken = { kind: b.kind, tokenHex: b.tokenHex.toLowerCase(), environment };
    // @note A new token lets Catapush retry messages whose push bounced off the old one; an
    // unchanged token (every launch re-sends it) must not re-push anything.
    if (changed && !s.connected) rt.redispatchPending(s.appId, s.identifier);
    return { ok: true };
  });

  app.post('/__callrig/catapush/device/connect', async (req) => {
    const s = sessionOf(body(req.body));
    s.connected = true;
    for (const msg of store.messages.values()) {
      const d = msg.deliveries.find((x) => x.identifier === s.identifier && x.status === 'enqueued');
      if (msg.appId === s.appId && d && !s.inbox.includes(msg.messageId)) s.inbox.push(msg.messageId);
    }
    return { status: 1 };
  });

  app.post('/__callrig/catapush/device/disconnect', async (req) => {
    sessionOf(body(req.body)).connected = false;
    return { status: -1 };
  });

  app.post('/__callrig/catapush/device/inbox', async (req) => {
    const s = sessionOf(body(req.body));
    const ids = s.inbox.splice(0);
    return { messages: ids.map((id) => messageView(rt, id, s.identifier)).filter((m) => m !== null) };
  });

  app.post('/__callrig/catapush/device/fetch', async (req) => {
    const b = body(req.body);
    const s = sessionOf(b);
    const m = typeof b.messageId === 'string' ? messageView(rt, b.messageId, s.identifier) : null;
    if (!m)
      throw new CatapushSdkError(404, 404, 'CatapushNoMessagesError: no such message for this identifier');
    return m;
  });

  for (const [op, status] of [
    ['ack', 'delivered'],
    ['read', 'read'],
  ] as const) {
    app.post(`/__callrig/catapush/device/${op}`, async (req) => {
      const b = body(req.body);
      const s = sessionOf(b);
      if (typeof b.messageId !== 'string') throw new CatapushSdkError(400, 15001, 'messageId is required');
      if (status === 'read') rt.advance(b.messageId, s.identifier, 'delivered');
      return { ok: true, changed: rt.advance(b.messageId, s.identifier, status) };
    });
  }

  app.post('/__callrig/catapush/device/logout', async (req) => {
    const s = sessionOf(body(req.body));
    s.connected = false;
    s.pushToken = null;
    store.activeSession.delete(`${s.appId}:${s.identifier}`);
    return { ok: true };
  });

  app.get('/__callrig/catapush/messages/:messageId', async (req) => {
    const msg = store.messages.get((req.params as { messageId: string }).messageId);
    if (!msg) throw new CatapushHttpError(404, 'no such message');
    return { messageId: msg.messageId, mobileAppId: msg.appId, recipients: msg.deliveries };
  });

  app.post('/__callrig/catapush/accounts/:id/regenerate-token', async (req) => {
    const account = store.accounts.get((req.params as { id: string }).id);
    if (!account) throw new CatapushHttpError(404, 'no such account');
    account.permanentToken = rt.opts.ids.hex(40);
    return { permanentToken: account.permanentToken };
  });
}

function messageView(rt: CatapushRuntime, messageId: string, identifier: string) {
  const msg = rt.store.messages.get(messageId);
  const d = msg?.deliveries.find((x) => x.identifier === identifier);
  if (!msg || !d) return null;
  return {
    messageId,
    text: d.text,
    optionalData: msg.body.optionalData ?? null,
    channel: msg.body.channel ?? '',
  };
}
