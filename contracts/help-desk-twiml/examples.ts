import type { XmlAttributes } from '@pact-foundation/pact';

/**
 * Fixed examples and patterns of the Twilio ↔ help-desk IVR contract (twilio-voice.md §1, §4).
 * @note Examples are constants (fidelity §6.3 IDs), not the SIDs a run produces, so the pact
 * file is byte-stable between runs.
 */
export const EXAMPLE = {
  accountSid: 'AC00000000000000000000000000000001',
  callSid: 'CA00000000000000000000000000000002',
  recordingSid: 'RE00000000000000000000000000000003',
  applicationSid: 'AP00000000000000000000000000000004',
  caller: 'client:alice',
  /** fidelity §6.3 vector 3: the pact's signature is an example; the provider check re-signs. */
  signature: '8RbZe1vNLmf4Loiiz2Y9gQlCEeg=',
} as const;

export const PATTERN = {
  accountSid: '^AC[0-9a-fA-F]{32}$',
  callSid: '^CA[0-9a-fA-F]{32}$',
  recordingSid: '^RE[0-9a-fA-F]{32}$',
  applicationSid: '^AP[0-9a-fA-F]{32}$',
  client: '^client:[A-Za-z0-9_]+$',
  /** No extension (§4.5); the origin is Twilio's API host, or callrig's fake in a rig. */
  recordingUrl: '^https?://[^/]+/2010-04-01/Accounts/AC[0-9a-fA-F]{32}/Recordings/RE[0-9a-fA-F]{32}$',
  duration: '^[0-9]+$',
  signature: '^[A-Za-z0-9+/]{27}=$',
  /** Relative or absolute: Twilio resolves a relative action against the document URL. */
  recordAction: '^(https?://[^/]+)?/recording-callback$',
} as const;

/** Provider states of this pair; the provider check has one handler per entry. */
export const IVR_STATES = {
  queueEmpty: 'the callback queue is empty',
} as const;

/**
 * XmlBuilder attributes as the plain object `build()` really serialises.
 * @note Its declared type is a Map, but a Map JSON-stringifies to `{}` and every attribute is
 * silently dropped from the pact (pact-notes §2); one cast keeps matchers past the checker.
 */
export const attrs = (o: Record<string, unknown>): XmlAttributes => o as unknown as XmlAttributes;
