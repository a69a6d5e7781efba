import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarios } from '../../../../src/scenario/index.ts';
import { runScenarios } from '../../../../src/scenario/run/index.ts';
import type { LoadedScenario, RunSummary } from '../../../../src/scenario/types.ts';
import {
  type BrokenHelpDesk,
  type BrokenVariant,
  startBrokenHelpDesk,
} from '../../../fixtures/broken-helpdesk/broken-helpdesk.ts';

let desk: BrokenHelpDesk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

/** Every shipped scenario that can run against a user's help desk (fault injection needs the builtin one). */
async function shippedScenarios(): Promise<LoadedScenario[]> {
  const { scenarios, diagnostics } = await loadScenarios(['scenarios']);
  expect(diagnostics).toEqual([]);
  return scenarios.filter(({ scenario }) => !scenario.steps.some((step) => 'webhookFault' in step));
}

async function runAgainst(variant: BrokenVariant): Promise<RunSummary> {
  desk = await startBrokenHelpDesk(variant);
  return runScenarios({
    scenarios: await shippedScenarios(),
    serverOverrides: { helpdesk: { url: desk.url } },
  });
}

const failing = (summary: RunSummary) =>
  summary.results
    .filter((r) => r.status !== 'passed')
    .map((r) => r.name)
    .sort();
const messagesOf = (summary: RunSummary, name: string) =>
  summary.results
    .find((r) => r.name === name)
    ?.failures.map((f) => f.message)
    .join('\n') ?? '';

describe('shipped scenarios against deliberately broken help desks', () => {
  it('a wrong Record action URL fails exactly the scenarios that leave a message', async () => {
    const summary = await runAgainst('wrong-action-url');
    expect(failing(summary)).toEqual([
      'hangup-during-recording',
      'key-ends-recording',
      'max-length-reached',
      'message-left',
      'staff-call-back',
    ]);
    expect(messagesOf(summary, 'message-left')).toContain('url=http://127.0.0.1');
    expect(messagesOf(summary, 'message-left')).toContain('/recording-callbak');
    expect(messagesOf(summary, 'max-length-reached')).toContain(
      'We are sorry, an application error has occurred',
    );
    expect(messagesOf(summary, 'staff-call-back')).toContain('no pending callback');
    expect(summary.passed).toBe(summary.total - 5);
  });

  it('a missing <Hangup/> fails only the no-message path', async () => {
    const summary = await runAgainst('missing-hangup');
    expect(failing(summary)).toEqual(['no-message']);
    expect(messagesOf(summary, 'no-message')).toContain('reason=end-of-document');
  });

  it('a signature check that accepts anything fails the forged-signature scenario', async () => {
    const summary = await runAgainst('accepts-any-signature');
    expect(failing(summary)).toEqual(['signature-rejected']);
    expect(messagesOf(summary, 'signature-rejected')).toContain(
      'expected event #3 {type: webhook.responded, kind: voice, status: 403}',
    );
    expect(messagesOf(summary, 'signature-rejected')).toContain('status=200');
  });

  it('a signature check that rejects everything fails every scenario that reaches the help desk', async () => {
    const summary = await runAgainst('rejects-all-signatures');
    expect(failing(summary)).toEqual([
      'hangup-during-recording',
      'key-ends-recording',
      'max-length-reached',
      'message-left',
      'no-message',
      'staff-call-back',
      'voip-push-wakes-terminated-app',
    ]);
    expect(messagesOf(summary, 'message-left')).toContain('POST /voice → 403');
    for (const name of [
      'signature-rejected',
      'expired-token',
      'token-for-wrong-app',
      'alert-mode-does-not-wake',
      'voip-push-not-reported',
    ]) {
      expect(summary.results.find((r) => r.name === name)?.status).toBe('passed');
    }
  });
});
