import type { Diagnostic } from '../../core/errors/diagnostic.ts';
import { formatDiagnostic } from '../load/format-diagnostic.ts';

/** Scenario files that do not load; `diagnostics` carry file, line and column for each problem. */
export class ScenarioLoadError extends Error {
  readonly code = 'CALLRIG_CONFIG_INVALID';
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => formatDiagnostic(d)).join('\n'));
    this.name = 'ScenarioLoadError';
  }
}
