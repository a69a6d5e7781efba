/**
 * Consumer and provider names of every callrig contract, in one place.
 * @note These strings become pact file names (`<consumer>-<provider>.json`) and Pact Broker
 * pacticipants: renaming one orphans its file and starts a new broker history.
 */
export const PACTICIPANTS = {
  /** The iPhone app (callrig's simulated iPhone stands in for it). */
  app: 'ios-app',
  /** The user's token server (`POST /token`). */
  tokenServer: 'token-server',
  /** Twilio Programmable Voice calling webhooks (callrig's fake Twilio stands in for it). */
  twilio: 'twilio-voice',
  /** The user's help-desk IVR (Voice URL + recording callback). */
  ivr: 'helpdesk-ivr',
  /** Catapush: provider of VoIP pushes, and of the send-message REST API. */
  catapush: 'catapush',
  /** The user's backend that asks Catapush to send a message. */
  backend: 'backend',
} as const;

/** One of the names above. */
export type Pacticipant = (typeof PACTICIPANTS)[keyof typeof PACTICIPANTS];
