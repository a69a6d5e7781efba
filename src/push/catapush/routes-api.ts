import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CatapushHttpError } from './error-body.ts';
import type { CatapushRuntime } from './runtime.ts';
import { rfc3339 } from './store.ts';
import { validateSendMessage } from './validate-message.ts';

type Params = Record<string, unknown>;

/** The public REST API under `/1/` (catapush-apns.md §1.3–1.7). */
export function registerApiRoutes(app: FastifyInstance, rt: CatapushRuntime): void {
  const { store } = rt;
  const now = () => rt.opts.clock.now();

  /** Bearer header or `access_token` query/form parameter; 401 + WWW-Authenticate otherwise. */
  const authenticate = (req: FastifyRequest): string => {
    const header = req.headers.authorization;
    const fromHeader = header && /^bearer\s+(\S+)$/i.exec(header)?.[1];
    const q = req.query as Params;
    const b = req.body as Params | undefined;
    const token =
      fromHeader ||
      (typeof q?.access_token === 'string' ? q.access_token : undefined) ||
      (b && typeof b === 'object' && typeof b.access_token === 'string' ? b.access_token : undefined);
    const accountId = token ? store.accountForToken(token, now()) : null;
    if (!accountId)
      throw new CatapushHttpError(401, token ? 'access token is unknown or expired' : 'no access token');
    return accountId;
  };

  const appOf = (accountId: string, raw: string) => {
    const app = store.apps.get(Number(raw));
    if (!/^\d+$/.test(raw) || !app || app.accountId !== accountId)
      throw new CatapushHttpError(404, `app ${raw}: no such app`);
    return app;
  };

  app.post('/1/auth/oauth', async (req, reply) => {
    const p = { ...(req.query as Params), ...((req.body as Params | undefined) ?? {}) };
    const oauthError = (error: string, description: string) =>
      new CatapushHttpError(400, description, [], { error, error_description: description });
    for (const k of ['client_id', 'client_secret', 'grant_type']) {
      if (typeof p[k] !== 'string' || p[k] === '')
        throw oauthError('invalid_request', `missing parameter ${k}`);
    }
    if (p.grant_type !== 'client_credentials')
      throw oauthError('unsupported_grant_type', 'grant_type must be client_credentials');
    const account = [...store.accounts.values()].find((a) => a.clientId === p.client_id);
    if (!account || account.clientSecret !== p.client_secret)
      throw oauthError('invalid_client', 'unknown client or wrong secret');
    const token = rt.opts.ids.hex(40);
    store.oauthTokens.set(token, {
      accountId: account.id,
      expiresAt: now() + rt.opts.oauthTokenTtlSeconds * 1000,
    });
    return reply.send({
      access_token: token,
      token_type: 'Bearer',
      expires_in: rt.opts.oauthTokenTtlSeconds,
      scope: null,
    });
  });

  app.post('/1/messages', async (req, reply) => {
    const accountId = authenticate(req);
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type))
      throw new CatapushHttpError(415, `Content-Type ${type || '(none)'} is not supported`);
    const v = validateSendMessage(req.body);
    if (!v.ok) {
      const first = v.errors[0]!;
      throw new CatapushHttpError(rt.opts.validationStatus, `${first.field}: ${first.message}`, v.errors);
    }
    for (const w of v.warnings) req.log.warn(w);
    const msg = rt.accept(accountId, v.body);
    return reply.code(201).send({
      messageId: msg.messageId,
      createdAt: rfc3339(msg.createdAt),
      mobileAppId: msg.appId,
      text: msg.body.text,
    });
  });

  app.get('/1/apps/:appId/users', async (req) => {
    const a = appOf(authenticate(req), (req.params as { appId: string }).appId);
    const users = [...a.users.values()].map((u) => ({
      identifier: u.identifier,
      createdAt: rfc3339(u.createdAt),
    }));
    return { users, total: users.length };
  });

  app.post('/1/apps/:appId/users', async (req, reply) => {
    const a = appOf(authenticate(req), (req.params as { appId: string }).appId);
    const b = (req.body ?? {}) as Params;
    const errors = ['identifier', 'password']
      .filter((k) => typeof b[k] !== 'string' || (b[k] as string).length < 1 || (b[k] as string).length > 255)
      .map((field) => ({ field, message: 'must be a string of 1–255 characters' }));
    if (errors.length > 0)
      throw new CatapushHttpError(
        rt.opts.validationStatus,
        `${errors[0]!.field}: ${errors[0]!.message}`,
        errors,
      );
    const identifier = b.identifier as string;
    if (a.users.has(identifier)) throw new CatapushHttpError(409, `identifier ${identifier} already exists`);
    a.users.set(identifier, { identifier, password: b.password as string, createdAt: now() });
    return reply.code(201).send({ identifier, createdAt: rfc3339(now()) });
  });

  app.get('/1/apps/:appId/users/:identifier', async (req) => {
    const { appId, identifier } = req.params as { appId: string; identifier: string };
    const u = appOf(authenticate(req), appId).users.get(identifier);
    if (!u) throw new CatapushHttpError(404, `identifier ${identifier}: not found`);
    return { identifier: u.identifier, createdAt: rfc3339(u.createdAt) };
  });

  app.delete('/1/apps/:appId/users/:identifier', async (req, reply) => {
    const { appId, identifier } = req.params as { appId: string; identifier: string };
    const a = appOf(authenticate(req), appId);
    if (!a.users.delete(identifier)) throw new CatapushHttpError(404, `identifier ${identifier}: not found`);
    return reply.code(204).send();
  });
}
