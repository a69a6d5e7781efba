import type { Diagnostic } from '../../core/errors/diagnostic.ts';

/**
 * One diagnostic the way a compiler prints it:
 * `scenarios/x.yaml:12:5 steps[2].call.caller[1]: unknown key "speek" — did you mean "speak"?`
 */
export function formatDiagnostic(d: Diagnostic): string {
  const position = d.line > 0 ? `:${d.line}:${d.column}` : '';
  const where = d.file ? `${d.file}${position} ` : position ? `${position.slice(1)} ` : '';
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}${d.path ? `${d.path}: ` : ''}${severity}${d.message}`;
}
