/**
 * The simulated phone's door to the fake Twilio. The fake Twilio serves
 * `POST {origin}/callrig/v1/connect`; tests substitute an in-memory port.
 */
export interface TwilioConnectRequest {
  /** The JWT from the token server (Access Token or legacy capability token). */
  token: string;
  /** Custom connect parameters (`TVOConnectOptions.params` / `device.connect({params})`). */
  params: Record<string, string>;
  /** Caller script JSON for the call engine (speak / silence / press / hang up). */
  caller?: unknown;
}

export type TwilioConnectResult =
  | { ok: true; callSid: string; status: string; timeline: unknown[] }
  | { ok: false; code: number; sdkCode: number; message: string; httpStatus?: number };

/** Registration of a PushKit token for incoming calls (TwilioVoiceSDK.register, twilio-voice §7.4). */
export interface TwilioRegisterRequest {
  token: string;
  identity: string;
  pushCredentialSid: string;
  deviceToken: string;
}

export type TwilioRegisterResult =
  | { ok: true }
  | { ok: false; code: number; sdkCode: number; message: string };

export interface TwilioConnectPort {
  connect(req: TwilioConnectRequest): Promise<TwilioConnectResult>;
  /** Optional: when absent the phone keeps the binding locally after checking the token's grants. */
  register?(req: TwilioRegisterRequest): Promise<TwilioRegisterResult>;
}

/** HTTP client of the fake Twilio's connect endpoint. Never throws: transport failures become 31005. */
export function createHttpTwilioConnect(twilioOrigin: string): TwilioConnectPort {
  const url = `${twilioOrigin.replace(/\/$/, '')}/callrig/v1/connect`;
  return {
    async connect(req) {
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ token: req.token, params: req.params, caller: req.caller ?? null }),
        });
        text = await res.text();
      } catch (e) {
        return {
          ok: false,
          code: 31005,
          sdkCode: 31005,
          message: `connection error reaching ${url}: ${String(e)}`,
        };
      }
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return {
          ok: false,
          code: 31005,
          sdkCode: 31005,
          message: `${url} answered ${res.status} with non-JSON`,
          httpStatus: res.status,
        };
      }
      if (res.ok && typeof json.callSid === 'string') {
        return {
          ok: true,
          callSid: json.callSid,
          status: String(json.status ?? 'unknown'),
          timeline: Array.isArray(json.timeline) ? json.timeline : [],
        };
      }
      return {
        ok: false,
        code: Number(json.code ?? 31005),
        sdkCode: Number(json.sdkCode ?? 31005),
        message: String(json.message ?? `${url} answered ${res.status}`),
        httpStatus: res.status,
      };
    },
  };
}
