import { createHmac, timingSafeEqual } from 'node:crypto';
import type { TwilioConnectPort, TwilioConnectRequest } from '../../../../src/push/device/twilio-connect.ts';

/**
 * In-memory TwilioConnectPort until the real fake Twilio is wired: it checks that the token is a
 * JWT signed (HS256) with the expected key and answers like `POST /callrig/v1/connect`.
 */
export function twilioConnectStub(
  signingKey: string,
): TwilioConnectPort & { calls: Array<TwilioConnectRequest & { claims: Record<string, unknown> }> } {
  const calls: Array<TwilioConnectRequest & { claims: Record<string, unknown> }> = [];
  let n = 0;
  return {
    calls,
    async connect(req) {
      const [h = '', c = '', s = ''] = req.token.split('.');
      const expected = createHmac('sha256', signingKey).update(`${h}.${c}`).digest();
      const got = Buffer.from(s, 'base64url');
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) {
        return { ok: false, code: 20107, sdkCode: 31202, message: 'JWT signature validation failed' };
      }
      const claims = JSON.parse(Buffer.from(c, 'base64url').toString('utf8')) as Record<string, unknown>;
      calls.push({ ...req, claims });
      n++;
      return { ok: true, callSid: `CA${String(n).padStart(32, '0')}`, status: 'completed', timeline: [] };
    },
  };
}
