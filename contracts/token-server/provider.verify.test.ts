import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerifyReport, verifyProvider } from '../../src/contracts/index.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { TOKEN_STATES } from './examples.ts';
import { tokenServerForAlice } from './token-provider.ts';

describe('token-server honours the ios-app pact', () => {
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    app = tokenServerForAlice();
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers the token request and both documented errors', async () => {
    const seeded: string[] = [];
    const report = await verifyProvider({
      provider: PACTICIPANTS.tokenServer,
      url,
      pactDir: PACT_DIR,
      // @note The token server keeps identities in its config (TOKEN_API_KEYS), not a database:
      // the state needs no seeding, the hook only records that the verifier asked for it.
      stateHandlers: { [TOKEN_STATES.aliceExists]: () => void seeded.push(TOKEN_STATES.aliceExists) },
    });
    expect(report.ok, formatVerifyReport(report)).toBe(true);
    expect(report.interactions).toHaveLength(3);
    expect(seeded.length).toBeGreaterThan(0);
  });

  it('fails when the app would present a secret the server does not know', async () => {
    const report = await verifyProvider({
      provider: PACTICIPANTS.tokenServer,
      url,
      pactDir: PACT_DIR,
      bearerToken: 'not-a-configured-secret-000',
    });
    expect(report.ok).toBe(false);
    const failed = report.interactions.filter((i) => !i.ok).map((i) => i.description);
    expect(failed).toContain('a token request from alice');
  });
});
