import Fastify from 'fastify';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { createMemoryCallbackQueue } from '../../../src/servers/helpdesk/callback-queue/memory-queue.ts';
import { loadHelpDeskConfig } from '../../../src/servers/helpdesk/config.ts';
import { helpDeskPlugin } from '../../../src/servers/helpdesk/plugin.ts';
import { buildHelpDesk } from '../../../src/servers/index.ts';
import { loadTokenServerConfig } from '../../../src/servers/token/config.ts';
import { tokenServerPlugin } from '../../../src/servers/token/plugin.ts';
import { HELPDESK_ENV, TOKEN_ENV } from '../../unit/servers/fixtures.ts';

describe('reference servers as plugins', () => {
  it('mount side by side under prefixes, each with its own error shape', async () => {
    const app = Fastify();
    const queue = createMemoryCallbackQueue();
    const helpDesk = loadHelpDeskConfig({ ...HELPDESK_ENV, HELPDESK_PUBLIC_URL: 'https://rig.example' });
    app.register(tokenServerPlugin, { config: loadTokenServerConfig(TOKEN_ENV) });
    app.register(tokenServerPlugin, {
      prefix: '/user',
      config: loadTokenServerConfig({ ...TOKEN_ENV, TOKEN_AUTH_MODE: 'open' }),
    });
    app.register(helpDeskPlugin, { prefix: '/desk', config: helpDesk, queue });

    expect((await app.inject({ method: 'POST', url: '/token' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/user/token' })).statusCode).toBe(200);

    const params = { CallSid: 'CA1', RecordingSid: 'RE1' };
    const res = await app.inject({
      method: 'POST',
      url: '/desk/recording-callback',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(
          HELPDESK_ENV.TWILIO_AUTH_TOKEN,
          'https://rig.example/desk/recording-callback',
          params,
        ),
      },
      payload: new URLSearchParams(params).toString(),
    });
    expect(res.statusCode).toBe(200);
    expect(await queue.listPending()).toHaveLength(1);
    expect((await app.inject({ method: 'GET', url: '/desk/nope' })).json().error.code).toBe(
      'HELPDESK_NOT_FOUND',
    );
    await app.close();
  });
});

describe('golden signature vectors (shared/fidelity/twilio-voice.md §6.3)', () => {
  it('accepts vector 4, rebuilt from the Host header, and refuses it without the port', async () => {
    const config = { ...loadHelpDeskConfig({ ...HELPDESK_ENV }), authToken: 'tok', publicBaseUrl: undefined };
    const queue = createMemoryCallbackQueue();
    const app = buildHelpDesk(config, { queue });
    const ac = 'AC00000000000000000000000000000001';
    const re = 'RE00000000000000000000000000000003';
    const params = {
      AccountSid: ac,
      ApiVersion: '2010-04-01',
      ApplicationSid: 'AP00000000000000000000000000000004',
      CallSid: 'CA00000000000000000000000000000002',
      CallStatus: 'completed',
      Called: '',
      Caller: 'client:alice',
      Digits: 'hangup',
      Direction: 'inbound',
      From: 'client:alice',
      RecordingDuration: '12',
      RecordingSid: re,
      RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${ac}/Recordings/${re}`,
      To: '',
    };
    const request = (host: string) =>
      app.inject({
        method: 'POST',
        url: '/recording-callback',
        headers: {
          host,
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': 'Av0lGj3Pxb1T3R1ky6dVYWc0QUo=',
        },
        payload: new URLSearchParams(params).toString(),
      });
    expect((await request('127.0.0.1')).statusCode).toBe(403);
    expect((await request('127.0.0.1:3000')).statusCode).toBe(200);
    expect((await queue.listPending())[0]).toMatchObject({
      digits: 'hangup',
      recordingDuration: 12,
      caller: 'client:alice',
    });
    await app.close();
  });
});
