import type { PushTimelineEvent } from '../../../push/types.ts';
import type { CatapushMessageStep, Failure, RegisterVoipStep } from '../../types.ts';
import { catchUpClock } from '../clock-sync.ts';
import type { StepHandler } from '../types.ts';
import { fetchAppToken } from './token-steps.ts';

/**
 * The user opens the app: PushKit registration and the Catapush login with its push token
 * (and, with `twilio: true`, `TwilioVoiceSDK.register` with the app's token for incoming
 * calls), then the app goes to the state the scenario's device is in (terminated by default).
 */
export const registerVoip: StepHandler<RegisterVoipStep['registerVoip']> = async (ctx, arg, where) => {
  const { phone } = ctx.harness;
  await phone.launch();
  if (arg !== true && arg.twilio) {
    if (ctx.token === null && !(await fetchAppToken(ctx)).ok) {
      return [{ where, message: 'the app could not get a token to register for incoming Twilio calls' }];
    }
    // @note A refusal (20106: the brief's capability token cannot receive calls) is a device
    // event, checked by the expectations like any other error.
    await phone.registerForIncomingCalls(ctx.token as string);
  }
  const state = ctx.harness.config.device.state;
  if (state === 'terminated') await phone.terminate();
  else if (state === 'background' || state === 'suspended') await phone.moveToBackground();
  await ctx.harness.settle();
  return [];
};

/** The code a device event carries, when it reports a failure. */
export function deviceCode(e: PushTimelineEvent): string | undefined {
  switch (e.type) {
    case 'app.killed':
    case 'push.dropped':
    case 'token.failed':
      return e.code;
    case 'call.failed':
    case 'twilio.register-failed':
      return String(e.code);
    case 'catapush.error':
      return String(e.sdkCode);
    default:
      return undefined;
  }
}

/**
 * The user's backend sends a Catapush message (`POST /1/messages` with the dashboard token);
 * the runner then waits until the push, the device's reaction and any call it placed are done.
 */
export const catapushMessage: StepHandler<CatapushMessageStep['catapushMessage']> = async (
  ctx,
  arg,
  where,
) => {
  const { harness } = ctx;
  const recipient = arg.recipient ?? harness.config.device.identity;
  const before = harness.deviceEvents().length;
  const sentAt = harness.clock.now();
  const res = await fetch(`${harness.urls.catapush}/1/messages`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${harness.config.catapush.permanentToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      mobileAppId: harness.config.catapush.appId,
      text: arg.text,
      recipients: [{ identifier: recipient }],
    }),
  });
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  // @note Stamped at the send, not at the 201: APNs may deliver the push (and the phone's
  // virtual-time handling of it may run) before the answer arrives; nothing may depend on that race.
  harness.emit(
    {
      type: 'catapush.message-sent',
      at: sentAt,
      recipient,
      text: arg.text,
      status: res.status,
      ...(typeof body.messageId === 'string' ? { messageId: body.messageId } : {}),
    },
    { deviceEventsBefore: before },
  );
  await harness.settle();
  catchUpClock(harness);
  await harness.settle();
  const expect = arg.expect ?? 'ok';
  const failures: Failure[] = [];
  if (expect === 'ok') {
    if (res.status !== 201) {
      failures.push({
        where,
        message: `Catapush refused the message: HTTP ${res.status} ${JSON.stringify(body)}`,
      });
    }
    return failures;
  }
  const seen = harness.deviceEvents().slice(before);
  if (!seen.some((e) => deviceCode(e) === expect)) {
    const codes = seen.map(deviceCode).filter((c) => c !== undefined);
    failures.push({
      where,
      message: `expected the device to report ${expect} after the message; it reported ${codes.length > 0 ? codes.join(', ') : 'no failure'} (events: ${seen.map((e) => e.type).join(', ') || 'none'})`,
      expected: expect,
      actual: codes,
    });
  }
  return failures;
};
