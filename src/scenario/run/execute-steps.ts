import { parseDuration } from '../load/duration.ts';
import type { Failure, ScenarioStep, StepName, WebhookFaultStep } from '../types.ts';
import { passTime } from './clock-sync.ts';
import { call, restCallback } from './steps/call-steps.ts';
import { catapushMessage, registerVoip } from './steps/device-steps.ts';
import { fetchToken, mintToken } from './steps/token-steps.ts';
import type { StepContext, StepHandler } from './types.ts';

const advance: StepHandler<string | number> = async (ctx, arg, where) => {
  const ms = parseDuration(arg);
  if (ms === undefined) return [{ where, message: `not a duration: ${JSON.stringify(arg)}` }];
  await passTime(ctx.harness, ms);
  return [];
};

const webhookFault: StepHandler<WebhookFaultStep['webhookFault']> = async (ctx, arg, where) => {
  if (ctx.harness.config.servers.helpdesk.kind !== 'builtin') {
    return [
      {
        where,
        message:
          'webhookFault needs the builtin help desk (servers.helpdesk: builtin); make your own server misbehave instead',
      },
    ];
  }
  const f = typeof arg === 'string' ? { kind: arg } : arg;
  const delayMs = f.delay === undefined ? undefined : parseDuration(f.delay);
  ctx.harness.faults.add({
    kind: f.kind,
    on: f.on ?? 'any',
    times: f.times ?? 1,
    ...(f.status === undefined ? {} : { status: f.status }),
    ...(f.body === undefined ? {} : { body: f.body }),
    ...(delayMs === undefined ? {} : { delayMs }),
  });
  ctx.emit({ type: 'fault.armed', kind: f.kind, on: f.on ?? 'any', times: f.times ?? 1 });
  return [];
};

/** Step name → handler. @note `satisfies` makes a step added to the language without a handler a compile error. */
const HANDLERS = {
  registerVoip,
  catapushMessage,
  fetchToken,
  mintToken,
  call,
  restCallback,
  advance,
  webhookFault,
} satisfies Record<StepName, StepHandler<never>>;

/** The single key of a step object. */
export function stepName(step: ScenarioStep): StepName {
  return Object.keys(step)[0] as StepName;
}

/**
 * Runs the steps in order; stops at the first step whose outcome differs from what it expects.
 * `onStep` learns which step is running (for timeout messages).
 */
export async function executeSteps(
  ctx: StepContext,
  steps: readonly ScenarioStep[],
  onStep: (where: string) => void,
): Promise<Failure[]> {
  for (const [i, step] of steps.entries()) {
    const name = stepName(step);
    const where = `steps[${i}].${name}`;
    onStep(where);
    const handler = HANDLERS[name] as StepHandler<unknown>;
    const failures = await handler(ctx, (step as unknown as Record<string, unknown>)[name], where);
    if (failures.length > 0) return failures;
  }
  return [];
}
