import type { Clock } from '../../core/clock/clock.ts';
import type { StatusWebhookConfig } from './options.ts';

/** A MessageStatus callback body (catapush-apns.md §1.9). */
export interface MessageStatusCallback {
  type: 'MessageStatus';
  timestamp: string;
  applicationId: number;
  messageId: string;
  recipient: string;
  status: string;
  messageRef?: string;
  recipientRef?: string;
  channel?: string;
}

/** One HTTP attempt at a callback, for the run report. */
export interface WebhookAttempt {
  at: number;
  url: string;
  method: 'GET' | 'POST';
  format: 'json' | 'form' | 'get';
  status: string;
  messageId: string;
  recipient: string;
  attempt: number;
  httpStatus: number | null;
  error: string | null;
}

/**
 * Sends MessageStatus callbacks: any 2xx is accepted; anything else is retried after the
 * configured delays of clock time, then dropped [rig]. Callbacks of one message go out in order.
 */
export class StatusWebhookSender {
  readonly attempts: WebhookAttempt[] = [];
  private readonly chains = new Map<string, Promise<void>>();
  private closed = false;

  constructor(
    private readonly clock: Clock,
    private readonly retryDelaysSeconds: number[],
    private readonly timeoutMs: number,
  ) {}

  /** Stops retrying (pending retries give up at their next turn): a closed fake must not linger. */
  close(): void {
    this.closed = true;
  }

  /** Queues a callback behind earlier ones of the same message; resolves when it is settled. */
  enqueue(target: StatusWebhookConfig, cb: MessageStatusCallback): Promise<void> {
    const prev = this.chains.get(cb.messageId) ?? Promise.resolve();
    const next = prev.then(() => this.deliver(target, cb));
    this.chains.set(cb.messageId, next);
    return next;
  }

  private async deliver(target: StatusWebhookConfig, cb: MessageStatusCallback): Promise<void> {
    const format = target.format ?? 'json';
    for (let attempt = 0; attempt <= this.retryDelaysSeconds.length; attempt++) {
      if (attempt > 0) await this.clock.sleep((this.retryDelaysSeconds[attempt - 1] ?? 0) * 1000);
      if (this.closed) return;
      const record: WebhookAttempt = {
        at: this.clock.now(),
        url: target.url,
        method: format === 'get' ? 'GET' : 'POST',
        format,
        status: cb.status,
        messageId: cb.messageId,
        recipient: cb.recipient,
        attempt: attempt + 1,
        httpStatus: null,
        error: null,
      };
      this.attempts.push(record);
      try {
        const res = await fetch(...request(target.url, format, cb, this.timeoutMs));
        await res.arrayBuffer();
        record.httpStatus = res.status;
        if (res.status >= 200 && res.status < 300) return;
      } catch (e) {
        record.error = e instanceof Error ? e.message : String(e);
      }
    }
  }
}

function request(
  url: string,
  format: 'json' | 'form' | 'get',
  cb: MessageStatusCallback,
  timeoutMs: number,
): [string, RequestInit] {
  const signal = AbortSignal.timeout(timeoutMs);
  const strings = Object.fromEntries(Object.entries(cb).map(([k, v]) => [k, String(v)]));
  const headers: Record<string, string> = { 'user-agent': 'Catapush' };
  if (format === 'get') {
    const u = new URL(url);
    for (const [k, v] of Object.entries(strings)) u.searchParams.set(k, v);
    return [u.toString(), { method: 'GET', headers, signal }];
  }
  if (format === 'form') {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    return [url, { method: 'POST', headers, body: new URLSearchParams(strings).toString(), signal }];
  }
  headers['content-type'] = 'application/json';
  return [url, { method: 'POST', headers, body: JSON.stringify(cb), signal }];
}
