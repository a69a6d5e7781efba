import { afterEach, describe, expect, it } from 'vitest';
import { createIdSource, createVirtualClock, DEFAULT_ENGINE_OPTIONS } from '../../../src/core/index.ts';
import { buildHarness, ConfigInvalidError, type Harness, resolveConfig } from '../../../src/runtime/index.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const build = (config = resolveConfig()) =>
  buildHarness({ config, clock: createVirtualClock(config.startEpochMs), ids: createIdSource(config.seed) });

describe('resolveConfig', () => {
  it('fills the defaults, keeps overrides and deep-freezes the result', () => {
    const config = resolveConfig({
      seed: 'abc',
      device: { catapushMode: 'alert' },
      twilio: { engine: { record: { silentRecording: 'save' } } },
    });
    expect(config.seed).toBe('abc');
    expect(config.device.catapushMode).toBe('alert');
    expect(config.device.bundleId).toBe('com.example.helpdesk');
    expect(config.twilio.engine.record).toEqual({
      ...DEFAULT_ENGINE_OPTIONS.record,
      silentRecording: 'save',
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.device.rules)).toBe(true);
    expect(Object.isFrozen(config.twilio.engine.record)).toBe(true);
  });

  it('names every invalid field', () => {
    const attempt = () =>
      resolveConfig({
        device: { identity: 'not valid!', catapushMode: 'sms' as never },
        twilio: { appSid: 'AP123' },
      });
    expect(attempt).toThrow(ConfigInvalidError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigInvalidError).problems.join('\n');
      expect(problems).toContain('/device/identity');
      expect(problems).toContain('/device/catapushMode');
      expect(problems).toContain('/twilio/appSid');
    }
  });
});

describe('buildHarness', () => {
  it('builds everything without listening; tests can inject into the reference servers', async () => {
    harness = await build();
    expect(() => harness?.urls).toThrow(/only after harness.listen/);
    expect(() => harness?.phone).toThrow(/only after harness.listen/);
    const res = await harness.reference.helpdesk?.inject({ method: 'GET', url: '/callbacks' });
    expect(res?.statusCode).toBe(200);
    expect(res?.json()).toEqual({ callbacks: [] });
  });

  it('listen() binds every service on 127.0.0.1 and wires the TwiML App to the help desk', async () => {
    harness = await build();
    const urls = await harness.listen();
    for (const url of [urls.twilio, urls.catapush, urls.token, urls.helpdesk, urls.apns.sandbox]) {
      expect(url).toMatch(/^https?:\/\/127\.0\.0\.1:\d+/);
    }
    expect(urls.token).toMatch(/\/token$/);
    expect(harness.twilio.context.accounts.app(harness.config.twilio.appSid)).toMatchObject({
      voiceUrl: `${urls.helpdesk}/voice`,
      statusCallback: `${urls.helpdesk}/status-callback`,
    });
    expect(harness.phone.pushKitToken).toMatch(/^[0-9a-f]{64}$/);

    const token = (
      (await (await fetch(urls.token, { method: 'POST' })).json()) as { twilio: { token: string } }
    ).twilio.token;
    const outcome = await harness.twilio.connect({
      token,
      params: {},
      caller: [{ waitFor: 'beep' }, { speak: 6 }],
    });
    expect(outcome).toMatchObject({ ok: true, body: { status: 'completed' } });
    expect(harness.received.map((r) => `${r.server} ${r.method} ${r.path} ${r.status}`)).toEqual([
      'token POST /token 200',
      'helpdesk POST /voice 200',
      'helpdesk POST /recording-callback 200',
      'helpdesk POST /status-callback 204',
    ]);
  });

  it('the phone, Catapush and APNs are linked: a Catapush message reaches the phone as a VoIP push', async () => {
    harness = await build(resolveConfig({ device: { app: { onPush: 'ignore' } } }));
    const urls = await harness.listen();
    await harness.phone.launch();
    await harness.phone.terminate();
    const res = await fetch(`${urls.catapush}/1/messages`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${harness.config.catapush.permanentToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        mobileAppId: harness.config.catapush.appId,
        text: 'hi',
        recipients: [{ identifier: 'alice' }],
      }),
    });
    expect(res.status).toBe(201);
    await harness.settle();
    expect(harness.apns.attempts.at(-1)).toMatchObject({
      status: 200,
      pushType: 'voip',
      topic: 'com.example.helpdesk.voip',
    });
    expect(harness.deviceEvents().map((e) => e.type)).toContain('callkit.reported');
  });

  it("uses the user's servers when the config points at URLs (no reference server is built)", async () => {
    harness = await build(
      resolveConfig({
        servers: {
          helpdesk: { kind: 'url', url: 'http://127.0.0.1:9/desk', headers: {} },
          token: { kind: 'url', url: 'http://127.0.0.1:9/token', headers: {} },
        },
      }),
    );
    expect(harness.reference).toEqual({});
    const urls = await harness.listen();
    expect(urls.helpdesk).toBe('http://127.0.0.1:9/desk');
    expect(harness.twilio.context.accounts.app(harness.config.twilio.appSid)?.voiceUrl).toBe(
      'http://127.0.0.1:9/desk/voice',
    );
  });

  it('close() stops every listener', async () => {
    harness = await build();
    const urls = await harness.listen();
    await harness.close();
    harness = undefined;
    await expect(fetch(`${urls.helpdesk}/callbacks`)).rejects.toThrow();
    await expect(fetch(`${urls.twilio}/2010-04-01/Accounts.json`)).rejects.toThrow();
  });
});
