import Fastify, { type FastifyInstance } from 'fastify';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { PACT_DIR } from '../../../contracts/pact-dir.ts';
import { tokenServerForAlice } from '../../../contracts/token-server/token-provider.ts';
import { formatVerifyReport, verifyProvider } from '../../../src/contracts/index.ts';
import {
  BRIEF_GREETING,
  buildHelpDesk,
  createMemoryCallbackQueue,
  DEV_CREDENTIALS,
  loadHelpDeskConfig,
} from '../../../src/servers/index.ts';

const PUBLIC_URL = 'https://help.example.test';
const running: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function listen(app: FastifyInstance): Promise<string> {
  running.push(app);
  return app.listen({ host: '127.0.0.1', port: 0 });
}

/** Rewrites every string body the app sends (the app itself is untouched). */
function rewriteBodies(app: FastifyInstance, edit: (body: string) => string): FastifyInstance {
  app.addHook('onSend', async (_request, _reply, payload) =>
    typeof payload === 'string' ? edit(payload) : payload,
  );
  return app;
}

describe('verifyProvider against broken providers', () => {
  it('fails a help desk whose Record lost playBeep, naming the attribute', async () => {
    const config = loadHelpDeskConfig({
      TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
      HELPDESK_PUBLIC_URL: PUBLIC_URL,
    });
    const app = rewriteBodies(buildHelpDesk(config, { queue: createMemoryCallbackQueue() }), (b) =>
      b.replace(/ playBeep="true"/, ''),
    );
    const report = await verifyProvider({
      provider: 'helpdesk-ivr',
      url: await listen(app),
      pactDir: PACT_DIR,
      authToken: DEV_CREDENTIALS.authToken,
      publicUrl: PUBLIC_URL,
    });
    expect(report.ok).toBe(false);
    const voice = report.interactions.find(
      (i) => i.description === 'a Voice URL request for a Voice SDK call',
    );
    expect(voice?.ok).toBe(false);
    expect(voice?.problems.join('\n')).toMatch(/playBeep/);
    expect(report.interactions.filter((i) => i.ok)).toHaveLength(2);
    expect(formatVerifyReport(report)).toMatch(
      /✗ twilio-voice: a Voice URL request for a Voice SDK call\n(?: {6}[^\n]*\n)* {6}[^\n]*'@playBeep'\]: Expected attribute 'playBeep'='true' but was missing/,
    );
  });

  it('fails a token server that renamed the twilio key, naming the key', async () => {
    const app = rewriteBodies(tokenServerForAlice(), (b) => b.replace('"twilio":', '"twilioToken":'));
    const report = await verifyProvider({
      provider: 'token-server',
      url: await listen(app),
      pactDir: PACT_DIR,
    });
    expect(report.ok).toBe(false);
    const alice = report.interactions.find((i) => i.description === 'a token request from alice');
    expect(alice?.problems).toContain('$: Actual map is missing the following keys: twilio');
    expect(formatVerifyReport(report)).toContain('missing the following keys: twilio');
  });

  it('fails TwiML that satisfies the pact but that Twilio would reject (callrig TwiML validation)', async () => {
    // @note Pact's XML check lets an extra verb through (pact-notes §6.3); an empty <Redirect/>
    // is error 11100 for Twilio, so the run must fail on callrig's validation alone.
    const { VoiceResponse } = twilio.twiml;
    const app = Fastify();
    app.register(import('@fastify/formbody'));
    app.post('/voice', async (_request, reply) => {
      const doc = new VoiceResponse();
      doc.say({ voice: 'woman' }, BRIEF_GREETING);
      doc.record({ maxLength: 60, playBeep: true, timeout: 3, action: '/recording-callback' });
      doc.say({ voice: 'woman' }, 'I did not receive any message.');
      doc.hangup();
      return reply.type('text/xml').send(doc.toString().replace('<Hangup/>', '<Hangup/><Redirect/>'));
    });
    app.post('/recording-callback', async (_request, reply) =>
      reply.type('text/xml').send('<Response><Say>Thanks.</Say><Hangup/></Response>'),
    );
    const report = await verifyProvider({
      provider: 'helpdesk-ivr',
      url: await listen(app),
      pactDir: PACT_DIR,
    });
    expect(report.interactions.every((i) => i.ok)).toBe(true);
    expect(report.ok).toBe(false);
    expect(report.twiml).toHaveLength(1);
    expect(report.twiml[0]).toMatchObject({
      request: 'POST /voice',
      diagnostics: [{ code: 11100, severity: 'error' }],
    });
    expect(formatVerifyReport(report)).toMatch(/POST \/voice 1:\d+ 11100 <Redirect> needs the target URL/);
  });

  it('reports an unreachable provider and a missing pact folder without throwing', async () => {
    const closed = Fastify();
    const url = await closed.listen({ host: '127.0.0.1', port: 0 });
    await closed.close();
    const down = await verifyProvider({ provider: 'token-server', url, pactDir: PACT_DIR });
    expect(down).toMatchObject({ ok: false, interactions: [] });
    expect(formatVerifyReport(down)).toContain(`error: cannot reach the provider at ${url}: ECONNREFUSED`);
    const none = await verifyProvider({ provider: 'token-server', url, pactDir: '/nonexistent/pacts' });
    expect(none).toMatchObject({ ok: false, interactions: [] });
    expect(formatVerifyReport(none)).toMatch(/error: cannot read the pact folder .*nonexistent/);
  });
});
