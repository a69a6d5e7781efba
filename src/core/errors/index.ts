/** The error catalogue: Twilio's codes, callrig's own, diagnostics and the failure class. */
export { CALLRIG_CODES, CALLRIG_WARNING_CODES, type CallrigCode, callrigSeverity } from './callrig-codes.ts';
export type { Diagnostic } from './diagnostic.ts';
export {
  describeCode,
  moreInfoUrl,
  type Severity,
  TWILIO_CODES,
  type TwilioCode,
  type TwilioCodeInfo,
} from './twilio-codes.ts';
export { type FailureWhere, isKnownCode, TwilioFailure } from './twilio-failure.ts';
