/**
 * A customer backend's Catapush client: `POST /1/messages` (catapush-apns.md §1.3–1.5).
 * @note The consumer of the backend → Catapush contract. Small on purpose: it is what a
 * help-desk backend writes to page the app, not a Catapush SDK.
 */

/** What the backend sends: one text to some identifiers, with a reference echoed in webhooks. */
export interface OutgoingMessage {
  readonly mobileAppId: number;
  readonly text: string;
  readonly recipients: ReadonlyArray<{ readonly identifier: string }>;
  readonly messageRef?: string;
}

/** What the backend keeps from Catapush's 201. */
export type SendResult =
  | { readonly ok: true; readonly messageId: string; readonly createdAt: string }
  | { readonly ok: false; readonly status: number; readonly detail: string };

/** Sends one message with the account's access token. Never throws on an HTTP error status. */
export async function sendCatapushMessage(
  origin: string,
  accessToken: string,
  message: OutgoingMessage,
): Promise<SendResult> {
  const res = await fetch(new URL('/1/messages', origin), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${accessToken}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(message),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status !== 201)
    return { ok: false, status: res.status, detail: String(body.detail ?? res.statusText) };
  return { ok: true, messageId: String(body.messageId), createdAt: String(body.createdAt) };
}
