import type { DeliveredPush } from '../types.ts';
import { judgeVoipHandler } from './callkit-rule.ts';
import { CatapushSdkFailure } from './catapush-client.ts';
import type { PhoneContext } from './context.ts';
import { placeHelpDeskCall } from './place-call.ts';

/** Entry point for every push the fake APNs hands to the phone. */
export async function handlePush(ctx: PhoneContext, push: DeliveredPush): Promise<void> {
  const p = push.payload;
  ctx.emit({
    type: 'push.received',
    at: ctx.clock.now(),
    device: ctx.id,
    apnsId: push.apnsId,
    pushType: push.pushType,
    topic: push.topic,
    appState: ctx.state,
    ...(typeof p.catapushID === 'string' ? { catapushId: p.catapushID } : {}),
    ...(typeof p.twi_call_sid === 'string' ? { twilioCallSid: p.twi_call_sid } : {}),
  });
  if (push.pushType === 'voip') return handleVoip(ctx, push);
  return handleAlert(ctx, push);
}

async function handleVoip(ctx: PhoneContext, push: DeliveredPush): Promise<void> {
  if (ctx.state === 'terminated') {
    if (ctx.voipLaunchBlocked) {
      // @note The provider still got 200 from APNs: the refusal is visible only on the device.
      ctx.emit({
        type: 'push.dropped',
        at: ctx.clock.now(),
        device: ctx.id,
        apnsId: push.apnsId,
        code: 'CALLRIG_VOIP_DELIVERY_STOPPED',
        message: `iOS refused to launch ${ctx.id} for a VoIP push: the app failed to report an incoming call too many times (${ctx.voipStrikes} strikes). Reinstall to clear.`,
      });
      return;
    }
    await ctx.launchInBackground();
  }
  const gen = ctx.generation;
  const v = ctx.behaviour.voipPush ?? {};
  const outcome = judgeVoipHandler({
    report: v.report ?? 'callkit',
    reportDelayMs: v.reportDelayMs ?? 0,
    deadlineMs: ctx.rules.callKitReportDeadlineMs,
    pushKitRegistered: ctx.pushKitRegistered,
    linkedSdk: ctx.linkedSdk,
    iosVersion: ctx.iosVersion,
  });
  if (outcome.kind === 'killed') {
    await ctx.clock.sleep(outcome.afterMs);
    if (gen === ctx.generation) await ctx.kill(outcome.why);
    return;
  }
  if (outcome.kind === 'tolerated') {
    ctx.emit({ type: 'warning', at: ctx.clock.now(), device: ctx.id, message: outcome.warning });
  } else {
    await ctx.clock.sleep(outcome.afterMs);
    if (gen !== ctx.generation) return;
    ctx.emit({
      type: 'callkit.reported',
      at: ctx.clock.now(),
      device: ctx.id,
      apnsId: push.apnsId,
      via: outcome.via,
    });
    ctx.emit({ type: 'pushkit.completion', at: ctx.clock.now(), device: ctx.id, apnsId: push.apnsId });
    if (ctx.rules.voipStrikeMode === 'consecutive') ctx.voipStrikes = 0;
  }
  const p = push.payload;
  if (p.twi_message_type === 'twilio.voice.call') {
    ctx.emit({
      type: 'twilio.call-invite',
      at: ctx.clock.now(),
      device: ctx.id,
      callSid: String(p.twi_call_sid ?? ''),
      from: String(p.twi_from ?? ''),
      to: String(p.twi_to ?? ''),
    });
    return;
  }
  if (p.sender === 'catapush' && typeof p.catapushID === 'string' && v.ackCatapush !== false) {
    await ack(ctx, p.catapushID);
    if (gen !== ctx.generation) return;
  }
  if (v.placeCall) await placeHelpDeskCall(ctx, v.placeCall);
}

async function handleAlert(ctx: PhoneContext, push: DeliveredPush): Promise<void> {
  const p = push.payload;
  const aps = (p.aps && typeof p.aps === 'object' ? p.aps : {}) as Record<string, unknown>;
  const raw = typeof aps.alert === 'string' ? aps.alert : '';
  const at = () => ctx.clock.now();
  if (!ctx.notificationsAllowed) {
    ctx.emit({
      type: 'warning',
      at: at(),
      device: ctx.id,
      message: '[callrig] alert push not shown: notifications are not allowed',
    });
    return;
  }
  const a = ctx.behaviour.alertPush ?? {};
  // @note Without the extension (or when it overruns) iOS shows the alert text as sent.
  const showRaw = (): void =>
    ctx.emit({
      type: 'notification.shown',
      at: at(),
      device: ctx.id,
      apnsId: push.apnsId,
      text: raw,
      via: 'raw',
    });
  const nseRuns = aps['mutable-content'] === 1 && a.nse !== false && p.sender === 'catapush';
  if (!nseRuns) {
    if (p.sender === 'catapush' && aps['mutable-content'] !== 1) {
      ctx.emit({
        type: 'warning',
        at: at(),
        device: ctx.id,
        message: '[callrig] Catapush alert push without mutable-content:1: the NSE cannot run',
      });
    }
    showRaw();
    return;
  }
  const duration = a.nseDurationMs ?? 0;
  if (duration > ctx.rules.nseBudgetMs) {
    await ctx.clock.sleep(ctx.rules.nseBudgetMs);
    ctx.emit({ type: 'nse.ran', at: at(), device: ctx.id, apnsId: push.apnsId, outcome: 'overran' });
    showRaw();
    return;
  }
  await ctx.clock.sleep(duration);
  try {
    if (!ctx.catapush?.session)
      throw new CatapushSdkFailure(
        'fetch',
        -11404,
        'CatapushCredentialsError: no credentials in the App Group',
      );
    const msg = await ctx.catapush.fetch(String(p.catapushID));
    await ctx.catapush.ack(msg.messageId);
    ctx.emit({ type: 'catapush.acked', at: at(), device: ctx.id, messageId: msg.messageId });
    ctx.emit({ type: 'nse.ran', at: at(), device: ctx.id, apnsId: push.apnsId, outcome: 'rewritten' });
    ctx.emit({
      type: 'notification.shown',
      at: at(),
      device: ctx.id,
      apnsId: push.apnsId,
      text: msg.text,
      via: 'nse',
    });
  } catch (e) {
    reportSdkError(ctx, e);
    ctx.emit({ type: 'nse.ran', at: at(), device: ctx.id, apnsId: push.apnsId, outcome: 'failed' });
    ctx.emit({
      type: 'notification.shown',
      at: at(),
      device: ctx.id,
      apnsId: push.apnsId,
      text: raw,
      via: 'raw',
    });
  }
}

async function ack(ctx: PhoneContext, messageId: string): Promise<void> {
  try {
    if (!ctx.catapush) throw new CatapushSdkFailure('ack', -11404, 'the app has no Catapush SDK configured');
    await ctx.catapush.ack(messageId);
    ctx.emit({ type: 'catapush.acked', at: ctx.clock.now(), device: ctx.id, messageId });
  } catch (e) {
    reportSdkError(ctx, e);
  }
}

export function reportSdkError(ctx: PhoneContext, e: unknown): void {
  const f = e instanceof CatapushSdkFailure ? e : new CatapushSdkFailure('unknown', 25001, String(e));
  ctx.emit({
    type: 'catapush.error',
    at: ctx.clock.now(),
    device: ctx.id,
    operation: f.operation,
    sdkCode: f.sdkCode,
    message: f.message,
  });
}
