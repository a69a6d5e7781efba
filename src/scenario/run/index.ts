/**
 * Running scenarios against a harness: the embedding API. A user's own vitest suite can replay
 * a shipped or code-defined scenario and assert on its timeline.
 * @example
 * import { defineScenario, runScenario } from 'callrig/scenario/run';
 * const result = await runScenario(defineScenario({ name: 'x', story: 'y', steps: [{ call: {} }] }));
 */
export { defineScenario } from '../define-scenario.ts';
export { BudgetExceeded, DEFAULT_BUDGET_MS, DEFAULT_REAL_TIME_BUDGET_MS, defaultBudget } from './budget.ts';
export { catchUpClock, passTime } from './clock-sync.ts';
export { executeSteps, stepName } from './execute-steps.ts';
export { ScenarioLoadError } from './load-error.ts';
export { mergedTimeline, observe } from './observe.ts';
export { reportedConfig, runScenario } from './run-scenario.ts';
export { DEFAULT_SCENARIO_DIR, runConfig, runScenarios } from './run-scenarios.ts';
export { ScenarioSetupError, scenarioConfig } from './scenario-config.ts';
export { pickByName, pickShard, runPool } from './select.ts';
export { checkSnapshot } from './snapshot-check.ts';
export { CALLBACK_GREETING } from './steps/call-steps.ts';
export { FOREIGN_APP_SID } from './steps/token-steps.ts';
export type { RunOptions, RunScenarioOptions, ServerOverrides, StepContext, StepHandler } from './types.ts';
