import type { CallInit } from '../../core/index.ts';
import type { AcceptedToken } from '../tokens/verify-token.ts';

/** What the simulated phone (or a test) sends to `POST /callrig/v1/connect`. */
export interface ConnectRequest {
  token: unknown;
  /** `device.connect({ params })`: arrive as ordinary form fields; `To` sets `To`. */
  params?: Record<string, unknown>;
  /** Caller script, as defined by the core's caller module. */
  caller?: unknown;
}

const STANDARD = new Set([
  'AccountSid',
  'ApiVersion',
  'ApplicationSid',
  'CallSid',
  'CallStatus',
  'Called',
  'Caller',
  'Direction',
  'From',
  'To',
]);

/**
 * The engine's CallInit for a Voice SDK call (twilio-voice.md §4.3, §12 precedence):
 * standard names win (the engine enforces it), then token params, then connect params.
 */
export function sdkCallInit(
  token: AcceptedToken,
  params: Record<string, unknown>,
  callSid: string,
  apiOrigin: string,
): { init: CallInit & { callSid: string }; warnings: string[] } {
  const warnings: string[] = [];
  const custom = new Map<string, string>();
  for (const [k, v] of Object.entries(params)) custom.set(k, stringify(v));
  for (const [k, v] of token.tokenParams) {
    if (custom.has(k) && custom.get(k) !== v)
      warnings.push(`[callrig] token param ${k} overrides the connect param of the same name`);
    custom.set(k, v);
  }
  const to = custom.get('To') ?? '';
  custom.delete('To');
  for (const k of custom.keys()) {
    if (STANDARD.has(k))
      warnings.push(
        `[callrig] custom param ${k} collides with a standard parameter; the standard value is sent`,
      );
  }
  const app = token.app;
  const init: CallInit & { callSid: string } = {
    callSid,
    accountSid: token.account.sid,
    applicationSid: app.sid,
    direction: 'inbound',
    from: `client:${token.identity}`,
    to,
    url: app.voiceUrl,
    method: app.voiceMethod ?? 'POST',
    customParams: Object.fromEntries(custom),
    sdkCall: true,
    apiOrigin,
  };
  if (app.voiceFallbackUrl) {
    init.fallbackUrl = app.voiceFallbackUrl;
    init.fallbackMethod = app.voiceFallbackMethod ?? 'POST';
  }
  if (app.statusCallback) {
    init.statusCallback = app.statusCallback;
    init.statusCallbackMethod = app.statusCallbackMethod ?? 'POST';
    if (app.statusCallbackEvents && app.statusCallbackEvents.length > 0)
      init.statusCallbackEvents = [...app.statusCallbackEvents];
  }
  return { init, warnings: [...token.warnings, ...warnings] };
}

function stringify(v: unknown): string {
  return typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : JSON.stringify(v);
}
