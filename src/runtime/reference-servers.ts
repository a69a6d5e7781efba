import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../core/clock/clock.ts';
import { buildHelpDesk } from '../servers/helpdesk/app.ts';
import { loadHelpDeskConfig } from '../servers/helpdesk/config.ts';
import { referenceEnv } from '../servers/reference.ts';
import type { ServerLogger } from '../servers/shared/logger.ts';
import { buildTokenServer } from '../servers/token/app.ts';
import { loadTokenServerConfig, type TokenServerConfig } from '../servers/token/config.ts';
import { BEARER_SECRET, variantEnv } from './builtin-variants.ts';
import type { Config, ReceivedRequest } from './types.ts';

/** Header the runner puts on its own requests (GET /callbacks…), so they are not "received". */
export const RUNNER_HEADER = 'x-callrig-runner';

export interface BuiltinServers {
  token?: FastifyInstance;
  helpdesk?: FastifyInstance;
  tokenConfig?: TokenServerConfig;
  /** Removes the help desk's temporary SQLite folder. */
  cleanup(): void;
}

/**
 * Builds the reference token server and help desk the config asks for, not listening, with
 * a fresh SQLite callback queue in a temp folder and an onResponse hook recording requests.
 */
export function buildBuiltinServers(
  config: Readonly<Config>,
  clock: Clock,
  received: ReceivedRequest[],
  logger: ServerLogger = false,
): BuiltinServers {
  const tempDir =
    config.servers.helpdesk.kind === 'builtin' ? mkdtempSync(join(tmpdir(), 'callrig-helpdesk-')) : undefined;
  const env = {
    ...referenceEnv(
      { tokenKind: config.device.tokenKind },
      tempDir ? join(tempDir, 'helpdesk.sqlite') : ':memory:',
    ),
    // @note The scenario's account (not only DEV_CREDENTIALS) signs tokens and webhooks.
    TWILIO_ACCOUNT_SID: config.twilio.accountSid,
    TWILIO_TWIML_APP_SID: config.twilio.appSid,
    TWILIO_API_KEY_SID: config.twilio.apiKeySid,
    TWILIO_API_KEY_SECRET: config.twilio.apiKeySecret,
    TWILIO_PUSH_CREDENTIAL_SID: config.twilio.pushCredentialSid,
  };
  const variantOf = (s: Config['servers']['token']) => (s.kind === 'builtin' ? s.variant : undefined);
  const identity = config.device.identity;
  const now = () => clock.now();
  const out: BuiltinServers = {
    cleanup: () => {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
  if (config.servers.token.kind === 'builtin') {
    out.tokenConfig = loadTokenServerConfig({
      ...env,
      ...variantEnv('token', variantOf(config.servers.token), identity),
    });
    out.token = buildTokenServer(out.tokenConfig, { now, logger });
    record(out.token, 'token', clock, received);
  }
  if (config.servers.helpdesk.kind === 'builtin') {
    const helpdeskEnv = { ...env, ...variantEnv('helpdesk', variantOf(config.servers.helpdesk), identity) };
    out.helpdesk = buildHelpDesk(loadHelpDeskConfig(helpdeskEnv), { now, logger });
    record(out.helpdesk, 'helpdesk', clock, received);
  }
  return out;
}

/**
 * Headers the app (and the runner acting as the app) sends to the token server: the user's
 * configured headers, or the bearer secret of the builtin `bearer-auth` variant.
 */
export function tokenRequestHeaders(config: Readonly<Config>): Record<string, string> {
  const s = config.servers.token;
  if (s.kind === 'url') return { ...s.headers };
  return s.variant === 'bearer-auth' ? { authorization: `Bearer ${BEARER_SECRET}` } : {};
}

function record(
  app: FastifyInstance,
  server: ReceivedRequest['server'],
  clock: Clock,
  received: ReceivedRequest[],
): void {
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers[RUNNER_HEADER] !== undefined) return;
    received.push({
      server,
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      params: paramsOf(request),
      status: reply.statusCode,
      at: clock.now(),
    });
  });
}

/** Form or JSON body fields, else query parameters; repeated names keep the first value. */
function paramsOf(request: FastifyRequest): Record<string, string> {
  const source = request.body && typeof request.body === 'object' ? request.body : request.query;
  const out: Record<string, string> = {};
  if (!source || typeof source !== 'object') return out;
  for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
    const first = Array.isArray(v) ? v[0] : v;
    out[k] = typeof first === 'string' ? first : JSON.stringify(first);
  }
  return out;
}
