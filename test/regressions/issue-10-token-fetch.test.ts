import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTwilioToken } from '../../src/push/device/token-fetch.ts';
import { createHttpTwilioConnect } from '../../src/push/device/twilio-connect.ts';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';

/**
 * Issue 10: the simulated phone's token fetch must end in a named failure, never a rejection
 * or a hang. Found by test/integration/faults (a token server that resets mid-body made
 * `phone.placeCall()` reject with "TypeError: terminated"; a stalled one hung it for undici's
 * 300 s headers timeout).
 */
/** @note The timeout parameter is part of the fix; typed loosely so the file compiles before it lands. */
const fetchWithTimeout = (url: string, timeoutMs: number): Promise<unknown> =>
  (fetchTwilioToken as (...args: unknown[]) => Promise<unknown>)(url, {}, {}, timeoutMs);

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
  server.route('/reset-mid-body', (x) => {
    x.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300\r\n\r\n{"twilio":');
    setTimeout(() => x.reset(), 10);
  });
  server.route('/stall', (x) => x.stall());
  server.route('/stall-mid-body', (x) =>
    x.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300\r\n\r\n{'),
  );
});
afterAll(async () => {
  await server.close();
});

describe('fetchTwilioToken never rejects and never hangs', () => {
  it('a connection reset while the body is read → CALLRIG_TOKEN_FETCH_FAILED', async () => {
    await expect(fetchTwilioToken(`${server.origin}/reset-mid-body`)).resolves.toMatchObject({
      ok: false,
      code: 'CALLRIG_TOKEN_FETCH_FAILED',
    });
  });

  it.each(['/stall', '/stall-mid-body'])(
    'a token server that stalls (%s) → CALLRIG_TOKEN_FETCH_FAILED after the timeout',
    async (path) => {
      const outcome = await Promise.race([
        fetchWithTimeout(`${server.origin}${path}`, 200),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
      ]);
      expect(outcome).toMatchObject({ ok: false, code: 'CALLRIG_TOKEN_FETCH_FAILED' });
    },
  );
});

describe("the phone's connect client never rejects either", () => {
  it('a connection reset while the connect answer is read → 31005, not a rejection', async () => {
    server.route('/callrig/v1/connect', (x) => {
      x.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 300\r\n\r\n{"callSid":');
      setTimeout(() => x.reset(), 10);
    });
    await expect(
      createHttpTwilioConnect(server.origin).connect({ token: 'x', params: {} }),
    ).resolves.toMatchObject({
      ok: false,
      code: 31005,
      sdkCode: 31005,
    });
  });
});
