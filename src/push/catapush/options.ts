import type { KeyObject } from 'node:crypto';
import type { Clock } from '../../core/clock/clock.ts';
import type { IdSource } from '../../core/ids/id-source.ts';
import type { ApnsEnvironment, CatapushDeliveryMode } from '../types.ts';

/** Where a MessageStatus webhook goes and in which wire form (catapush-apns.md §1.9). */
export interface StatusWebhookConfig {
  url: string;
  /** `json` = POST JSON (callrig's default), `form` = POST urlencoded, `get` = GET query string. */
  format?: 'json' | 'form' | 'get';
}

export interface CatapushAppConfig {
  /** The integer `mobileAppId`. */
  id: number;
  /** The key the SDK logs in with. */
  appKey: string;
  bundleId: string;
  /** `catapush.apps[].iosDeliveryMode`; `alert` is what SDK ≥ 2.0.1 does (the default). */
  iosDeliveryMode?: CatapushDeliveryMode;
  environment?: ApnsEnvironment;
  statusWebhook?: StatusWebhookConfig;
  users?: Array<{ identifier: string; password: string }>;
}

export interface CatapushAccountConfig {
  id: string;
  /** Dashboard token (40 lower-case hex); regenerate through `/__callrig/catapush/accounts/:id/regenerate-token`. */
  permanentToken: string;
  clientId: string;
  clientSecret: string;
  apps: CatapushAppConfig[];
}

/** How the fake Catapush reaches the fake APNs (real HTTP/2, token auth with a `.p8` key). */
export interface CatapushApnsLink {
  urls: { sandbox: string; production: string };
  /** PEM of the fake APNs certificate (its `certPem`). */
  ca: string;
  keyId: string;
  teamId: string;
  privateKey: string | KeyObject;
}

export interface CatapushOptions {
  clock: Clock;
  ids: IdSource;
  accounts: CatapushAccountConfig[];
  apns: CatapushApnsLink;
  oauthTokenTtlSeconds?: number;
  validationStatus?: 400 | 422;
  unknownRecipient?: 'reject' | 'accept';
  defaultAlertText?: string;
  messageValiditySeconds?: number;
  webhook?: { retryDelaysSeconds?: number[]; timeoutMs?: number };
  /** Wall clock for the APNs JWT `iat` (real APNs and the fake judge it on wall time). */
  wallNow?: () => number;
}

/** Options with every default filled in. */
export type ResolvedCatapushOptions = Required<Omit<CatapushOptions, 'webhook'>> & {
  webhook: { retryDelaysSeconds: number[]; timeoutMs: number };
};

export function resolveCatapushOptions(o: CatapushOptions): ResolvedCatapushOptions {
  return {
    ...o,
    oauthTokenTtlSeconds: o.oauthTokenTtlSeconds ?? 3600,
    validationStatus: o.validationStatus ?? 400,
    unknownRecipient: o.unknownRecipient ?? 'reject',
    defaultAlertText: o.defaultAlertText ?? 'You have a new message',
    messageValiditySeconds: o.messageValiditySeconds ?? 86_400,
    webhook: {
      retryDelaysSeconds: o.webhook?.retryDelaysSeconds ?? [10, 60, 300],
      timeoutMs: o.webhook?.timeoutMs ?? 10_000,
    },
    wallNow: o.wallNow ?? Date.now,
  };
}
