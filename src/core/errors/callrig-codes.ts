/**
 * callrig's own failure codes: conditions Twilio has no number for. Never reuse a retired
 * code (the way Fastify keeps FST_ERR_* stable).
 */
export const CALLRIG_CODES = {
  CALLRIG_LOOP_LIMIT: 'A call fetched more documents than engine.maxDocumentsPerCall (Redirect/action loop)',
  CALLRIG_TIME_LIMIT: 'A call ran past its TimeLimit',
  CALLRIG_SCRIPT_UNUSED: 'A caller-script step never got its moment',
  CALLRIG_CALLKIT_NOT_REPORTED: 'A VoIP push was not reported to CallKit in time; iOS killed the app',
  CALLRIG_VOIP_DELIVERY_STOPPED:
    'iOS stopped delivering VoIP pushes to the app after repeated CallKit violations',
  CALLRIG_TOKEN_FETCH_FAILED: 'The simulated phone could not get a Twilio token from the token server',
  CALLRIG_TOKEN_RESPONSE_NO_TWILIO: "The token server's JSON has no `twilio` object",
  CALLRIG_TOKEN_RESPONSE_NO_TOKEN: "The token server's `twilio` object has no `token`",
  CALLRIG_HOST_NOT_ALLOWED: 'The fake Twilio refused to call a host outside webhooks.allowedHosts',
  CALLRIG_SCENARIO_TIMEOUT: 'A scenario exceeded its wall-time budget',
  CALLRIG_CONFIG_INVALID: 'A configuration or scenario file failed validation',
} as const;

export type CallrigCode = keyof typeof CALLRIG_CODES;

/** callrig codes reported as warnings; every other callrig code is an error. */
export const CALLRIG_WARNING_CODES: ReadonlySet<CallrigCode> = new Set<CallrigCode>([
  'CALLRIG_SCRIPT_UNUSED',
  'CALLRIG_TIME_LIMIT',
]);

/** The level a callrig code is reported at. */
export function callrigSeverity(code: CallrigCode): 'error' | 'warning' {
  return CALLRIG_WARNING_CODES.has(code) ? 'warning' : 'error';
}
