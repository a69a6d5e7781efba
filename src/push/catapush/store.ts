import type { ApnsEnvironment, PushTokenKind } from '../types.ts';
import type { CatapushAccountConfig, CatapushAppConfig } from './options.ts';
import type { SendMessageBody } from './validate-message.ts';

/** Webhook statuses only move forward (catapush-apns.md §1.8). */
export type MessageStatus = 'enqueued' | 'delivered' | 'read' | 'expired';

/** A recipient's history also shows `sent` (APNs accepted) and push failures; webhooks never carry them. */
export interface StatusHistoryEntry {
  status: MessageStatus | 'sent' | 'push-failed' | 'in-app';
  at: number;
  detail?: string;
}

export interface Delivery {
  identifier: string;
  recipientRef?: string;
  text: string;
  status: MessageStatus;
  history: StatusHistoryEntry[];
}

export interface StoredMessage {
  messageId: string;
  appId: number;
  createdAt: number;
  body: SendMessageBody;
  deliveries: Delivery[];
}

export interface StoredUser {
  identifier: string;
  password: string;
  createdAt: number;
}

/** The device-side registration of one identifier (callrig's SDK stand-in, §1.12). */
export interface DeviceSession {
  sessionId: string;
  appId: number;
  identifier: string;
  deviceInfo: Record<string, unknown>;
  pushToken: { kind: PushTokenKind; tokenHex: string; environment: ApnsEnvironment } | null;
  connected: boolean;
  /** Messages handed over in-app while connected, waiting for the device to pull them. */
  inbox: string[];
  /** True once a newer login with the same identifier replaced this one (SDK error 11). */
  replaced: boolean;
}

/** All mutable state of one fake Catapush. Plain maps: the fake is in-memory by design. */
export class CatapushStore {
  readonly accounts = new Map<string, CatapushAccountConfig & { permanentToken: string }>();
  readonly apps = new Map<
    number,
    { config: CatapushAppConfig; accountId: string; users: Map<string, StoredUser> }
  >();
  readonly oauthTokens = new Map<string, { accountId: string; expiresAt: number }>();
  readonly messages = new Map<string, StoredMessage>();
  readonly sessions = new Map<string, DeviceSession>();
  /** (appId, identifier) → current session id. */
  readonly activeSession = new Map<string, string>();

  constructor(accounts: CatapushAccountConfig[], now: number) {
    for (const a of accounts) {
      this.accounts.set(a.id, { ...a });
      for (const app of a.apps) {
        const users = new Map<string, StoredUser>();
        for (const u of app.users ?? []) users.set(u.identifier, { ...u, createdAt: now });
        this.apps.set(app.id, { config: app, accountId: a.id, users });
      }
    }
  }

  /** The account a bearer token belongs to, or null (unknown, expired, or regenerated). */
  accountForToken(token: string, now: number): string | null {
    for (const a of this.accounts.values()) if (a.permanentToken === token) return a.id;
    const t = this.oauthTokens.get(token);
    return t && t.expiresAt > now ? t.accountId : null;
  }

  sessionFor(appId: number, identifier: string): DeviceSession | null {
    const id = this.activeSession.get(`${appId}:${identifier}`);
    return id ? (this.sessions.get(id) ?? null) : null;
  }
}

/** RFC 3339 with `+00:00`, as Catapush's `createdAt` (§1.5). */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
/** ISO 8601 UTC with `Z`, as the MessageStatus `timestamp` (§1.9). */
export const isoZ = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
