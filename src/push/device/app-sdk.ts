import type { ApnsEnvironment } from '../types.ts';
import type { CatapushDeviceClient, CatapushInboxMessage } from './catapush-client.ts';
import type { PhoneContext } from './context.ts';
import { reportSdkError } from './push-handlers.ts';

/**
 * The app's use of the Catapush SDK: login, push-token registration, live connection, inbox and
 * read receipts. Every SDK failure becomes a `catapush.error` event with the SDK's real code.
 */
export class AppSdk {
  private connected = false;

  constructor(
    private readonly ctx: PhoneContext,
    private readonly client: CatapushDeviceClient | null,
    private readonly environment: ApnsEnvironment,
  ) {}

  /** Forgets the stored credentials (app data deleted on reinstall). */
  forget(): void {
    if (this.client) this.client.session = null;
    this.connected = false;
  }

  get mode(): 'voip' | 'alert' | null {
    return this.client?.mode ?? null;
  }

  /** Logs in if needed and hands Catapush the token its delivery mode needs (PushKit or APNs). */
  async register(tokens: { voip: string | null; apns: string | null }): Promise<void> {
    const c = this.client;
    if (!c) return;
    if (!c.session && !(await this.run(() => c.start({ model: 'iPhone', os: `iOS ${this.ctx.iosVersion}` }))))
      return;
    const kind = c.mode === 'voip' ? 'voip' : 'apns';
    const token = tokens[kind];
    if (!token) return;
    if (await this.run(() => c.updatePushToken(kind, token, this.environment))) {
      const at = this.ctx.clock.now();
      this.ctx.emit({
        type: 'catapush.registered',
        at,
        device: this.ctx.id,
        identifier: c.identifier,
        tokenKind: kind,
        token,
      });
    }
  }

  /** Opens or closes the live ("XMPP") connection; only a connected SDK gets messages in-app. */
  async setConnected(on: boolean): Promise<void> {
    const c = this.client;
    if (!c?.session || this.connected === on) return;
    this.connected = on;
    await this.run(() => (on ? c.connect() : c.disconnect()));
  }

  async syncInbox(): Promise<CatapushInboxMessage[]> {
    const c = this.client;
    if (!c?.session) return [];
    const got: CatapushInboxMessage[] = [];
    await this.run(async () => {
      for (const m of await c.inbox()) {
        await c.ack(m.messageId);
        this.ctx.emit({
          type: 'catapush.acked',
          at: this.ctx.clock.now(),
          device: this.ctx.id,
          messageId: m.messageId,
        });
        got.push(m);
      }
    });
    return got;
  }

  async read(messageId: string): Promise<void> {
    const c = this.client;
    if (c && (await this.run(() => c.read(messageId)))) {
      this.ctx.emit({ type: 'catapush.read', at: this.ctx.clock.now(), device: this.ctx.id, messageId });
    }
  }

  private async run(fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (e) {
      reportSdkError(this.ctx, e);
      return false;
    }
  }
}
