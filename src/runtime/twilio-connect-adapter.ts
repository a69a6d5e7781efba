import type { TwilioConnectPort } from '../push/device/twilio-connect.ts';
import type { TwilioFake } from '../twilio/create-twilio-fake.ts';

/**
 * The phone's door to the fake Twilio, in process.
 * @note Same outcome as `createHttpTwilioConnect` (the fake's `/callrig/v1/connect` runs this
 * very `connect`), minus one loopback hop per call; the webhooks to the user's servers stay HTTP.
 */
export function inProcessTwilioConnect(fake: TwilioFake): TwilioConnectPort {
  return {
    async connect(req) {
      const outcome = await fake.connect({ token: req.token, params: req.params, caller: req.caller });
      if (outcome.ok) {
        return {
          ok: true,
          callSid: outcome.body.callSid,
          status: outcome.body.status,
          timeline: outcome.body.timeline,
        };
      }
      return {
        ok: false,
        code: typeof outcome.body.code === 'number' ? outcome.body.code : 31100,
        sdkCode: outcome.body.sdkCode,
        message: outcome.body.message,
        httpStatus: outcome.httpStatus,
      };
    },
  };
}
