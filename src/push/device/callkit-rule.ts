/**
 * iOS's rule for VoIP pushes (catapush-apns.md §3.3), pure: the app's scripted reaction in,
 * what iOS does out. Apps linked against the iOS 13 SDK or later must report every VoIP push as
 * an incoming call before the PushKit handler finishes, or iOS kills them.
 */

/** How the app's PushKit handler reacts to a VoIP push. */
export type CallKitReport =
  /** `CXProvider.reportNewIncomingCall`, then the PushKit completion (the correct way). */
  | 'callkit'
  /** LiveCommunicationKit's report (accepted from iOS 17.4). */
  | 'livecommunicationkit'
  /** Shows a banner or does nothing, like Catapush SDK 1.x. */
  | 'none'
  /** Calls the PushKit completion first and reports afterwards. */
  | 'after-completion';

export interface CallKitFacts {
  report: CallKitReport;
  /** Delay between delivery and the report. */
  reportDelayMs: number;
  deadlineMs: number;
  /** Did the app register with PushKit in this process before the push was handed over? */
  pushKitRegistered: boolean;
  /** Major version of the iOS SDK the app links against. */
  linkedSdk: number;
  iosVersion: number;
}

export type CallKitOutcome =
  | { kind: 'reported'; afterMs: number; via: 'callkit' | 'livecommunicationkit'; warning?: string }
  | { kind: 'killed'; afterMs: number; why: string }
  | { kind: 'tolerated'; warning: string };

/** The iOS exception text and crash code seen on a real device [obs]. */
export const CALLKIT_KILL_TEXT =
  'Killing app because it never posted an incoming call to the system after receiving a PushKit VoIP push (0xbaadca11)';

export function judgeVoipHandler(f: CallKitFacts): CallKitOutcome {
  const legacy = f.linkedSdk < 13;
  const fail = (afterMs: number, why: string): CallKitOutcome =>
    legacy
      ? {
          kind: 'tolerated',
          warning: `[callrig] ${why}; tolerated only because the app links the iOS ${f.linkedSdk} SDK`,
        }
      : { kind: 'killed', afterMs, why };
  if (!f.pushKitRegistered) return fail(0, 'the app had not registered with PushKit when the push arrived');
  if (f.report === 'none')
    return fail(f.deadlineMs, `no CallKit report within ${f.deadlineMs} ms of delivery`);
  if (f.report === 'after-completion')
    return fail(f.reportDelayMs, 'the PushKit completion was called before any CallKit report');
  if (f.reportDelayMs > f.deadlineMs)
    return fail(
      f.deadlineMs,
      `the CallKit report came ${f.reportDelayMs} ms after delivery (deadline ${f.deadlineMs} ms)`,
    );
  if (f.report === 'livecommunicationkit' && f.iosVersion < 17.4) {
    return fail(f.reportDelayMs, `LiveCommunicationKit reports need iOS 17.4 (device runs ${f.iosVersion})`);
  }
  return { kind: 'reported', afterMs: f.reportDelayMs, via: f.report };
}
