import { describe, expect, it } from 'vitest';
import { buildTokenServer, loadTokenServerConfig } from '../../src/servers/index.ts';

/**
 * Issue 10: a client that sends its bearer secret in the query string (`/token?api_key=…`, a
 * common mistake) is refused, but the reference servers logged the full request URL, so the
 * secret landed in the log. Query strings are redacted from request log lines.
 */
const SECRET = 'alice-bearer-secret-0123456789';

describe('request log lines never carry the query string', () => {
  it.each(['GET', 'POST'] as const)(
    '%s /token?api_key=<secret> is refused and the secret is not logged',
    async (method) => {
      const lines: string[] = [];
      const app = buildTokenServer(
        loadTokenServerConfig({
          TWILIO_ACCOUNT_SID: 'AC0000000000000000000000000000c0de',
          TWILIO_AUTH_TOKEN: '5ec7e7a07b70ce105ec7e7a07b70ce10',
          TWILIO_TWIML_APP_SID: 'AP0000000000000000000000000000c0de',
          TOKEN_AUTH_MODE: 'bearer',
          TOKEN_API_KEYS: `alice:${SECRET}`,
        }),
        { logger: { level: 'trace', destination: { write: (l: string) => lines.push(l) } } },
      );
      try {
        const res = await app.inject({ method, url: `/token?api_key=${SECRET}` });
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(lines.join('')).toContain('/token');
        expect(lines.join('')).not.toContain(SECRET);
      } finally {
        await app.close();
      }
    },
  );
});
