import type { PhoneContext, PlaceCallBehaviour } from './context.ts';
import { fetchTwilioToken } from './token-fetch.ts';

/**
 * The brief's `requestOutgoingColl`: fetch a token from the token server, then connect with it.
 * Every step emits a timeline event; failures are events too, never throws.
 */
export async function placeHelpDeskCall(ctx: PhoneContext, how: PlaceCallBehaviour): Promise<void> {
  const at = () => ctx.clock.now();
  const gen = ctx.generation;
  if (!ctx.tokenServerUrl) {
    ctx.emit({
      type: 'warning',
      at: at(),
      device: ctx.id,
      message: '[callrig] placeCall needs tokenServerUrl on the simulated iPhone',
    });
    return;
  }
  const token = await fetchTwilioToken(
    ctx.tokenServerUrl,
    how.tokenRequestBody ?? {},
    how.tokenRequestHeaders ?? {},
  );
  if (gen !== ctx.generation) return;
  if (!token.ok) {
    ctx.emit({
      type: 'token.failed',
      at: at(),
      device: ctx.id,
      url: ctx.tokenServerUrl,
      code: token.code,
      message: token.message,
    });
    return;
  }
  ctx.emit({
    type: 'token.fetched',
    at: at(),
    device: ctx.id,
    url: ctx.tokenServerUrl,
    tokenKind: token.kind,
  });
  if (!ctx.twilio) {
    ctx.emit({
      type: 'warning',
      at: at(),
      device: ctx.id,
      message: '[callrig] placeCall needs a TwilioConnectPort (twilio option)',
    });
    return;
  }
  const params = how.params ?? {};
  ctx.emit({ type: 'call.connecting', at: at(), device: ctx.id, params });
  const res = await ctx.twilio.connect({ token: token.token, params, caller: how.caller });
  if (gen !== ctx.generation) return;
  if (res.ok)
    ctx.emit({
      type: 'call.connected',
      at: answeredAt(res.timeline) ?? at(),
      device: ctx.id,
      callSid: res.callSid,
      status: res.status,
    });
  else
    ctx.emit({
      type: 'call.failed',
      at: at(),
      device: ctx.id,
      code: res.code,
      sdkCode: res.sdkCode,
      message: res.message,
    });
}

/**
 * When Twilio answered the call, from the engine timeline the connect returned.
 * @note `connect` resolves only once the whole call is over, but the SDK fires "connected" at
 * the answer: stamping it then keeps the device timeline in the order a real phone sees.
 */
function answeredAt(timeline: readonly unknown[]): number | undefined {
  for (const e of timeline) {
    if (e && typeof e === 'object' && (e as { type?: unknown }).type === 'call.answered') {
      const at = (e as { at?: unknown }).at;
      if (typeof at === 'number') return at;
    }
  }
  return undefined;
}
