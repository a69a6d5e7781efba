import { DEFAULT_VIRTUAL_EPOCH_MS } from '../core/clock/virtual-clock.ts';
import { DEFAULT_ENGINE_OPTIONS } from '../core/engine/options.ts';
import { DEV_CREDENTIALS } from '../servers/reference.ts';
import type { Config } from './types.ts';

/**
 * The defaults of a harness: the brief's world. @note The Twilio credentials are the reference
 * servers' DEV_CREDENTIALS, so the builtin token server mints tokens the fake accepts and the
 * builtin help desk validates the fake's signatures, with nothing to configure.
 */
export const DEFAULT_CONFIG: Config = {
  seed: 1,
  clock: 'virtual',
  startEpochMs: DEFAULT_VIRTUAL_EPOCH_MS,
  servers: { token: { kind: 'builtin' }, helpdesk: { kind: 'builtin' } },
  twilio: {
    accountSid: DEV_CREDENTIALS.accountSid,
    authToken: DEV_CREDENTIALS.authToken,
    appSid: DEV_CREDENTIALS.appSid,
    apiKeySid: DEV_CREDENTIALS.apiKeySid,
    apiKeySecret: DEV_CREDENTIALS.apiKeySecret,
    pushCredentialSid: DEV_CREDENTIALS.pushCredentialSid,
    voiceUrl: null,
    voiceMethod: 'POST',
    fallbackUrl: null,
    statusCallback: null,
    statusCallbackEvents: null,
    engine: DEFAULT_ENGINE_OPTIONS,
    webhookTimeScale: 1,
    webhookLatency: 'measured',
  },
  device: {
    id: 'iphone-1',
    bundleId: 'com.example.helpdesk',
    identity: 'alice',
    environment: 'sandbox',
    state: 'terminated',
    iosVersion: 17,
    notificationsAllowed: true,
    tokenKind: 'capability',
    catapushMode: 'voip',
    catapushLogin: true,
    app: { reportsToCallKit: true, onPush: 'ignore', registersPushKit: true },
    rules: {
      callKitReportDeadlineMs: 5000,
      voipStrikeLimit: 3,
      voipStrikeMode: 'consecutive',
      nseBudgetMs: 30_000,
    },
  },
  catapush: {
    appId: 318,
    appKey: 'callrig-app-key',
    permanentToken: '0c0ffee0c0ffee0c0ffee0c0ffee0c0ffee0c0ff',
    password: 'callrig-device-password',
  },
};
