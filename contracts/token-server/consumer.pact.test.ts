import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { fetchTwilioToken } from '../../src/push/device/token-fetch.ts';
import { mockServerSettled } from '../mock-server-settle.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { ALICE_SECRET, BEARER_PATTERN, EXAMPLE_JWT, JWT_PATTERN, TOKEN_STATES } from './examples.ts';

const { regex, like } = MatchersV3;

const pact = new PactV4({ consumer: PACTICIPANTS.app, provider: PACTICIPANTS.tokenServer, dir: PACT_DIR });
const auth = { Authorization: regex(BEARER_PATTERN, `Bearer ${ALICE_SECRET}`) };
const json = { 'Content-Type': regex('^application/json(;.*)?$', 'application/json; charset=utf-8') };
const errorBody = (code: string) => ({ error: { code, message: like('A one-line explanation') } });

// @note The code under test is the simulated iPhone's token fetch: the brief's
// requestOutgoingColl (POST /token, read json.twilio.token), not a bare fetch.
describe('ios-app → token-server', () => {
  it('gets a Twilio token for alice', async () => {
    await pact
      .addInteraction()
      .given(TOKEN_STATES.aliceExists)
      .uponReceiving('a token request from alice')
      .withRequest('POST', '/token', (b) =>
        b.headers({ 'Content-Type': 'application/json', ...auth }).jsonBody({ identity: 'alice' }),
      )
      .willRespondWith(200, (b) =>
        b.headers(json).jsonBody({ twilio: { token: regex(JWT_PATTERN, EXAMPLE_JWT) } }),
      )
      .executeTest(async (ms) => {
        const got = await fetchTwilioToken(
          `${ms.url}/token`,
          { identity: 'alice' },
          { authorization: `Bearer ${ALICE_SECRET}` },
        );
        await mockServerSettled(pact, ms.url);
        expect(got).toEqual({ ok: true, token: EXAMPLE_JWT, kind: 'capability' });
      });
  });

  it('is refused without credentials (401 TOKEN_UNAUTHENTICATED)', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a token request without credentials')
      .withRequest('POST', '/token', (b) => b.headers({ 'Content-Type': 'application/json' }).jsonBody({}))
      .willRespondWith(401, (b) =>
        b
          .headers({ ...json, 'WWW-Authenticate': regex('^Bearer\\b.*', 'Bearer realm="token"') })
          .jsonBody(errorBody('TOKEN_UNAUTHENTICATED')),
      )
      .executeTest(async (ms) => {
        const got = await fetchTwilioToken(`${ms.url}/token`);
        await mockServerSettled(pact, ms.url);
        expect(got.ok).toBe(false);
        expect(got).toMatchObject({
          code: 'CALLRIG_TOKEN_FETCH_FAILED',
          message: expect.stringContaining('HTTP 401'),
        });
      });
  });

  it('is refused for a malformed identity (400 TOKEN_BAD_IDENTITY)', async () => {
    await pact
      .addInteraction()
      .given(TOKEN_STATES.aliceExists)
      .uponReceiving('a token request with a malformed identity')
      .withRequest('POST', '/token', (b) =>
        b.headers({ 'Content-Type': 'application/json', ...auth }).jsonBody({ identity: 'alice smith!' }),
      )
      .willRespondWith(400, (b) => b.headers(json).jsonBody(errorBody('TOKEN_BAD_IDENTITY')))
      .executeTest(async (ms) => {
        const got = await fetchTwilioToken(
          `${ms.url}/token`,
          { identity: 'alice smith!' },
          { authorization: `Bearer ${ALICE_SECRET}` },
        );
        await mockServerSettled(pact, ms.url);
        expect(got).toMatchObject({
          ok: false,
          code: 'CALLRIG_TOKEN_FETCH_FAILED',
          message: expect.stringContaining('HTTP 400'),
        });
      });
  });
});
