import type { FastifyInstance } from 'fastify';
import { createIdSource } from '../core/ids/id-source.ts';
import type { SimulatedIphone } from '../push/device/simulated-iphone.ts';
import { createTwilioFake } from '../twilio/create-twilio-fake.ts';
import { buildPhone, buildPushSide } from './push-wiring.ts';
import { buildBuiltinServers } from './reference-servers.ts';
import { inProcessTwilioConnect } from './twilio-connect-adapter.ts';
import type { Harness, HarnessDeps, HarnessUrls, ReceivedRequest, RunnerEvent } from './types.ts';
import { createWebhookFaultGate } from './webhook-faults.ts';

const HOST = '127.0.0.1';

/**
 * The one composition root (STYLE practice 3): builds the fake Twilio, the fake Catapush, the
 * fake APNs and — when the config says `builtin` — the reference token server and help desk,
 * all on the injected clock and id source, and wires them together. Nothing listens until
 * `listen()`; the simulated iPhone is created then, since it needs the servers' URLs.
 *
 * @example
 * const harness = await buildHarness({ config: resolveConfig(), clock: createVirtualClock(), ids: createIdSource(1) });
 * const urls = await harness.listen(); // { twilio, catapush, apns, token, helpdesk }
 * await harness.close();
 */
export async function buildHarness(deps: HarnessDeps): Promise<Harness> {
  const { config, clock, ids } = deps;
  const received: ReceivedRequest[] = [];
  const events: RunnerEvent[] = [];
  // @note Runner and device events often share an instant (virtual time stands still between
  // steps); remembering how many device events came first keeps cause before effect.
  const deviceCounts = new WeakMap<RunnerEvent, number>();
  const builtin = buildBuiltinServers(config, clock, received, deps.logger ?? false);
  const faults = createWebhookFaultGate();
  if (builtin.helpdesk) faults.install(builtin.helpdesk, config.twilio.webhookTimeScale);
  const t = config.twilio;
  const twilio = await createTwilioFake({
    clock,
    ids,
    engine: t.engine,
    webhooks: { timeScale: t.webhookTimeScale, latency: t.webhookLatency },
    config: {
      accounts: [
        {
          sid: t.accountSid,
          authToken: t.authToken,
          apiKeys: [{ sid: t.apiKeySid, secret: t.apiKeySecret }],
        },
      ],
    },
  });
  // @note One id stream per service: APNs and Catapush draw ids while a call runs, and a
  // shared stream would make SIDs depend on how their I/O interleaves with the call's.
  const { apns, catapush } = buildPushSide(config, clock, {
    apns: createIdSource(`${config.seed}/apns`),
    catapush: createIdSource(`${config.seed}/catapush`),
  });
  let urls: HarnessUrls | undefined;
  let phone: SimulatedIphone | undefined;
  const listening: Array<{ close(): Promise<unknown> }> = [];

  const listenApp = async (app: FastifyInstance): Promise<string> => {
    const address = await app.listen({ host: HOST, port: 0 });
    listening.push(app);
    return address;
  };

  const harness: Harness = {
    config,
    clock,
    ids,
    twilio,
    apns,
    catapush,
    reference: {
      ...(builtin.token ? { token: builtin.token } : {}),
      ...(builtin.helpdesk ? { helpdesk: builtin.helpdesk } : {}),
    },
    faults,
    received,
    events,
    emit(event, opts = {}) {
      const stamped = { ...event, at: event.at ?? clock.now() } as RunnerEvent;
      deviceCounts.set(stamped, opts.deviceEventsBefore ?? phone?.events.length ?? 0);
      events.push(stamped);
    },
    deviceEventsBefore: (event) => deviceCounts.get(event) ?? 0,
    get phone(): SimulatedIphone {
      if (!phone) throw new Error('[callrig] harness.phone exists only after harness.listen()');
      return phone;
    },
    get urls(): HarnessUrls {
      if (!urls) throw new Error('[callrig] harness.urls exist only after harness.listen()');
      return urls;
    },
    async listen(opts = {}) {
      if (urls) return urls;
      const s = config.servers;
      const token =
        s.token.kind === 'url' ? s.token.url : `${await listenApp(builtin.token as FastifyInstance)}/token`;
      const helpdesk =
        s.helpdesk.kind === 'url'
          ? s.helpdesk.url.replace(/\/+$/, '')
          : await listenApp(builtin.helpdesk as FastifyInstance);
      await apns.listen();
      listening.push(apns);
      const catapushOrigin = await catapush.listen();
      listening.push(catapush);
      const twilioOrigin = await twilio.listen(opts.twilioPort ?? 0);
      listening.push(twilio);
      twilio.context.accounts.addApp({
        sid: t.appSid,
        accountSid: t.accountSid,
        friendlyName: 'help desk',
        voiceUrl: t.voiceUrl ?? `${helpdesk}/voice`,
        voiceMethod: t.voiceMethod,
        ...(t.fallbackUrl ? { voiceFallbackUrl: t.fallbackUrl } : {}),
        statusCallback: t.statusCallback ?? `${helpdesk}/status-callback`,
        ...(t.statusCallbackEvents ? { statusCallbackEvents: [...t.statusCallbackEvents] } : {}),
      });
      urls = { twilio: twilioOrigin, catapush: catapushOrigin, apns: { ...apns.urls }, token, helpdesk };
      phone = buildPhone(
        config,
        clock,
        apns,
        { catapush: catapushOrigin, token },
        inProcessTwilioConnect(twilio),
      );
      return urls;
    },
    async settle() {
      // @note A push handler may send Catapush an ack that fires a webhook, and so on: a few
      // rounds until both sides are quiet.
      for (let round = 0; round < 4; round++) {
        await catapush.runtime.idle();
        if (phone) await phone.idle();
      }
    },
    deviceEvents: () => phone?.events ?? [],
    async close() {
      await Promise.allSettled(listening.reverse().map((s) => s.close()));
      if (!urls)
        await Promise.allSettled([twilio.close(), builtin.token?.close(), builtin.helpdesk?.close()]);
      builtin.cleanup();
    },
  };
  return harness;
}
