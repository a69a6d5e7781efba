import type { ApnsEnvironment, PushTokenKind } from '../types.ts';

/** A device-API failure with Catapush's real SDK code (catapush-apns.md §1.12). */
export class CatapushSdkFailure extends Error {
  constructor(
    readonly operation: string,
    readonly sdkCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface CatapushLogin {
  appKey: string;
  identifier: string;
  password: string;
}

export interface CatapushInboxMessage {
  messageId: string;
  text: string;
  optionalData: Record<string, unknown> | null;
  channel: string;
}

/**
 * The simulated phone's Catapush SDK stand-in: plain JSON calls to the fake's
 * `/__callrig/catapush/device/*` routes (the real SDK protocol is private).
 */
export class CatapushDeviceClient {
  session: string | null = null;
  mode: 'voip' | 'alert' | null = null;

  constructor(
    private readonly origin: string,
    private readonly login: CatapushLogin,
  ) {}

  get identifier(): string {
    return this.login.identifier;
  }

  async start(deviceInfo: Record<string, unknown>): Promise<void> {
    const r = await this.call('login', { ...this.login, deviceInfo }, false);
    this.session = String(r.session);
    this.mode = r.iosDeliveryMode === 'voip' ? 'voip' : 'alert';
  }

  updatePushToken(kind: PushTokenKind, tokenHex: string, environment: ApnsEnvironment) {
    return this.call('update-push-token', { kind, tokenHex, environment });
  }
  connect() {
    return this.call('connect', {});
  }
  disconnect() {
    return this.call('disconnect', {});
  }
  ack(messageId: string) {
    return this.call('ack', { messageId });
  }
  read(messageId: string) {
    return this.call('read', { messageId });
  }
  async fetch(messageId: string): Promise<CatapushInboxMessage> {
    return (await this.call('fetch', { messageId })) as unknown as CatapushInboxMessage;
  }
  async inbox(): Promise<CatapushInboxMessage[]> {
    return ((await this.call('inbox', {})).messages as CatapushInboxMessage[]) ?? [];
  }

  private async call(
    op: string,
    body: Record<string, unknown>,
    needsSession = true,
  ): Promise<Record<string, unknown>> {
    if (needsSession && !this.session)
      throw new CatapushSdkFailure(op, -11404, 'USER_NOT_FOUND: the SDK has no credentials yet');
    let res: Response;
    try {
      res = await fetch(`${this.origin}/__callrig/catapush/device/${op}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...body, session: this.session }),
      });
    } catch (e) {
      throw new CatapushSdkFailure(op, 10, `network error: ${e instanceof Error ? e.message : String(e)}`);
    }
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (!res.ok)
      throw new CatapushSdkFailure(
        op,
        Number(json.sdkCode ?? 25001),
        String(json.message ?? `HTTP ${res.status}`),
      );
    return json;
  }
}
