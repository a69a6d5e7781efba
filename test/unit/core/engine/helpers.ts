import twilio from 'twilio';
import { createVirtualClock } from '../../../../src/core/clock/virtual-clock.ts';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import type {
  CallInit,
  EngineContext,
  EngineOptionsInput,
  WebhookRequest,
  WebhookResult,
} from '../../../../src/core/index.ts';

export const VoiceResponse = twilio.twiml.VoiceResponse;
export const AC = 'AC00000000000000000000000000000001';
export const AP = 'AP00000000000000000000000000000004';
export const CA = 'CA00000000000000000000000000000002';
export const VOICE_URL = 'http://127.0.0.1:3000/voice';
export const ACTION_URL = 'http://127.0.0.1:3000/recording-callback';

export type Answer = WebhookResult | ((req: WebhookRequest) => WebhookResult);

export function xml(body: string, status = 200, contentType: string | null = 'text/xml'): WebhookResult {
  return { ok: true, status, contentType, body, bodyBytes: Buffer.byteLength(body), elapsedMs: 0 };
}

export const HANGUP_XML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

/** An in-memory port: answers by URL (query/fragment ignored), records every request. */
export function memoryPort(routes: Record<string, Answer>, fallback: Answer = xml(HANGUP_XML)) {
  const requests: WebhookRequest[] = [];
  const port = async (req: WebhookRequest): Promise<WebhookResult> => {
    requests.push(req);
    const key = req.url.split('#')[0]?.split('?')[0] ?? req.url;
    const a =
      routes[key] ?? routes[req.url] ?? (req.kind.endsWith('callback') ? xml('<Response/>') : fallback);
    return typeof a === 'function' ? a(req) : a;
  };
  return { port, requests };
}

export function ctxWith(port: EngineContext['port'], options?: EngineOptionsInput): EngineContext {
  return {
    port,
    clock: createVirtualClock(Date.UTC(2026, 0, 1)),
    ids: createIdSource('test'),
    ...(options ? { options } : {}),
  };
}

export function sdkInit(extra: Partial<CallInit> = {}): CallInit {
  return {
    callSid: CA,
    accountSid: AC,
    applicationSid: AP,
    direction: 'inbound',
    from: 'client:alice',
    to: '',
    url: VOICE_URL,
    sdkCall: true,
    ...extra,
  };
}

export const params = (req: WebhookRequest | undefined): Record<string, string> =>
  Object.fromEntries(req?.params ?? []);

export const GREETING =
  'You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.\n';

/** The brief's help-desk document, built with twilio's VoiceResponse. */
export function helpDeskXml(action = ACTION_URL): string {
  const r = new VoiceResponse();
  r.say({ voice: 'woman' }, GREETING);
  r.record({ maxLength: 60, playBeep: true, timeout: 3, action });
  r.say({ voice: 'woman' }, 'I did not receive any message.');
  r.hangup();
  return r.toString();
}
