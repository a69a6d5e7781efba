import type { SendMessageBody } from '../../src/push/catapush/validate-message.ts';

/** Fixed examples of the Catapush → app VoIP push contract (catapush-apns.md §1.11). */
export const BUNDLE_ID = 'com.example.helpdesk';
export const MESSAGE_ID = '5b0e4a9c-2f7d-4c1e-9a63-0d8f1b2c3e4f';
export const DEFAULT_ALERT = 'You have a new message';

/** The one message description; the provider check keys its message provider by it. */
export const VOIP_PUSH = 'a VoIP push for a Catapush message';

/** Provider state: Catapush has a message for the app's user, in voip delivery mode. */
export const PUSH_STATES = {
  messageForAlice: 'a message for alice in voip delivery mode',
} as const;

/** The send request the provider builds its push from (§1.5): no banner text of its own. */
export const SENT_MESSAGE: SendMessageBody = {
  mobileAppId: 318,
  text: 'Your ticket #42 was answered',
  recipients: [{ identifier: 'alice' }],
  messageRef: 'ticket-42',
};
