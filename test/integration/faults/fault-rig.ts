import twilio from 'twilio';
import { createVirtualClock, type TimelineEvent, type VirtualClock } from '../../../src/core/index.ts';
import {
  createTwilioFake,
  type DebuggerEntry,
  type TwilioFake,
  type TwilioFakeOptions,
} from '../../../src/twilio/index.ts';
import { type FaultServer, startFaultServer } from '../../helpers/fault-server.ts';

export const AC = 'AC00000000000000000000000000000a10';
export const AUTH_TOKEN = 'fault0token0fault0token0fault000';
export const SK = 'SK00000000000000000000000000000a10';
export const SK_SECRET = 'fault-key-secret';
export const APOLOGY = 'We are sorry, an application error has occurred. Goodbye.';
export const HEALTHY_DOC = '<Response><Say voice="woman">All good.</Say><Hangup/></Response>';

/** What a finished call looked like from the outside. */
export interface FaultCall {
  callSid: string;
  status: string;
  timeline: TimelineEvent[];
  debug: readonly DebuggerEntry[];
}

export interface FaultRig {
  clock: VirtualClock;
  fake: TwilioFake;
  server: FaultServer;
  /** Creates an App (voice URL + optional fallback) and places one SDK call to it. */
  call(
    voiceUrl: string,
    opts?: { fallbackUrl?: string; statusCallback?: string; caller?: unknown; identity?: string },
  ): Promise<FaultCall>;
  /** A call to a healthy route: must complete with no error event. */
  healthy(): Promise<FaultCall>;
  close(): Promise<void>;
}

/** Error codes of a timeline, in order. */
export const codes = (t: TimelineEvent[]): Array<number | string> =>
  t.flatMap((e) => (e.type === 'error' ? [e.code] : []));
/** Texts spoken, in order. */
export const spoken = (t: TimelineEvent[]): string[] => t.flatMap((e) => (e.type === 'say' ? [e.text] : []));
export const ended = (t: TimelineEvent[]) => t.filter((e) => e.type === 'call.ended');

/**
 * The fake Twilio (virtual clock, timers shrunk by `timeScale`) plus a fault server on
 * 127.0.0.1 whose `/healthy` route serves valid TwiML.
 * @note timeScale 0.05 turns Twilio's 15 s cap into 750 ms of wall time: short enough for
 * tests, long enough that a healthy loopback answer never trips it on a busy machine.
 */
export async function startFaultRig(options: TwilioFakeOptions = {}): Promise<FaultRig> {
  const clock = createVirtualClock(Date.now());
  const server = await startFaultServer();
  server.route('/healthy', (x) =>
    x.respond({ status: 200, headers: { 'Content-Type': 'text/xml' }, body: HEALTHY_DOC }),
  );
  const fake = await createTwilioFake({
    clock,
    config: { accounts: [{ sid: AC, authToken: AUTH_TOKEN, apiKeys: [{ sid: SK, secret: SK_SECRET }] }] },
    webhooks: { timeScale: 0.05, ...options.webhooks },
    ...Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'webhooks')),
  });
  await fake.listen();
  let apps = 0;
  const rig: FaultRig = {
    clock,
    fake,
    server,
    async call(voiceUrl, opts = {}) {
      apps++;
      const sid = `AP${apps.toString(16).padStart(32, '0')}`;
      fake.context.accounts.addApp({
        sid,
        accountSid: AC,
        voiceUrl,
        ...(opts.fallbackUrl ? { voiceFallbackUrl: opts.fallbackUrl } : {}),
        ...(opts.statusCallback ? { statusCallback: opts.statusCallback } : {}),
      });
      const token = accessToken(sid, opts.identity ?? `caller${apps}`);
      const res = await fake.connect({ token, caller: opts.caller ?? [] });
      if (!res.ok) throw new Error(`connect refused: ${JSON.stringify(res.body)}`);
      return {
        callSid: res.body.callSid,
        status: res.body.status,
        timeline: res.body.timeline as TimelineEvent[],
        debug: fake.debugger.forCall(res.body.callSid),
      };
    },
    async healthy() {
      return rig.call(`${server.origin}/healthy`);
    },
    async close() {
      await fake.close();
      await server.close();
    },
  };
  return rig;
}

/** An Access Token for `appSid`, valid 24 h from wall time (the virtual clock starts at wall time). */
export function accessToken(
  appSid: string,
  identity: string,
  extra: { ttl?: number; nbf?: number } = {},
): string {
  const t = new twilio.jwt.AccessToken(AC, SK, SK_SECRET, {
    identity,
    ttl: extra.ttl ?? 86_000,
    ...(extra.nbf ? { nbf: extra.nbf } : {}),
  });
  t.addGrant(new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: appSid }));
  return t.toJwt();
}
