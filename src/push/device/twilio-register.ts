import type { PhoneContext } from './context.ts';
import { decodePart } from './token-fetch.ts';

/**
 * `TwilioVoiceSDK.register(accessToken:deviceToken:)` on the simulated phone (catapush-apns.md §3.5):
 * the Access Token needs `grants.voice.incoming.allow` and `grants.voice.push_credential_sid`, or
 * registration fails with 20106 and the SDK sees 31301 (twilio-voice.md §7.4).
 */
export async function registerTwilioBinding(
  ctx: PhoneContext,
  pushKitToken: string | null,
  accessToken: string,
): Promise<boolean> {
  const now = ctx.clock.now();
  const fail = (code: number, sdkCode: number, message: string) => {
    ctx.emit({ type: 'twilio.register-failed', at: now, device: ctx.id, code, sdkCode, message });
    return false;
  };
  const grants = decodePart(accessToken.split('.')[1])?.grants as Record<string, unknown> | undefined;
  const voice = (grants?.voice ?? {}) as { incoming?: { allow?: boolean }; push_credential_sid?: string };
  const identity = typeof grants?.identity === 'string' ? grants.identity : '';
  if (!pushKitToken) return fail(31301, 31301, 'no PushKit token: install the app first');
  if (voice.incoming?.allow !== true || typeof voice.push_credential_sid !== 'string') {
    return fail(
      20106,
      31301,
      'the token lacks grants.voice.incoming.allow or grants.voice.push_credential_sid',
    );
  }
  const res = await ctx.twilio?.register?.({
    token: accessToken,
    identity,
    pushCredentialSid: voice.push_credential_sid,
    deviceToken: pushKitToken,
  });
  if (res && !res.ok) return fail(res.code, res.sdkCode, res.message);
  ctx.emit({ type: 'twilio.registered', at: ctx.clock.now(), device: ctx.id, identity });
  return true;
}
