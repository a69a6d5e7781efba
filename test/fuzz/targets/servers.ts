import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import twilio from 'twilio';
import {
  buildHelpDesk,
  buildTokenServer,
  loadHelpDeskConfig,
  loadTokenServerConfig,
} from '../../../src/servers/index.ts';
import type { FuzzTarget } from '../types.ts';
import { httpTarget } from './http-target.ts';

const AUTH = '0123456789abcdef0123456789abcdef';
const SECRET = 'fuzz-bearer-secret-0123456789';

/** The reference token server in bearer mode (Access Tokens), half the requests authenticated. */
export const tokenServerTarget: FuzzTarget = httpTarget('token-server', 3, async () => {
  const app = buildTokenServer(
    loadTokenServerConfig({
      TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000f022',
      TWILIO_AUTH_TOKEN: AUTH,
      TWILIO_TWIML_APP_SID: 'AP0000000000000000000000000000f022',
      TWILIO_API_KEY_SID: 'SK0000000000000000000000000000f022',
      TWILIO_API_KEY_SECRET: 'fuzz-api-key-secret',
      TOKEN_KIND: 'access',
      TOKEN_AUTH_MODE: 'bearer',
      TOKEN_API_KEYS: `alice:${SECRET}`,
    }),
  );
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    origin,
    shape: {
      paths: ['POST /token', 'POST /token', '/token', '/token/', '/TOKEN', '/{x}'],
      authHeaders: [[['Authorization', `Bearer ${SECRET}`]], [['X-Api-Key', SECRET]]],
      fields: ['identity'],
      samples: [{ identity: 'alice' }, { identity: 'bob' }, {}],
    },
    close: () => app.close(),
  };
});

/**
 * The reference help desk on a SQLite file; half the requests carry a valid
 * X-Twilio-Signature over exactly what is sent, so the handlers (and the queue) run.
 */
export const helpDeskTarget: FuzzTarget = httpTarget('help-desk', 3, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'callrig-fuzz-helpdesk-'));
  const app = buildHelpDesk(
    loadHelpDeskConfig({ TWILIO_AUTH_TOKEN: AUTH, HELPDESK_DB_PATH: join(dir, 'q.sqlite') }),
  );
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  let signNext = false;
  return {
    origin,
    shape: {
      paths: [
        '/voice',
        '/recording-callback',
        '/status-callback',
        '/callbacks',
        '/callbacks/{id}/done',
        '/{x}',
      ],
      values: { id: ['1', '2', '0', '18446744073709551616', '9007199254740993'] },
      fields: [
        'CallSid',
        'AccountSid',
        'From',
        'Caller',
        'RecordingSid',
        'RecordingUrl',
        'RecordingDuration',
        'Digits',
        'CallStatus',
      ],
    },
    decorate(req) {
      signNext = !signNext;
      if (!signNext) return req;
      const url = `${origin}${req.target}`;
      const params = req.method === 'GET' || req.form === null ? {} : req.form;
      return {
        ...req,
        headers: [
          ...req.headers,
          ['X-Twilio-Signature', twilio.getExpectedTwilioSignature(AUTH, url, params)],
        ],
      };
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
