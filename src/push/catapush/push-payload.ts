import type { CatapushDeliveryMode } from '../types.ts';
import type { SendMessageBody } from './validate-message.ts';

/** Headers and body of the APNs push Catapush sends for one message (catapush-apns.md §1.2, §1.11). */
export interface CatapushPushShape {
  topic: string;
  pushType: 'voip' | 'alert';
  priority: 10;
  payload: Record<string, unknown>;
}

/**
 * Builds Catapush's push for a delivery mode. Only `catapushID` and `sender` are known from
 * Catapush's sources; the rest of the shape is callrig's choice (§1.11, [rig]).
 */
export function catapushPush(
  mode: CatapushDeliveryMode,
  bundleId: string,
  messageId: string,
  body: SendMessageBody,
  defaultAlertText: string,
): CatapushPushShape {
  const ios = body.devicesData?.ios;
  const alert = ios?.alert ?? body.notificationText ?? defaultAlertText;
  // @note customData keys sit at the top level but never replace aps, sender or catapushID.
  const custom = { ...(ios?.customData ?? {}) };
  for (const k of ['aps', 'sender', 'catapushID']) delete custom[k];
  if (mode === 'voip') {
    return {
      topic: `${bundleId}.voip`,
      pushType: 'voip',
      priority: 10,
      payload: { ...custom, aps: { alert }, sender: 'catapush', catapushID: messageId },
    };
  }
  const aps: Record<string, unknown> = {
    alert,
    'mutable-content': 1,
    badge: ios?.badge ?? 1,
    sound: ios?.sound ?? 'default',
  };
  if (ios?.category !== undefined) aps.category = ios.category;
  return {
    topic: bundleId,
    pushType: 'alert',
    priority: 10,
    payload: { ...custom, aps, sender: 'catapush', catapushID: messageId },
  };
}
