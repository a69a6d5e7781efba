import type { Clock } from '../../core/clock/clock.ts';
import type { IdSource } from '../../core/ids/id-source.ts';
import type { ApnsEnvironment, DeliveredPush, PushTokenKind } from '../types.ts';
import type { TokenLookup } from './voip-rules.ts';

/** Something that can receive pushes: a simulated device (or a test probe). */
export type PushReceiver = (push: DeliveredPush) => void;

interface TokenRecord {
  token: string;
  environment: ApnsEnvironment;
  bundleId: string;
  kind: PushTokenKind;
  topic: string;
  invalidatedAt: number | null;
  receiver: PushReceiver | null;
}

/** Parameters for issuing a token to an installed app. */
export interface IssueTokenRequest {
  bundleId: string;
  kind: PushTokenKind;
  environment: ApnsEnvironment;
  receiver?: PushReceiver;
}

/**
 * The fake APNs's knowledge of devices: which token belongs to which app, topic and environment,
 * which were invalidated (uninstall/rotation → 410 with the instant), and where to hand pushes.
 * Tokens are 64 lower-case hex digits from the seeded id source (§2.8), so runs are reproducible.
 */
export class DeviceRegistry {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly clock: Clock,
    private readonly ids: IdSource,
  ) {}

  /** Issues a new token (PushKit tokens belong to `<bundleId>.voip`, APNs tokens to `<bundleId>`). */
  issue(req: IssueTokenRequest): string {
    const token = this.ids.hex(64);
    const topic = req.kind === 'voip' ? `${req.bundleId}.voip` : req.bundleId;
    this.tokens.set(key(req.environment, token), {
      token,
      environment: req.environment,
      bundleId: req.bundleId,
      kind: req.kind,
      topic,
      invalidatedAt: null,
      receiver: req.receiver ?? null,
    });
    return token;
  }

  /** Marks a token dead: from now on it answers 410 Unregistered with this instant. */
  invalidate(environment: ApnsEnvironment, token: string): void {
    const rec = this.tokens.get(key(environment, token.toLowerCase()));
    if (rec && rec.invalidatedAt === null) {
      rec.invalidatedAt = this.clock.now();
      rec.receiver = null;
    }
  }

  /** Attaches (or replaces) the receiver of a token. */
  attach(environment: ApnsEnvironment, token: string, receiver: PushReceiver): void {
    const rec = this.tokens.get(key(environment, token.toLowerCase()));
    if (!rec)
      throw new Error(`[callrig] fake APNs: no ${environment} token ${token} to attach a receiver to`);
    rec.receiver = receiver;
  }

  lookup(environment: ApnsEnvironment, token: string): TokenLookup {
    const rec = this.tokens.get(key(environment, token.toLowerCase()));
    return rec ? { known: true, topic: rec.topic, invalidatedAt: rec.invalidatedAt } : { known: false };
  }

  /** Hands an accepted push to the token's receiver; false when nobody is attached. */
  deliver(push: DeliveredPush): boolean {
    const rec = this.tokens.get(key(push.environment, push.token));
    if (!rec?.receiver) return false;
    rec.receiver(push);
    return true;
  }
}

const key = (env: ApnsEnvironment, token: string): string => `${env}:${token}`;
