import { ApnsSender } from './apns-sender.ts';
import { CatapushHttpError } from './error-body.ts';
import { type CatapushOptions, type ResolvedCatapushOptions, resolveCatapushOptions } from './options.ts';
import { catapushPush } from './push-payload.ts';
import { StatusWebhookSender } from './status-webhook.ts';
import { CatapushStore, type Delivery, isoZ, type MessageStatus, type StoredMessage } from './store.ts';
import type { SendMessageBody } from './validate-message.ts';

const ORDER: Record<MessageStatus, number> = { enqueued: 0, delivered: 1, read: 2, expired: 3 };

/**
 * The fake Catapush's state and dispatch engine, shared by its routes (catapush-apns.md §1.8).
 * Routes answer first; dispatch (webhooks, the APNs push) runs after, tracked so tests and the
 * scenario runner can `await idle()` instead of sleeping.
 */
export class CatapushRuntime {
  readonly opts: ResolvedCatapushOptions;
  readonly store: CatapushStore;
  readonly webhooks: StatusWebhookSender;
  readonly warnings: string[] = [];
  private readonly sender: ApnsSender;
  private readonly inflight = new Set<Promise<unknown>>();

  constructor(options: CatapushOptions) {
    this.opts = resolveCatapushOptions(options);
    this.store = new CatapushStore(this.opts.accounts, this.opts.clock.now());
    this.webhooks = new StatusWebhookSender(
      this.opts.clock,
      this.opts.webhook.retryDelaysSeconds,
      this.opts.webhook.timeoutMs,
    );
    this.sender = new ApnsSender(this.opts.apns, this.opts.wallNow);
  }

  /** Accepts a validated send for an account: 404 for another account's app, 400 for unknown identifiers. */
  accept(accountId: string, body: SendMessageBody): StoredMessage {
    const app = this.store.apps.get(body.mobileAppId);
    if (!app || app.accountId !== accountId)
      throw new CatapushHttpError(404, `mobileAppId ${body.mobileAppId}: no such app`);
    if (this.opts.unknownRecipient === 'reject') {
      const errors = body.recipients
        .map((r, i) => ({ field: `recipients[${i}].identifier`, ok: app.users.has(r.identifier) }))
        .filter((r) => !r.ok)
        .map((r) => ({ field: r.field, message: 'unknown identifier' }));
      if (errors.length > 0) {
        const first = errors[0]!;
        throw new CatapushHttpError(this.opts.validationStatus, `${first.field}: ${first.message}`, errors);
      }
    }
    const now = this.opts.clock.now();
    const msg: StoredMessage = {
      messageId: this.opts.ids.uuid(),
      appId: body.mobileAppId,
      createdAt: now,
      body,
      deliveries: body.recipients.map((r) => ({
        identifier: r.identifier,
        ...(r.recipientRef !== undefined ? { recipientRef: r.recipientRef } : {}),
        text: r.override?.text ?? body.text,
        status: 'enqueued' as const,
        history: [{ status: 'enqueued' as const, at: now }],
      })),
    };
    this.store.messages.set(msg.messageId, msg);
    this.track(this.dispatch(msg));
    return msg;
  }

  /** Moves a delivery forward (never backwards) and fires its webhook. */
  advance(messageId: string, identifier: string, status: MessageStatus): boolean {
    const msg = this.store.messages.get(messageId);
    const d = msg?.deliveries.find((x) => x.identifier === identifier);
    if (!msg || !d) return false;
    this.sweepExpired();
    if (ORDER[status] <= ORDER[d.status] || d.status === 'expired') {
      this.warnings.push(`[callrig] ignored ${status} for ${messageId}/${identifier}: already ${d.status}`);
      return false;
    }
    d.status = status;
    d.history.push({ status, at: this.opts.clock.now() });
    this.track(this.notify(msg, d, status));
    return true;
  }

  /**
   * Marks deliveries still `enqueued` past the validity window as `expired` and fires their webhooks.
   *
   * @note Swept lazily (on every request to the fake, and by the scenario runner after a clock jump)
   * rather than with a timer per message: a pending `clock.sleep(86 400 s)` would keep a virtual
   * clock from ever being idle.
   */
  sweepExpired(): number {
    const now = this.opts.clock.now();
    let n = 0;
    for (const msg of this.store.messages.values()) {
      if (now < msg.createdAt + this.opts.messageValiditySeconds * 1000) continue;
      for (const d of msg.deliveries) {
        if (d.status !== 'enqueued') continue;
        d.status = 'expired';
        d.history.push({ status: 'expired', at: now });
        this.track(this.notify(msg, d, 'expired'));
        n++;
      }
    }
    return n;
  }

  /** Resolves once every dispatch and webhook started so far has settled. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Re-sends the push for deliveries still `enqueued` to an identifier (after a new token). */
  redispatchPending(appId: number, identifier: string): void {
    for (const msg of this.store.messages.values()) {
      if (msg.appId !== appId) continue;
      const d = msg.deliveries.find((x) => x.identifier === identifier && x.status === 'enqueued');
      if (d) this.track(this.deliver(msg, d));
    }
  }

  close(): void {
    this.webhooks.close();
    this.sender.close();
  }

  track<T>(p: Promise<T>): void {
    const tracked = p.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
  }

  private async dispatch(msg: StoredMessage): Promise<void> {
    // @note The enqueued callback fires at once and never holds back the push (its retries may take minutes).
    for (const d of msg.deliveries) this.track(this.notify(msg, d, 'enqueued'));
    await Promise.all(msg.deliveries.map((d) => this.deliver(msg, d)));
  }

  private async deliver(msg: StoredMessage, d: Delivery): Promise<void> {
    const app = this.store.apps.get(msg.appId)!.config;
    const session = this.store.sessionFor(msg.appId, d.identifier);
    const now = () => this.opts.clock.now();
    if (session?.connected) {
      // @note A live SDK connection gets the message in-app and no APNs push is made (§1.8 step 2).
      if (!session.inbox.includes(msg.messageId)) session.inbox.push(msg.messageId);
      d.history.push({ status: 'in-app', at: now() });
      return;
    }
    const mode = app.iosDeliveryMode ?? 'alert';
    const token = session?.pushToken;
    const wanted = mode === 'voip' ? 'voip' : 'apns';
    if (!token || token.kind !== wanted) {
      d.history.push({
        status: 'push-failed',
        at: now(),
        detail: `no ${wanted} token registered for ${d.identifier}`,
      });
      return;
    }
    const shape = catapushPush(mode, app.bundleId, msg.messageId, msg.body, this.opts.defaultAlertText);
    const res = await this.sender.send({
      environment: token.environment,
      token: token.tokenHex,
      topic: shape.topic,
      pushType: shape.pushType,
      priority: shape.priority,
      expiration: Math.floor((msg.createdAt + this.opts.messageValiditySeconds * 1000) / 1000),
      payload: shape.payload,
    });
    if (res.status === 200) {
      d.history.push({ status: 'sent', at: now(), detail: `apns-id ${res.apnsId}` });
      return;
    }
    d.history.push({
      status: 'push-failed',
      at: now(),
      detail: `APNs ${res.status} ${res.reason ?? ''}`.trim(),
    });
    if (res.status === 410 || res.reason === 'BadDeviceToken') {
      // @note Catapush drops a dead token; the message stays enqueued until the SDK reconnects [rig].
      if (session && session.pushToken?.tokenHex === token.tokenHex) session.pushToken = null;
    }
  }

  private async notify(msg: StoredMessage, d: Delivery, status: MessageStatus): Promise<void> {
    const app = this.store.apps.get(msg.appId)!.config;
    const cb = msg.body.notifyCallback;
    const target = cb
      ? { url: cb.url, format: cb.method === 'GET' ? ('get' as const) : ('json' as const) }
      : app.statusWebhook;
    if (!target) return;
    await this.webhooks.enqueue(target, {
      type: 'MessageStatus',
      timestamp: isoZ(this.opts.clock.now()),
      applicationId: msg.appId,
      messageId: msg.messageId,
      recipient: d.identifier,
      status,
      ...(msg.body.messageRef !== undefined ? { messageRef: msg.body.messageRef } : {}),
      ...(d.recipientRef !== undefined ? { recipientRef: d.recipientRef } : {}),
      ...(msg.body.channel !== undefined ? { channel: msg.body.channel } : {}),
    });
  }
}
