import { afterEach, describe, expect, it } from 'vitest';
import { createIdSource, createVirtualClock } from '../../../../src/core/index.ts';
import {
  BEARER_SECRET,
  buildHarness,
  ConfigInvalidError,
  type Harness,
  resolveConfig,
} from '../../../../src/runtime/index.ts';
import { defineScenario, runScenario } from '../../../../src/scenario/run/index.ts';
import type { Scenario } from '../../../../src/scenario/types.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const run = (spec: Omit<Scenario, 'name' | 'story'>) =>
  runScenario(defineScenario({ name: 'variant', story: 'A builtin server variant.', ...spec }));

describe('builtin server variants', () => {
  it('helpdesk no-signature-check answers webhooks signed with another account token', async () => {
    const steps: Scenario['steps'] = [
      { fetchToken: true },
      { call: { caller: [{ waitFor: 'beep' }, { speak: 4 }] } },
    ];
    // @note Access Tokens: the capability token is signed with the auth token, so the fake would refuse it.
    const wrongToken = { authToken: 'f'.repeat(32) };
    const device = { tokenKind: 'access' } as const;
    const plain = await run({ twilio: wrongToken, device, steps });
    expect(plain.requests.find((r) => r.path === '/voice')?.status).toBe(403);
    const relaxed = await run({
      twilio: wrongToken,
      device,
      servers: { helpdesk: { builtin: { variant: 'no-signature-check' } } },
      steps,
      expect: { callbacks: { count: 1 } },
    });
    expect(relaxed.failures).toEqual([]);
    expect(relaxed.requests.find((r) => r.path === '/voice')?.status).toBe(200);
  });

  it('token access-token mints Access Tokens that can register for incoming calls', async () => {
    const result = await run({
      servers: { token: { builtin: { variant: 'access-token' } } },
      steps: [{ registerVoip: { twilio: true } }],
    });
    expect(result.failures).toEqual([]);
    const types = result.timeline.map((e) => e.type);
    expect(result.timeline.find((e) => e.type === 'token.fetched')).toMatchObject({ tokenKind: 'access' });
    expect(types).not.toContain('twilio.register-failed');
  });

  it('token bearer-auth refuses a request without the bearer secret; the runner sends it', async () => {
    const config = resolveConfig({ servers: { token: { kind: 'builtin', variant: 'bearer-auth' } } });
    harness = await buildHarness({
      config,
      clock: createVirtualClock(config.startEpochMs),
      ids: createIdSource(config.seed),
    });
    const urls = await harness.listen();
    const post = (headers: Record<string, string>) =>
      fetch(urls.token, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{}',
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: `Bearer ${BEARER_SECRET}` })).status).toBe(200);

    const result = await run({
      servers: { token: { builtin: { variant: 'bearer-auth' } } },
      steps: [{ fetchToken: true }, { call: { caller: [{ waitFor: 'beep' }, { speak: 4 }] } }],
      expect: { callbacks: { count: 1 } },
    });
    expect(result.failures).toEqual([]);
  });

  it('an unknown variant is a setup error with a did-you-mean and the supported list', async () => {
    const result = await run({
      servers: { helpdesk: { builtin: { variant: 'no-signature-chek' } } },
      steps: [{ fetchToken: true }],
    });
    expect(result.status).not.toBe('passed');
    const message = result.failures.map((f) => f.message).join('\n');
    expect(message).toContain('servers.helpdesk.builtin.variant: unknown variant "no-signature-chek"');
    expect(message).toContain('did you mean "no-signature-check"?');
    expect(message).toContain('supported: no-signature-check');
  });

  it('resolveConfig rejects a variant the server does not have', () => {
    expect(() =>
      resolveConfig({ servers: { helpdesk: { kind: 'builtin', variant: 'bearer-auth' } } }),
    ).toThrow(ConfigInvalidError);
  });
});
