/**
 * Every Twilio error code callrig can produce, as data (shared/fidelity/twilio-voice.md §8).
 * The core emits these numbers; adapters map them to wire shapes. A test keeps this table
 * and the README's error table in step (Fastify's errors.md is the model).
 */
export type Severity = 'error' | 'warning';

export interface TwilioCodeInfo {
  /** Short stable name, e.g. `HTTP_RETRIEVAL_FAILURE`. */
  readonly name: string;
  /** One line: what happened. */
  readonly summary: string;
  readonly severity: Severity;
  /** HTTP status when the code is returned by the REST API. */
  readonly httpStatus?: number;
}

const e = (name: string, summary: string, httpStatus?: number): TwilioCodeInfo =>
  httpStatus === undefined
    ? { name, summary, severity: 'error' }
    : { name, summary, severity: 'error', httpStatus };
const w = (name: string, summary: string): TwilioCodeInfo => ({ name, summary, severity: 'warning' });

export const TWILIO_CODES = {
  // Fetching and parsing TwiML (§8.1)
  11100: e('INVALID_URL_FORMAT', 'Invalid URL format'),
  11200: e('HTTP_RETRIEVAL_FAILURE', 'HTTP retrieval failure'),
  11201: e('HTTP_CONNECTION_TIMEOUT', 'TCP connection timed out'),
  11202: e('HTTP_CONNECTION_REFUSED', 'TCP connection refused'),
  11203: e('HTTP_TOTAL_TIMEOUT', 'Total time-out triggered'),
  11205: e('HTTP_CONNECTION_FAILURE', 'HTTP connection failure'),
  11206: e('HTTP_PROTOCOL_VIOLATION', 'HTTP protocol violation'),
  11210: e('HTTP_BAD_HOST_NAME', 'HTTP bad host name'),
  11215: e('HTTP_TOO_MANY_REDIRECTS', 'HTTP too many redirects'),
  11220: e('SSL_HANDSHAKE_ERROR', 'SSL/TLS handshake error'),
  11235: e('SSL_DOMAIN_MISMATCH', 'Certificate domain mismatch'),
  11236: e('SSL_CERT_EXPIRED', 'Certificate expired'),
  11237: e('SSL_CERT_UNTRUSTED', 'Certificate not trusted'),
  11243: e('INVALID_RETRY_POLICY', 'Connection override: invalid retry policy'),
  11750: e('TWIML_RESPONSE_TOO_LARGE', 'TwiML response body too large'),
  11770: e('EMPTY_CHUNKED_RESPONSE', 'Empty response body (chunked)'),
  12100: e('DOCUMENT_PARSE_FAILURE', 'Document parse failure'),
  12101: e('INVALID_TWIML_VERSION', 'Invalid TwiML version'),
  12102: e('INVALID_ROOT_ELEMENT', 'Root element must be Response'),
  12200: w('SCHEMA_VALIDATION_WARNING', 'Schema validation warning'),
  12300: e('INVALID_CONTENT_TYPE', 'Invalid Content-Type'),
  15004: e('ACTION_URL_MUST_BE_ABSOLUTE', 'Relative action URL in inline TwiML'),
  // Call flow and callbacks (§8.2)
  13201: e('DIAL_IN_WHISPER', 'Dial: cannot Dial out from a Dial call segment'),
  13750: e('VERB_NOT_SUPPORTED', 'Verb not supported by this API version'),
  13805: w('TRIAL_CALL_TOO_LONG', 'Trial call longer than 10 minutes'),
  15003: w('CALLBACK_HTTP_FAILURE', 'Call progress callback received a 4xx or 5xx'),
  16101: w('RECORDING_TOO_SHORT', 'Recording absent: too short'),
  16102: w('RECORDING_SILENT', 'Recording absent: silent'),
  16109: e('RECORDING_ENCRYPTED_MP3', 'MP3 requested for an encrypted recording'),
  13617: w('TRANSCRIPTION_OUT_OF_RANGE', 'Recording length out of range for transcription'),
  // Say (§8.3)
  13510: w('SAY_INVALID_LOOP', 'Say: invalid loop value'),
  13511: w('SAY_INVALID_VOICE', 'Say: invalid voice value'),
  13512: w('SAY_INVALID_LANGUAGE', 'Say: invalid language value'),
  13520: w('SAY_EMPTY_TEXT', 'Say: invalid text (empty)'),
  13521: w('SAY_TEXT_TOO_LONG', 'Say: text too long'),
  // Play
  13410: w('PLAY_INVALID_LOOP', 'Play: invalid loop value'),
  13420: e('PLAY_INVALID_CONTENT_TYPE', 'Play: invalid content type'),
  13430: w('PLAY_INVALID_DIGITS', 'Play: invalid digits value'),
  // Pause / Redirect / Reject
  13910: w('PAUSE_INVALID_LENGTH', 'Pause: invalid length value'),
  13710: w('REDIRECT_INVALID_METHOD', 'Redirect: invalid method value'),
  13810: w('REJECT_INVALID_REASON', 'Reject: invalid reason value'),
  // Record
  13610: w('RECORD_INVALID_METHOD', 'Record: invalid method value'),
  13611: w('RECORD_INVALID_TIMEOUT', 'Record: invalid timeout value'),
  13612: w('RECORD_INVALID_MAX_LENGTH', 'Record: invalid maxLength value'),
  13613: w('RECORD_INVALID_FINISH_ON_KEY', 'Record: invalid finishOnKey value'),
  13614: w('RECORD_INVALID_TRANSCRIBE', 'Record: invalid transcribe value'),
  13615: w('RECORD_MAX_LENGTH_TOO_HIGH_FOR_TRANSCRIPTION', 'Record: maxLength too high for transcription'),
  13616: w('RECORD_INVALID_PLAY_BEEP', 'Record: invalid playBeep value'),
  13621: e('RECORD_INVALID_STATUS_CALLBACK_EVENT', 'Record: invalid recordingStatusCallbackEvent'),
  13699: w('RECORD_INVALID_TRIM', 'Record: invalid trim value'),
  // Gather
  13310: w('GATHER_INVALID_FINISH_ON_KEY', 'Gather: invalid finishOnKey value'),
  13311: w('GATHER_INVALID_FINISH_ON_KEY_LENGTH', 'Gather: finishOnKey must be a single key'),
  13312: w('GATHER_INVALID_METHOD', 'Gather: invalid method value'),
  13313: w('GATHER_INVALID_TIMEOUT', 'Gather: invalid timeout value'),
  13314: w('GATHER_INVALID_NUM_DIGITS', 'Gather: invalid numDigits value'),
  13320: w('GATHER_INVALID_NESTED_VERB', 'Gather: invalid nested verb'),
  13321: w('GATHER_NESTED_SAY_INVALID_VOICE', 'Gather: nested Say has an invalid voice'),
  13322: w('GATHER_NESTED_SAY_INVALID_LOOP', 'Gather: nested Say has an invalid loop'),
  13325: e('GATHER_NESTED_PLAY_INVALID_CONTENT_TYPE', 'Gather: nested Play has an invalid content type'),
  13326: w('GATHER_INVALID_INPUT', 'Gather: invalid input value'),
  13327: w('GATHER_INVALID_SPEECH_TIMEOUT', 'Gather: invalid speechTimeout value'),
  13328: w('GATHER_INVALID_MAX_SPEECH_TIME', 'Gather: invalid maxSpeechTime value'),
  13329: w('GATHER_INVALID_PARTIAL_RESULT_CALLBACK_METHOD', 'Gather: invalid partialResultCallbackMethod'),
  13330: w('GATHER_INVALID_HINTS', 'Gather: invalid hints value'),
  13331: w('GATHER_INVALID_LANGUAGE', 'Gather: invalid language value'),
  13332: w('GATHER_INVALID_BARGE_IN', 'Gather: invalid bargeIn value'),
  13333: w('GATHER_INVALID_PROFANITY_FILTER', 'Gather: invalid profanityFilter value'),
  13334: w('GATHER_INVALID_SPEECH_MODEL', 'Gather: invalid speechModel value'),
  13335: w(
    'GATHER_AUTO_SPEECH_TIMEOUT_WITH_DEFAULT_MODEL',
    'Gather: speechTimeout=auto needs a non-default model',
  ),
  13338: e('GATHER_INVALID_ACTION_ON_EMPTY_RESULT', 'Gather: invalid actionOnEmptyResult value'),
  // Dial
  13210: w('DIAL_INVALID_METHOD', 'Dial: invalid method value'),
  13212: w('DIAL_INVALID_TIMEOUT', 'Dial: invalid timeout value'),
  13213: w('DIAL_INVALID_HANGUP_ON_STAR', 'Dial: invalid hangupOnStar value'),
  13214: w('DIAL_INVALID_CALLER_ID', 'Dial: invalid callerId value'),
  13215: w('DIAL_INVALID_NESTED_ELEMENT', 'Dial: invalid nested element'),
  13216: w('DIAL_INVALID_TIME_LIMIT', 'Dial: invalid timeLimit value'),
  13217: w('DIAL_INVALID_RECORD', 'Dial: invalid record value'),
  13218: w('DIAL_INVALID_SEQUENTIAL', 'Dial: invalid sequential value'),
  13219: w('DIAL_INVALID_ANSWER_ON_BRIDGE', 'Dial: invalid answerOnBridge value'),
  13220: w('DIAL_INVALID_RING_TONE', 'Dial: invalid ringTone value'),
  13223: w('DIAL_INVALID_NUMBER_FORMAT', 'Dial: invalid phone number format'),
  13224: w('DIAL_INVALID_NUMBER', 'Dial: invalid phone number'),
  13256: w('DIAL_INVALID_RECORDING_STATUS_CALLBACK', 'Dial: invalid recordingStatusCallback URL'),
  // Tokens (§7.4)
  20101: e('ACCESS_TOKEN_INVALID', 'Invalid Access Token'),
  20102: e('ACCESS_TOKEN_HEADER_INVALID', 'Invalid Access Token header'),
  20103: e('ACCESS_TOKEN_ISSUER_INVALID', 'Invalid Access Token issuer/subject'),
  20104: e('ACCESS_TOKEN_EXPIRED', 'Access Token expired or expiration date invalid'),
  20105: e('ACCESS_TOKEN_NOT_YET_VALID', 'Access Token not yet valid'),
  20106: e('ACCESS_TOKEN_GRANTS_INVALID', 'Invalid Access Token grants'),
  20107: e('ACCESS_TOKEN_SIGNATURE_INVALID', 'Invalid Access Token signature'),
  20152: e('CAPABILITY_TOKEN_HEADER_INVALID', 'Invalid capability token header'),
  20153: e('CAPABILITY_TOKEN_ISSUER_INVALID', 'Invalid capability token issuer'),
  20156: e('CAPABILITY_TOKEN_EXPIRED', 'Capability token expired'),
  20157: e('CAPABILITY_TOKEN_TTL_TOO_LONG', 'Capability token expiration too far in the future'),
  20159: e('CAPABILITY_TOKEN_SIGNATURE_INVALID', 'Invalid capability token signature'),
  20160: e('CAPABILITY_TOKEN_INVALID', 'Capability token is not a JWT'),
  31000: e('SDK_GENERAL_ERROR', 'General connection error'),
  31001: e('SDK_APPLICATION_NOT_FOUND', 'Application not found'),
  31005: e('SDK_CONNECTION_ERROR', 'Connection error'),
  31100: e('SDK_MALFORMED_REQUEST', 'Malformed connect request'),
  31102: e('SDK_AUTHORIZATION_TOKEN_MISSING', 'Authorization token missing in request'),
  31105: e('SDK_INVALID_CLIENT_NAME', 'Invalid client name'),
  31202: e('SDK_JWT_SIGNATURE_VALIDATION_FAILED', 'JWT signature validation failed'),
  31203: e('SDK_NO_VALID_ACCOUNT', 'No valid account'),
  31204: e('SDK_INVALID_JWT_TOKEN', 'Invalid JWT token'),
  31205: e('SDK_JWT_TOKEN_EXPIRED', 'JWT token expired'),
  31207: e('SDK_JWT_TTL_TOO_LONG', 'JWT token expiration too long'),
  31301: e('SDK_REGISTRATION_ERROR', 'Registration error'),
  // REST (§8.4)
  20001: e('INVALID_PARAMETER', 'Invalid parameter', 400),
  20003: e('AUTHENTICATE', 'Authenticate', 401),
  20004: e('METHOD_NOT_ALLOWED', 'Method not allowed', 405),
  20500: e('INTERNAL_SERVER_ERROR', 'Internal server error', 500),
  20404: e('NOT_FOUND', 'The requested resource was not found', 404),
  21201: e('NO_CALLED_NUMBER', "No 'To' number is specified", 400),
  21205: e('INVALID_URL', 'Url parameter is required or invalid', 400),
  21206: e('INVALID_SEND_DIGITS', 'Invalid SendDigits', 400),
  21208: e('INVALID_TIMEOUT', 'Invalid Timeout', 400),
  21209: e('INVALID_METHOD', 'Invalid Method', 400),
  21210: e('CALLER_NOT_VERIFIED', "'From' phone number not verified", 400),
  21211: e('INVALID_TO', "Invalid 'To' phone number", 400),
  21212: e('INVALID_FROM', "Invalid 'From' phone number", 400),
  21213: e('FROM_REQUIRED', "'From' phone number is required", 400),
  21218: e('INVALID_APPLICATION_SID', 'Invalid ApplicationSid', 400),
  21220: e('INVALID_CALL_STATE', 'Invalid call state for this operation', 400),
} as const satisfies Record<number, TwilioCodeInfo>;

export type TwilioCode = keyof typeof TWILIO_CODES;

/** Twilio's public page for a code (what `more_info` carries in REST errors). */
export function moreInfoUrl(code: number): string {
  return `https://www.twilio.com/docs/errors/${code}`;
}

/** Catalogue lookup that tolerates unknown numbers (a port may report one we never listed). */
export function describeCode(code: number): TwilioCodeInfo {
  const known = (TWILIO_CODES as Record<number, TwilioCodeInfo>)[code];
  return known ?? { name: 'UNKNOWN', summary: `Twilio error ${code}`, severity: 'error' };
}
