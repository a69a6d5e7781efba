/** Fixed examples of the backend → Catapush send-message contract (catapush-apns.md §1.3–1.7). */
export const APP_ID = 318;
/** A permanent dashboard token: 40 lower-case hex (§1.3). */
export const ACCESS_TOKEN = '9f2c4e0a1b3d5f7e9a8c6b4d2f0e1a3c5b7d9f1e';
/** A well-formed token the provider does not know (regenerated or never issued). */
export const REVOKED_TOKEN = '0'.repeat(40);
export const TOKEN_PATTERN = '^Bearer [0-9a-f]{40}$';
export const RFC3339 = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)$';

/** Provider states of this pair. */
export const SEND_STATES = {
  aliceExists: 'app 318 has a user alice',
} as const;
