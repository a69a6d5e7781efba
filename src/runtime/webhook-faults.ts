import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** How the user's webhook misbehaves (the scenario step `webhookFault`). */
export interface WebhookFault {
  kind: 'down' | 'status' | 'invalid-twiml' | 'json' | 'slow' | 'empty';
  /** HTTP status for `status` (default 500). */
  status?: number;
  /** Wall milliseconds for `slow`, before the webhook time scale. */
  delayMs?: number;
  /** Body for `invalid-twiml` / `json`. */
  body?: string;
  /** Which request it hits: the App's Voice URL, the Record action, or any of them. */
  on: 'voice' | 'action' | 'fallback' | 'any';
  /** How many matching requests it hits. */
  times: number;
}

/** Pending faults and the hook that applies them to a builtin server. */
export interface WebhookFaultGate {
  add(fault: WebhookFault): void;
  pending(): readonly WebhookFault[];
  /** Installs the gate as a preValidation hook of the app (call before listen). */
  install(app: FastifyInstance, timeScale: number): void;
}

const DEFAULT_INVALID_TWIML =
  '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="woman">Hello</Response>';

/** The webhook kind a builtin help-desk path serves. */
function kindOf(path: string): 'voice' | 'action' | 'other' {
  if (path.endsWith('/voice')) return 'voice';
  if (path.endsWith('/recording-callback')) return 'action';
  return 'other';
}

/**
 * Faults injected in front of the builtin help desk.
 * @note A hook on the real server, not a proxy: requests still reach a real socket, so the
 * fake Twilio sees exactly what a misbehaving server sends (a reset, a 500, bad XML).
 */
export function createWebhookFaultGate(): WebhookFaultGate {
  const faults: WebhookFault[] = [];
  /** `CallSid|path` of webhooks a `down` fault hit: Twilio's retries of them must fail too. */
  const down = new Set<string>();
  const take = (path: string, callSid: string): WebhookFault | undefined => {
    const kind = kindOf(path);
    if (kind === 'other') return undefined;
    if (down.has(`${callSid}|${path}`)) return { kind: 'down', on: 'any', times: 1 };
    const index = faults.findIndex((f) => f.on === 'any' || f.on === kind);
    const fault = faults[index];
    if (!fault) return undefined;
    fault.times -= 1;
    if (fault.times <= 0) faults.splice(index, 1);
    return fault;
  };
  return {
    add: (fault) => faults.push({ ...fault }),
    pending: () => faults,
    install(app, timeScale) {
      // @note preValidation: after the form is parsed (the CallSid is known), before the help
      // desk's own signature check and handlers.
      app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
        const path = request.url.split('?')[0] ?? request.url;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const callSid = typeof body.CallSid === 'string' ? body.CallSid : '';
        const fault = take(path, callSid);
        if (!fault) return;
        switch (fault.kind) {
          case 'down':
            // @note A reset before any byte of response: the webhook client reports 11205.
            down.add(`${callSid}|${path}`);
            reply.hijack();
            request.raw.socket.destroy();
            return reply;
          case 'status':
            return reply
              .code(fault.status ?? 500)
              .type('text/html')
              .send('<html><body>Internal Server Error</body></html>');
          case 'invalid-twiml':
            return reply.type('text/xml').send(fault.body ?? DEFAULT_INVALID_TWIML);
          case 'json':
            return reply.type('application/json').send(fault.body ?? '{"message":"ok"}');
          case 'empty':
            return reply.type('text/xml').send('');
          case 'slow':
            await new Promise((resolve) => setTimeout(resolve, (fault.delayMs ?? 20_000) * timeScale));
            return;
        }
      });
    },
  };
}
