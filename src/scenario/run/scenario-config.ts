import { variantNames } from '../../runtime/builtin-variants.ts';
import type { Config, ConfigInput, ServerChoice } from '../../runtime/types.ts';
import { closestMatch } from '../load/closest.ts';
import type { Scenario, ServerRef } from '../types.ts';
import type { RunScenarioOptions } from './types.ts';

/**
 * How webhook time is counted in a scenario.
 * @note Virtual runs use `nominal` latency: an answer costs 0 ms of call time and a time-out its
 * timer, because wall latency is noise that would make timelines differ run to run. Twilio's
 * 15 s cap still applies in wall time, so a server that never answers ends the call with 11200
 * before the scenario budget. A `slow` fault shrinks the timers 100× (its "20 s" stall hits the
 * 15 s cap in 150 ms of wall time) while the timeline still shows 15 s. Real-time runs measure.
 */
function webhookTiming(slow: boolean, realTime: boolean): ConfigInput['twilio'] {
  if (realTime) return { webhookLatency: 'measured' };
  return { webhookLatency: 'nominal', ...(slow ? { webhookTimeScale: 0.01 } : {}) };
}

/** Thrown for a scenario the runner cannot build a world for (unsupported server variant…). */
export class ScenarioSetupError extends Error {
  readonly code = 'CALLRIG_CONFIG_INVALID';
}

/**
 * The harness configuration a scenario asks for. The seed is the scenario's `seed`, else its
 * name, so each scenario has its own deterministic SIDs whatever else runs beside it.
 */
export function scenarioConfig(scenario: Scenario, opts: RunScenarioOptions = {}): ConfigInput {
  const t = scenario.twilio ?? {};
  const d = scenario.device ?? {};
  const slow = hasSlowFault(scenario);
  const input: ConfigInput = {
    seed: scenario.seed ?? scenario.name,
    clock: opts.realTime ? 'real' : 'virtual',
    servers: {
      token: serverChoice('token', opts.serverOverrides?.token ?? scenario.servers?.token),
      helpdesk: serverChoice('helpdesk', opts.serverOverrides?.helpdesk ?? scenario.servers?.helpdesk),
    },
    twilio: {
      ...defined({
        accountSid: t.accountSid,
        authToken: t.authToken,
        appSid: t.appSid,
        voiceUrl: t.voiceUrl,
        voiceMethod: t.voiceMethod,
        fallbackUrl: t.fallbackUrl,
        statusCallback: t.statusCallback,
        statusCallbackEvents: t.statusCallbackEvents as Config['twilio']['statusCallbackEvents'] | undefined,
      }),
      ...(t.engine ? { engine: t.engine } : {}),
      ...webhookTiming(slow, opts.realTime === true),
    },
    device: {
      ...defined({
        bundleId: d.bundleId,
        identity: d.identity,
        state: d.state,
        environment: d.environment,
        notificationsAllowed: d.notificationsAllowed,
        tokenKind: d.tokenKind,
        catapushMode: d.catapush?.mode,
        catapushLogin: catapushLogin(scenario),
        iosVersion: d.iosVersion === undefined ? undefined : Number(d.iosVersion),
      }),
      ...(d.app ? { app: defined({ ...d.app }) } : {}),
    },
  };
  return input;
}

/**
 * Does the app log in to Catapush? `registerVoip: { catapush: false }` says it does not.
 * @note The app either uses the Catapush SDK or not (the phone is built once, before the
 * steps), so every `registerVoip` step of a scenario must agree.
 */
function catapushLogin(scenario: Scenario): boolean | undefined {
  const wanted = new Set<boolean>();
  for (const s of scenario.steps) {
    if (!('registerVoip' in s)) continue;
    wanted.add(s.registerVoip === true || s.registerVoip.catapush !== false);
  }
  if (wanted.size > 1) {
    throw new ScenarioSetupError(
      'steps: every registerVoip step must agree on catapush (true or false): the app either logs in to Catapush or never does',
    );
  }
  return wanted.has(false) ? false : undefined;
}

/** Does the scenario stall a webhook in wall time (so its timings are not reproducible)? */
export function hasSlowFault(scenario: Scenario): boolean {
  return scenario.steps.some(
    (s) =>
      'webhookFault' in s &&
      (s.webhookFault === 'slow' || (typeof s.webhookFault === 'object' && s.webhookFault.kind === 'slow')),
  );
}

function serverChoice(
  name: 'token' | 'helpdesk',
  ref: ServerRef | { url: string; headers?: Record<string, string> } | undefined,
): ServerChoice {
  if (ref === undefined || ref === 'builtin') return { kind: 'builtin' };
  if ('url' in ref) return { kind: 'url', url: ref.url, headers: ref.headers ?? {} };
  const variant = ref.builtin.variant;
  if (variant === undefined) return { kind: 'builtin' };
  const supported = variantNames(name);
  if (!supported.includes(variant)) {
    const hint = closestMatch(variant, supported);
    throw new ScenarioSetupError(
      `servers.${name}.builtin.variant: unknown variant "${variant}"${hint ? ` — did you mean "${hint}"?` : ''}; supported: ${supported.join(', ')} (or point servers.${name}.url at your own server)`,
    );
  }
  return { kind: 'builtin', variant };
}

function defined<T extends Record<string, unknown>>(obj: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
