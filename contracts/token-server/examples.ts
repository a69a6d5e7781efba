/**
 * Fixed examples of the app ↔ token-server contract.
 * @note Constants, never minted at test time: a token minted per run would rewrite the pact
 * file on every run and hide real contract changes in the diff.
 */

/** Three base64url segments: the regex proves the shape only; claims are checked elsewhere. */
export const JWT_PATTERN = '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$';

/**
 * A capability token for `alice` (outgoing scope, AP…4, 300 s), minted once with the
 * reference token server at 2026-01-01T00:00:00Z with callrig's DEV_CREDENTIALS.
 */
export const EXAMPLE_JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzY29wZSI6InNjb3BlOmNsaWVudDpvdXRnb2luZz9hcHBTaWQ9QVAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwNCZjbGllbnROYW1lPWFsaWNlIiwiaXNzIjoiQUMwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMSIsImV4cCI6MTc2NzIyNTkwMCwiaWF0IjoxNzY3MjI1NjAwfQ.YvtTF7mXIxBwBK-ZbO40Nh83883jfmQHdQlHsuJpM6A';

/** The bearer secret the app holds for `alice` (the token server maps it to that identity). */
export const ALICE_SECRET = 'alice-dev-secret-0123456789';

/** `Authorization` value the app sends, and the pattern the contract accepts. */
export const BEARER_PATTERN = '^Bearer \\S+$';

/** Provider states of this pair; the provider check has one handler per entry. */
export const TOKEN_STATES = {
  aliceExists: 'an identity alice exists',
} as const;
