import { afterEach, describe, expect, it } from 'vitest';
import { startHelpDesk } from '../../../contracts/help-desk-twiml/help-desk-provider.ts';
import { PACT_DIR } from '../../../contracts/pact-dir.ts';
import { formatVerifyReport, publishPacts, verifyProvider } from '../../../src/contracts/index.ts';
import { DEV_CREDENTIALS } from '../../../src/servers/index.ts';
import { type FakeBroker, startFakeBroker } from './fake-broker.ts';

const TOKEN = 'broker-token-123';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function broker(): Promise<FakeBroker> {
  const b = await startFakeBroker({ token: TOKEN });
  closers.push(() => b.close());
  return b;
}

describe('publish to a Pact Broker, then verify from it', () => {
  it('publishes the committed pacts, grouped by consumer', async () => {
    const b = await broker();
    const result = await publishPacts({
      pactDir: PACT_DIR,
      brokerUrl: b.url,
      consumerVersion: '1.0.0+abc123',
      branch: 'main',
      token: TOKEN,
    });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.published.map((p) => p.consumer).sort()).toEqual(['backend', 'ios-app', 'twilio-voice']);
    expect(b.pacts.map((p) => `${p.consumer}→${p.provider}@${p.version}#${p.branch}`).sort()).toEqual([
      'backend→catapush@1.0.0+abc123#main',
      'ios-app→catapush@1.0.0+abc123#main',
      'ios-app→token-server@1.0.0+abc123#main',
      'twilio-voice→helpdesk-ivr@1.0.0+abc123#main',
    ]);
    expect(b.requests[0]).toBe('GET /');
  });

  it('verifies the help desk from the broker and publishes the result', async () => {
    const b = await broker();
    await publishPacts({
      pactDir: PACT_DIR,
      brokerUrl: b.url,
      consumerVersion: '1.0.0',
      branch: 'main',
      token: TOKEN,
    });
    const desk = await startHelpDesk();
    closers.push(() => desk.close());
    const report = await verifyProvider({
      provider: 'helpdesk-ivr',
      url: desk.url,
      brokerUrl: b.url,
      brokerToken: TOKEN,
      providerVersion: '2.0.0',
      providerBranch: 'main',
      publish: true,
      authToken: DEV_CREDENTIALS.authToken,
      publicUrl: 'https://help.example.test',
      stateHandlers: { 'the callback queue is empty': () => desk.emptyQueue() },
    });
    expect(report.ok, formatVerifyReport(report)).toBe(true);
    expect(report.source).toBe(b.url);
    expect(report.interactions).toHaveLength(3);
    expect(b.requests.slice(-6)).toEqual([
      'GET /pacts/provider/helpdesk-ivr/for-verification',
      'POST /pacts/provider/helpdesk-ivr/for-verification',
      'GET /pacts/provider/helpdesk-ivr/consumer/twilio-voice/version/1.0.0',
      'GET /pacticipants/helpdesk-ivr',
      'PUT /pacticipants/helpdesk-ivr/branches/main/versions/2.0.0',
      'POST /pacts/provider/helpdesk-ivr/consumer/twilio-voice/version/1.0.0/verification-results',
    ]);
    expect(b.providerBranchVersions).toEqual(['helpdesk-ivr@main@2.0.0']);
    expect(b.results).toHaveLength(1);
    expect(b.results[0]).toMatchObject({
      provider: 'helpdesk-ivr',
      consumer: 'twilio-voice',
      body: { success: true, providerApplicationVersion: '2.0.0' },
    });
  });

  it('reports a refused publish instead of throwing', async () => {
    const b = await broker();
    const result = await publishPacts({
      pactDir: PACT_DIR,
      brokerUrl: b.url,
      consumerVersion: '1',
      token: 'wrong',
    });
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/HTTP 401/);
    expect(b.pacts).toEqual([]);
  });

  it('publishes a failed result for a help desk that breaks the contract', async () => {
    const b = await broker();
    await publishPacts({
      pactDir: PACT_DIR,
      brokerUrl: b.url,
      consumerVersion: '1.0.0',
      branch: 'main',
      token: TOKEN,
    });
    const desk = await startHelpDesk();
    closers.push(() => desk.close());
    const report = await verifyProvider({
      provider: 'helpdesk-ivr',
      url: desk.url,
      brokerUrl: b.url,
      brokerToken: TOKEN,
      providerVersion: '2.0.1',
      publish: true,
      // @note Signed for the wrong public URL: the IVR answers 403 to every webhook.
      authToken: DEV_CREDENTIALS.authToken,
      publicUrl: 'https://elsewhere.example.test',
    });
    expect(report.ok).toBe(false);
    expect(b.results).toHaveLength(1);
    expect(b.results[0]?.body).toMatchObject({ success: false, providerApplicationVersion: '2.0.1' });
  });
});
