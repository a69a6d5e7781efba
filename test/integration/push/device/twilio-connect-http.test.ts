import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpTwilioConnect } from '../../../../src/push/device/twilio-connect.ts';

const seen: unknown[] = [];
const app = Fastify();
let origin: string;

beforeAll(async () => {
  app.post('/callrig/v1/connect', async (req, reply) => {
    seen.push(req.body);
    const body = req.body as { token: string };
    if (body.token === 'expired')
      return reply.code(401).send({ code: 20104, sdkCode: 31205, message: 'Access Token expired' });
    return { callSid: `CA${'9'.repeat(32)}`, status: 'completed', timeline: [{ type: 'call.initiated' }] };
  });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

describe('createHttpTwilioConnect (the POST /callrig/v1/connect contract)', () => {
  it('posts token, params and caller, and returns the call result', async () => {
    const port = createHttpTwilioConnect(origin);
    const res = await port.connect({ token: 'jwt', params: { ticket: '42' }, caller: { steps: [] } });
    expect(res).toEqual({
      ok: true,
      callSid: `CA${'9'.repeat(32)}`,
      status: 'completed',
      timeline: [{ type: 'call.initiated' }],
    });
    expect(seen.at(-1)).toEqual({ token: 'jwt', params: { ticket: '42' }, caller: { steps: [] } });
  });

  it('maps a 4xx body to the Twilio and SDK codes', async () => {
    const res = await createHttpTwilioConnect(`${origin}/`).connect({ token: 'expired', params: {} });
    expect(res).toEqual({
      ok: false,
      code: 20104,
      sdkCode: 31205,
      message: 'Access Token expired',
      httpStatus: 401,
    });
  });

  it('turns an unreachable fake Twilio into a 31005 connection error instead of throwing', async () => {
    const res = await createHttpTwilioConnect('http://127.0.0.1:1').connect({ token: 't', params: {} });
    expect(res).toMatchObject({ ok: false, code: 31005, sdkCode: 31005 });
  });
});
