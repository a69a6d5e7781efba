import type { FastifyInstance } from 'fastify';
import { buildTokenServer, DEV_CREDENTIALS, loadTokenServerConfig } from '../../src/servers/index.ts';
import { ALICE_SECRET } from './examples.ts';

/** The reference token server in bearer mode with alice's secret configured; not listening. */
export function tokenServerForAlice(): FastifyInstance {
  const config = loadTokenServerConfig({
    TWILIO_ACCOUNT_SID: DEV_CREDENTIALS.accountSid,
    TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
    TWILIO_TWIML_APP_SID: DEV_CREDENTIALS.appSid,
    TOKEN_KIND: 'capability',
    TOKEN_AUTH_MODE: 'bearer',
    TOKEN_API_KEYS: `alice:${ALICE_SECRET}`,
  });
  return buildTokenServer(config);
}
