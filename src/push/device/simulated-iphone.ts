import type { Clock } from '../../core/clock/clock.ts';
import type { DeviceRegistry } from '../apns/device-registry.ts';
import type { ApnsEnvironment, AppState, DeliveredPush, PushTimelineEvent } from '../types.ts';
import { AppSdk } from './app-sdk.ts';
import { CALLKIT_KILL_TEXT } from './callkit-rule.ts';
import { CatapushDeviceClient, type CatapushInboxMessage } from './catapush-client.ts';
import type { AppBehaviour, DeviceRules, PhoneContext, PlaceCallBehaviour } from './context.ts';
import { placeHelpDeskCall } from './place-call.ts';
import { handlePush } from './push-handlers.ts';
import type { TwilioConnectPort } from './twilio-connect.ts';
import { registerTwilioBinding } from './twilio-register.ts';

export interface SimulatedIphoneOptions {
  /** Device name used in events (default `iphone-1`). */
  id?: string;
  bundleId: string;
  environment?: ApnsEnvironment;
  clock: Clock;
  /** The fake APNs (or just its device registry): issues tokens and hands pushes to this phone. */
  apns: { devices: DeviceRegistry };
  /** Catapush SDK login; `origin` is the fake Catapush's HTTP origin. */
  catapush?: { origin: string; appKey: string; identifier: string; password: string };
  /** The user's token server endpoint, e.g. `http://127.0.0.1:3000/token`. */
  tokenServerUrl?: string;
  twilio?: TwilioConnectPort;
  behaviour?: AppBehaviour;
  notificationsAllowed?: boolean;
  /** iOS SDK the app links against (default 13: the CallKit rule applies). */
  linkedSdk?: number;
  iosVersion?: number;
  rules?: Partial<DeviceRules>;
}

/** A simulated iPhone with one installed app (catapush-apns.md §3). */
export interface SimulatedIphone {
  readonly id: string;
  readonly events: readonly PushTimelineEvent[];
  readonly state: AppState;
  readonly pushKitToken: string | null;
  readonly apnsToken: string | null;
  readonly voipStrikes: number;
  readonly voipLaunchBlocked: boolean;
  /** Installs the app: issues an APNs token and a PushKit token; the app is not running yet. */
  install(): void;
  /** The user opens the app: foreground, PushKit registration, Catapush login + token + connect. */
  launch(): Promise<void>;
  moveToBackground(): Promise<void>;
  /** The user swipes the app away. */
  terminate(): Promise<void>;
  /** PushKit invalidates the token and hands a new one (§3.2); the old one answers 410. */
  rotatePushKitToken(): Promise<void>;
  /** Deletes and reinstalls: strikes and lockout cleared, new tokens, old ones 410. */
  reinstall(): Promise<void>;
  /** `TwilioVoiceSDK.register`: needs `incoming.allow` and `push_credential_sid` (20106/31301). */
  registerForIncomingCalls(accessToken: string): Promise<boolean>;
  /** The user taps "call support": the brief's token fetch + connect. */
  placeCall(how?: PlaceCallBehaviour): Promise<void>;
  /** Pulls messages handed over in-app while connected, and acks them. */
  syncInbox(): Promise<CatapushInboxMessage[]>;
  /** The user opens a message: read receipt to Catapush (`read`). */
  readMessage(messageId: string): Promise<void>;
  /** Resolves once every push handler and app action started so far has finished. */
  idle(): Promise<void>;
}

/** Creates a simulated iPhone (time from the injected clock; nothing listens). */
export function createSimulatedIphone(opts: SimulatedIphoneOptions): SimulatedIphone {
  const env = opts.environment ?? 'sandbox';
  const registry = opts.apns.devices;
  const events: PushTimelineEvent[] = [];
  const inflight = new Set<Promise<unknown>>();
  const client = opts.catapush ? new CatapushDeviceClient(opts.catapush.origin, opts.catapush) : null;
  const tokens: { voip: string | null; apns: string | null } = { voip: null, apns: null };
  let twilioBinding: string | null = null;
  const now = () => opts.clock.now();

  const track = <T>(p: Promise<T>): Promise<T> => {
    const t = p.finally(() => inflight.delete(t));
    inflight.add(t);
    return t;
  };
  const receiver = (push: DeliveredPush) => void track(handlePush(ctx, push));
  const setState = (to: AppState) => {
    if (ctx.state !== to) ctx.emit({ type: 'app.state', at: now(), device: ctx.id, from: ctx.state, to });
    ctx.state = to;
  };
  const registerPushKit = () => {
    if (opts.behaviour?.registerPushKitOnLaunch === false || !tokens.voip) return;
    ctx.pushKitRegistered = true;
    ctx.emit({ type: 'pushkit.registered', at: now(), device: ctx.id, token: tokens.voip });
  };
  const issue = (kind: 'voip' | 'apns') => {
    tokens[kind] = registry.issue({ bundleId: opts.bundleId, kind, environment: env, receiver });
  };

  const ctx: PhoneContext = {
    id: opts.id ?? 'iphone-1',
    clock: opts.clock,
    behaviour: opts.behaviour ?? {},
    rules: {
      callKitReportDeadlineMs: opts.rules?.callKitReportDeadlineMs ?? 5000,
      voipStrikeLimit: opts.rules?.voipStrikeLimit ?? 3,
      voipStrikeMode: opts.rules?.voipStrikeMode ?? 'consecutive',
      nseBudgetMs: opts.rules?.nseBudgetMs ?? 30_000,
    },
    linkedSdk: opts.linkedSdk ?? 13,
    iosVersion: opts.iosVersion ?? 17,
    notificationsAllowed: opts.notificationsAllowed ?? true,
    tokenServerUrl: opts.tokenServerUrl ?? null,
    twilio: opts.twilio ?? null,
    catapush: client,
    state: 'terminated',
    generation: 0,
    pushKitRegistered: false,
    voipStrikes: 0,
    voipLaunchBlocked: false,
    emit: (e) => events.push(e),
    async launchInBackground() {
      ctx.generation++;
      ctx.emit({ type: 'app.launched', at: now(), device: ctx.id, reason: 'voip-push', state: 'background' });
      setState('background');
      registerPushKit();
    },
    async kill(why) {
      ctx.generation++;
      ctx.voipStrikes++;
      ctx.voipLaunchBlocked = ctx.voipStrikes >= ctx.rules.voipStrikeLimit;
      const message = `${CALLKIT_KILL_TEXT}: ${why}`;
      ctx.emit({
        type: 'app.killed',
        at: now(),
        device: ctx.id,
        code: 'CALLRIG_CALLKIT_NOT_REPORTED',
        message,
      });
      ctx.emit({
        type: 'voip.strike',
        at: now(),
        device: ctx.id,
        strikes: ctx.voipStrikes,
        blocked: ctx.voipLaunchBlocked,
      });
      setState('terminated');
      ctx.pushKitRegistered = false;
      await sdk.setConnected(false);
    },
  };
  const sdk = new AppSdk(ctx, client, env);

  const phone: SimulatedIphone = {
    id: ctx.id,
    events,
    get state() {
      return ctx.state;
    },
    get pushKitToken() {
      return tokens.voip;
    },
    get apnsToken() {
      return tokens.apns;
    },
    get voipStrikes() {
      return ctx.voipStrikes;
    },
    get voipLaunchBlocked() {
      return ctx.voipLaunchBlocked;
    },
    install() {
      issue('voip');
      issue('apns');
      ctx.emit({ type: 'app.installed', at: now(), device: ctx.id, bundleId: opts.bundleId });
    },
    launch: () =>
      track(
        (async () => {
          if (ctx.state === 'terminated') {
            ctx.generation++;
            ctx.emit({
              type: 'app.launched',
              at: now(),
              device: ctx.id,
              reason: 'user',
              state: 'foreground',
            });
            registerPushKit();
          }
          setState('foreground');
          await sdk.register(tokens);
          await sdk.setConnected(true);
        })(),
      ),
    moveToBackground: () =>
      track(
        (async () => {
          setState('background');
          await sdk.setConnected(false);
        })(),
      ),
    terminate: () =>
      track(
        (async () => {
          ctx.generation++;
          setState('terminated');
          ctx.pushKitRegistered = false;
          await sdk.setConnected(false);
        })(),
      ),
    rotatePushKitToken: () =>
      track(
        (async () => {
          if (!tokens.voip) return;
          registry.invalidate(env, tokens.voip);
          ctx.emit({ type: 'pushkit.token-invalidated', at: now(), device: ctx.id, token: tokens.voip });
          issue('voip');
          ctx.emit({ type: 'pushkit.token-updated', at: now(), device: ctx.id, token: tokens.voip! });
          if (ctx.behaviour.reRegisterOnRotation === false) return;
          if (sdk.mode === 'voip') await sdk.register(tokens);
          if (twilioBinding) await registerTwilioBinding(ctx, tokens.voip, twilioBinding);
        })(),
      ),
    reinstall: () =>
      track(
        (async () => {
          await sdk.setConnected(false);
          for (const t of [tokens.voip, tokens.apns]) if (t) registry.invalidate(env, t);
          sdk.forget();
          ctx.generation++;
          ctx.state = 'terminated';
          ctx.voipStrikes = 0;
          ctx.voipLaunchBlocked = false;
          ctx.pushKitRegistered = false;
          twilioBinding = null;
          phone.install();
        })(),
      ),
    registerForIncomingCalls: (accessToken) =>
      track(
        (async () => {
          const ok = await registerTwilioBinding(ctx, tokens.voip, accessToken);
          if (ok) twilioBinding = accessToken;
          return ok;
        })(),
      ),
    placeCall: (how = {}) => track(placeHelpDeskCall(ctx, how)),
    syncInbox: () => track(sdk.syncInbox()),
    readMessage: (messageId) => track(sdk.read(messageId)),
    async idle() {
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
  return phone;
}
