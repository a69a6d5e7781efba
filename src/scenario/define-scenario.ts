import { formatDiagnostic } from './load/format-diagnostic.ts';
import { validateAgainstSchema } from './load/schema-validate.ts';
import { semanticIssues } from './load/semantic-checks.ts';
import { formatPath } from './load/yaml-positions.ts';
import type { Scenario } from './types.ts';

/** Thrown by `defineScenario` for an invalid scenario; `diagnostics` lists every problem. */
export class ScenarioDefinitionError extends Error {
  readonly code = 'CALLRIG_CONFIG_INVALID';
  constructor(readonly problems: string[]) {
    super(`invalid scenario:\n  ${problems.join('\n  ')}`);
    this.name = 'ScenarioDefinitionError';
  }
}

/**
 * Types and checks a scenario written in code (the embedding API). Returns its argument
 * unchanged; throws `ScenarioDefinitionError` listing every schema problem.
 * @example
 * export default defineScenario({ name: 'says-nothing', story: 'Caller stays silent', steps: [{ fetchToken: true }] });
 */
export function defineScenario<const T extends Scenario>(scenario: T): T {
  const issues = validateAgainstSchema(scenario);
  const all = issues.length > 0 ? issues : semanticIssues(scenario);
  if (all.length > 0) {
    throw new ScenarioDefinitionError(
      all.map((i) =>
        formatDiagnostic({
          code: 'CALLRIG_CONFIG_INVALID',
          severity: 'error',
          message: i.message,
          line: 0,
          column: 0,
          path: formatPath(i.path),
        }),
      ),
    );
  }
  return scenario;
}
