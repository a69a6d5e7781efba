import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildHelpDesk } from './helpdesk/app.ts';
import { type HelpDeskConfig, loadHelpDeskConfig } from './helpdesk/config.ts';
import type { ServerLogger } from './shared/logger.ts';
import { buildTokenServer } from './token/app.ts';
import { loadTokenServerConfig, type TokenKind, type TokenServerConfig } from './token/config.ts';

/**
 * Fixed development credentials shared by both reference servers and callrig's fake Twilio.
 * @note Not secrets: they only ever sign traffic on loopback, and fixed values keep
 * signatures and tokens reproducible across runs.
 */
export const DEV_CREDENTIALS = Object.freeze({
  accountSid: 'AC00000000000000000000000000000001',
  authToken: '0123456789abcdef0123456789abcdef',
  appSid: 'AP00000000000000000000000000000004',
  apiKeySid: 'SK00000000000000000000000000000005',
  apiKeySecret: 'devApiKeySecret0123456789abcdef',
  pushCredentialSid: 'CR00000000000000000000000000000006',
});

/** Options for {@link startReferenceServers}. */
export interface ReferenceServerOptions {
  readonly tokenPort?: number;
  readonly helpDeskPort?: number;
  /** SQLite file for the callback queue; default: a fresh temp dir, removed on close. */
  readonly dbPath?: string;
  readonly tokenKind?: TokenKind;
  /** Epoch ms; the virtual clock of a scenario. */
  readonly now?: () => number;
  readonly logger?: ServerLogger;
}

/** Both reference servers, listening on 127.0.0.1. */
export interface ReferenceServers {
  readonly tokenUrl: string;
  readonly helpDeskUrl: string;
  readonly configs: { readonly token: TokenServerConfig; readonly helpDesk: HelpDeskConfig };
  readonly apps: { readonly token: FastifyInstance; readonly helpDesk: FastifyInstance };
  close(): Promise<void>;
}

/** Development environment for the two loaders; open token mode, as the brief's endpoint. */
export function referenceEnv(opts: ReferenceServerOptions, dbPath: string): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: DEV_CREDENTIALS.accountSid,
    TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
    TWILIO_TWIML_APP_SID: DEV_CREDENTIALS.appSid,
    TWILIO_API_KEY_SID: DEV_CREDENTIALS.apiKeySid,
    TWILIO_API_KEY_SECRET: DEV_CREDENTIALS.apiKeySecret,
    TWILIO_PUSH_CREDENTIAL_SID: DEV_CREDENTIALS.pushCredentialSid,
    TOKEN_KIND: opts.tokenKind ?? 'capability',
    TOKEN_AUTH_MODE: 'open',
    TOKEN_SERVER_PORT: String(opts.tokenPort ?? 0),
    HELPDESK_DB_PATH: dbPath,
    HELPDESK_PORT: String(opts.helpDeskPort ?? 0),
  };
}

/**
 * Builds and starts the token server and the help desk with {@link DEV_CREDENTIALS}.
 * The help desk has no public URL configured, so it signs-checks against the Host header
 * and points `<Record action>` at whatever address Twilio used.
 *
 * @example
 * const servers = await startReferenceServers();
 * // servers.tokenUrl → http://127.0.0.1:40123/token
 * await servers.close();
 */
export async function startReferenceServers(opts: ReferenceServerOptions = {}): Promise<ReferenceServers> {
  const tempDir = opts.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'callrig-helpdesk-')) : undefined;
  const env = referenceEnv(opts, opts.dbPath ?? join(tempDir as string, 'helpdesk.sqlite'));
  const token = loadTokenServerConfig(env);
  const helpDesk = loadHelpDeskConfig(env);
  const tokenApp = buildTokenServer(token, {
    ...(opts.now ? { now: opts.now } : {}),
    logger: opts.logger ?? false,
  });
  const helpDeskApp = buildHelpDesk(helpDesk, {
    ...(opts.now ? { now: opts.now } : {}),
    logger: opts.logger ?? false,
  });
  const close = async () => {
    await Promise.allSettled([tokenApp.close(), helpDeskApp.close()]);
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    const tokenAddress = await tokenApp.listen({ host: token.host, port: token.port });
    const helpDeskAddress = await helpDeskApp.listen({ host: helpDesk.host, port: helpDesk.port });
    return {
      tokenUrl: `${tokenAddress}/token`,
      helpDeskUrl: helpDeskAddress,
      configs: { token, helpDesk },
      apps: { token: tokenApp, helpDesk: helpDeskApp },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
