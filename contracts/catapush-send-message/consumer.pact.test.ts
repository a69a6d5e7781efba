import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { mockServerSettled } from '../mock-server-settle.ts';
import { PACT_DIR } from '../pact-dir.ts';
import { PACTICIPANTS } from '../pacticipants.ts';
import { sendCatapushMessage } from './backend-client.ts';
import { ACCESS_TOKEN, APP_ID, REVOKED_TOKEN, RFC3339, SEND_STATES, TOKEN_PATTERN } from './examples.ts';

const { regex, integer, string, uuid, eachLike, like } = MatchersV3;

const pact = new PactV4({ consumer: PACTICIPANTS.backend, provider: PACTICIPANTS.catapush, dir: PACT_DIR });
const TEXT = 'Your ticket #42 was answered';
const message = {
  mobileAppId: APP_ID,
  text: TEXT,
  recipients: [{ identifier: 'alice' }],
  messageRef: 'ticket-42',
};
const headers = {
  Authorization: regex(TOKEN_PATTERN, `Bearer ${ACCESS_TOKEN}`),
  'Content-Type': 'application/json',
};

describe('backend → catapush (POST /1/messages)', () => {
  it('sends a message to alice and keeps the message id', async () => {
    await pact
      .addInteraction()
      .given(SEND_STATES.aliceExists)
      .uponReceiving('a send-message request for alice')
      .withRequest('POST', '/1/messages', (b) =>
        b.headers(headers).jsonBody({
          mobileAppId: integer(APP_ID),
          text: string(TEXT),
          recipients: eachLike({ identifier: string('alice') }),
          messageRef: string('ticket-42'),
        }),
      )
      .willRespondWith(201, (b) =>
        b
          .headers({ 'Content-Type': regex('^application/json(;.*)?$', 'application/json; charset=utf-8') })
          .jsonBody({
            messageId: uuid('5b0e4a9c-2f7d-4c1e-9a63-0d8f1b2c3e4f'),
            createdAt: regex(RFC3339, '2025-03-01T09:30:00+00:00'),
            mobileAppId: integer(APP_ID),
            text: string(TEXT),
          }),
      )
      .executeTest(async (ms) => {
        const got = await sendCatapushMessage(ms.url, ACCESS_TOKEN, message);
        await mockServerSettled(pact, ms.url);
        expect(got).toEqual({
          ok: true,
          messageId: '5b0e4a9c-2f7d-4c1e-9a63-0d8f1b2c3e4f',
          createdAt: '2025-03-01T09:30:00+00:00',
        });
      });
  });

  it('is refused with an unknown token (401)', async () => {
    await pact
      .addInteraction()
      .uponReceiving('a send-message request with an unknown token')
      .withRequest('POST', '/1/messages', (b) =>
        b
          .headers({ ...headers, Authorization: regex(TOKEN_PATTERN, `Bearer ${REVOKED_TOKEN}`) })
          .jsonBody(message),
      )
      .willRespondWith(401, (b) =>
        b
          .headers({ 'WWW-Authenticate': regex('^Bearer\\b.*', 'Bearer') })
          .jsonBody({ status: 401, detail: like('access token is unknown or expired') }),
      )
      .executeTest(async (ms) => {
        const got = await sendCatapushMessage(ms.url, REVOKED_TOKEN, message);
        await mockServerSettled(pact, ms.url);
        expect(got).toMatchObject({ ok: false, status: 401 });
      });
  });
});
