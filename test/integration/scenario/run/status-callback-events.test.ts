import { describe, expect, it } from 'vitest';
import { defineScenario, runScenario } from '../../../../src/scenario/run/index.ts';
import type { ObservedRequest, Scenario } from '../../../../src/scenario/types.ts';

const call: Scenario['steps'] = [
  { fetchToken: true },
  { call: { caller: [{ waitFor: 'beep' }, { silence: 4 }] } },
];

/** The help desk's status-callback requests of a run, in the order it received them. */
async function statusCallbacks(events?: string[]): Promise<Array<Record<string, string>>> {
  const result = await runScenario(
    defineScenario({
      name: 'status callback events',
      story: 'The App subscribes its status callback to call progress events.',
      ...(events ? { twilio: { statusCallbackEvents: events } } : {}),
      steps: call,
    } as Scenario),
  );
  expect(result.failures).toEqual([]);
  return result.requests.filter((r) => r.path === '/status-callback').map(paramsOf);
}

function paramsOf(r: ObservedRequest): Record<string, string> {
  const p = r.params ?? {};
  // @note Array.isArray does not narrow a ReadonlyArray union member, hence the casts.
  return Array.isArray(p)
    ? Object.fromEntries(p as ReadonlyArray<readonly [string, string]>)
    : { ...(p as Record<string, string>) };
}

describe('twilio.statusCallbackEvents reaches the SDK call', () => {
  // @note An SDK call is inbound: the core engine sends the `ringing` progress event only for
  // outbound-api calls (src/core/engine/call-engine.ts), so a subscription to it yields nothing.
  it('subscribing to initiated/ringing/answered/completed yields the call progress callbacks in order', async () => {
    const got = await statusCallbacks(['initiated', 'ringing', 'answered', 'completed']);
    expect(got.map((p) => [p.CallbackSource, p.CallStatus, p.SequenceNumber])).toEqual([
      ['call-progress-events', 'initiated', '0'],
      ['call-progress-events', 'in-progress', '1'],
      ['call-progress-events', 'completed', '2'],
    ]);
  });

  it('subscribing to answered only yields just that event', async () => {
    const got = await statusCallbacks(['answered']);
    expect(got.map((p) => [p.CallStatus, p.SequenceNumber])).toEqual([['in-progress', '0']]);
  });

  it('without the field only the completed callback is sent', async () => {
    const got = await statusCallbacks();
    expect(got.map((p) => p.CallStatus)).toEqual(['completed']);
  });
});
