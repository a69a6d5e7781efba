import { afterEach, describe, expect, it } from 'vitest';
import { createIdSource, createVirtualClock } from '../../../src/core/index.ts';
import { buildHarness, ConfigInvalidError, type Harness, resolveConfig } from '../../../src/runtime/index.ts';
import { TwilioConfigError } from '../../../src/twilio/accounts/account-store.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('twilio.statusCallbackEvents in the harness config', () => {
  it('reaches the TwiML App the fake Twilio knows', async () => {
    const config = resolveConfig({ twilio: { statusCallbackEvents: ['initiated', 'completed'] } });
    harness = await buildHarness({
      config,
      clock: createVirtualClock(config.startEpochMs),
      ids: createIdSource(config.seed),
    });
    await harness.listen();
    expect(harness.twilio.context.accounts.app(config.twilio.appSid)?.statusCallbackEvents).toEqual([
      'initiated',
      'completed',
    ]);
  });

  it('rejects an unknown event in the harness config and in an App payload', async () => {
    expect(() => resolveConfig({ twilio: { statusCallbackEvents: ['answerd' as never] } })).toThrow(
      ConfigInvalidError,
    );
    const config = resolveConfig();
    harness = await buildHarness({
      config,
      clock: createVirtualClock(config.startEpochMs),
      ids: createIdSource(config.seed),
    });
    const addApp = () =>
      harness?.twilio.context.accounts.addApp({
        sid: `AP${'1'.repeat(32)}`,
        accountSid: config.twilio.accountSid,
        voiceUrl: 'http://127.0.0.1:1/voice',
        statusCallbackEvents: ['answerd' as never],
      });
    expect(addApp).toThrow(TwilioConfigError);
  });
});
