import type { TokenFetchCode } from '../types.ts';

export type TokenFetchResult =
  | { ok: true; token: string; kind: 'access' | 'capability' | 'unknown' }
  | { ok: false; code: TokenFetchCode; message: string };

/**
 * The brief's `requestOutgoingColl`: `POST /token`, read `json.twilio.token`. Each error branch of
 * the brief ("Handle Errors") becomes a named callrig failure instead of a silent no-op.
 */
export async function fetchTwilioToken(
  url: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<TokenFetchResult> {
  let res: Response;
  let text: string;
  try {
    // @note The body is read inside the try: a server that resets mid-body or stalls must become
    // a named failure, not a rejection or a 300 s undici hang (found by the fault suite).
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await res.text();
  } catch (e) {
    return {
      ok: false,
      code: 'CALLRIG_TOKEN_FETCH_FAILED',
      message: `POST ${url}: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  if (!res.ok) {
    return {
      ok: false,
      code: 'CALLRIG_TOKEN_FETCH_FAILED',
      message: `POST ${url} answered HTTP ${res.status}: ${text.slice(0, 200)}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // @note The brief passes `error:nil` to NSJSONSerialization: non-JSON becomes nil and lands in the
    // same "no twilio" branch as JSON without the key.
    return {
      ok: false,
      code: 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
      message: `POST ${url} answered non-JSON (so no "twilio" object): ${text.slice(0, 80)}`,
    };
  }
  const twilio = json && typeof json === 'object' ? (json as Record<string, unknown>).twilio : undefined;
  if (!twilio || typeof twilio !== 'object') {
    return {
      ok: false,
      code: 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
      message: `POST ${url}: JSON has no "twilio" object`,
    };
  }
  const token = (twilio as Record<string, unknown>).token;
  if (typeof token !== 'string' || token === '') {
    return {
      ok: false,
      code: 'CALLRIG_TOKEN_RESPONSE_NO_TOKEN',
      message: `POST ${url}: "twilio" object has no "token" string`,
    };
  }
  return { ok: true, token, kind: tokenKind(token) };
}

/** Access Token (`cty: twilio-fpa;v=1`) or legacy capability token (`scope` claim), twilio-voice §7.1. */
export function tokenKind(jwt: string): 'access' | 'capability' | 'unknown' {
  const [h, c] = jwt.split('.');
  const header = decodePart(h);
  if (header?.cty === 'twilio-fpa;v=1') return 'access';
  return typeof decodePart(c)?.scope === 'string' ? 'capability' : 'unknown';
}

/** Decodes one base64url JWT part as a JSON object, or null. */
export function decodePart(part: string | undefined): Record<string, unknown> | null {
  if (!part) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
