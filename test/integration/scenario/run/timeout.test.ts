import { afterEach, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../../src/scenario/index.ts';
import { defineScenario, runScenarios } from '../../../../src/scenario/run/index.ts';
import {
  type BrokenHelpDesk,
  startBrokenHelpDesk,
} from '../../../fixtures/broken-helpdesk/broken-helpdesk.ts';

let desk: BrokenHelpDesk | undefined;
afterEach(async () => {
  await desk?.close();
});

it('a help desk that never answers is stopped by the wall budget with CALLRIG_SCENARIO_TIMEOUT, and the next scenario still passes', async () => {
  desk = await startBrokenHelpDesk('never-answers');
  const hanging = defineScenario({
    name: 'help desk never answers',
    story: 'The Voice URL accepts the connection and never responds.',
    servers: { helpdesk: { url: desk.url } },
    steps: [{ fetchToken: true }, { call: { caller: [{ waitFor: 'beep' }, { speak: 3 }] } }],
  });
  const next = await loadScenarioFile('scenarios/help-desk/message-left.yaml');
  const summary = await runScenarios({
    scenarios: [hanging, { file: 'scenarios/help-desk/message-left.yaml', scenario: next.scenario! }],
    budgetMs: 1000,
    concurrency: 1,
  });
  const [first, second] = summary.results;
  expect(first?.status).toBe('timeout');
  expect(first?.failures[0]?.message).toMatch(
    /^CALLRIG_SCENARIO_TIMEOUT: "help desk never answers" did not finish within its 1000 ms wall-time budget \(stuck at steps\[1\]\.call\)/,
  );
  expect(second?.status).toBe('passed');
  expect(summary.timedOut).toBe(1);
  expect(summary.passed).toBe(1);
});
