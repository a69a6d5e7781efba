import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../../core/errors/diagnostic.ts';
import type { LoadedScenario, Scenario } from '../types.ts';
import { validateAgainstSchema } from './schema-validate.ts';
import { semanticIssues } from './semantic-checks.ts';
import { formatPath, positionOf } from './yaml-positions.ts';

export interface LoadResult {
  scenario?: Scenario;
  diagnostics: Diagnostic[];
}

/**
 * Parses and validates one scenario from YAML text. Never throws: syntax errors, schema
 * errors and semantic errors all come back as diagnostics with `file`, `line`, `column`
 * and `path`; `scenario` is set only when there is no error-severity diagnostic.
 * @example const { scenario, diagnostics } = loadScenarioText(text, 'scenarios/x.yaml');
 */
export function loadScenarioText(text: string, fileName: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  const diagnostics: Diagnostic[] = [];
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const pos = problem.linePos?.[0] ?? { line: 1, col: 1 };
    diagnostics.push({
      code: 'CALLRIG_CONFIG_INVALID',
      severity: doc.errors.includes(problem) ? 'error' : 'warning',
      message: `YAML: ${(problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
      line: pos.line,
      column: pos.col,
      file: fileName,
    });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  if (doc.contents === null) {
    diagnostics.push(diag(fileName, 1, 1, '', 'the file is empty; a scenario needs name, story and steps'));
    return { diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    diagnostics.push(diag(fileName, 1, 1, '', `YAML: ${(error as Error).message}`));
    return { diagnostics };
  }
  const schemaIssues = validateAgainstSchema(data);
  const issues = schemaIssues.length > 0 ? schemaIssues : semanticIssues(data);
  for (const issue of issues) {
    const pos = positionOf(doc, lines, issue.path, issue.key);
    diagnostics.push(diag(fileName, pos.line, pos.column, formatPath(issue.path), issue.message));
  }
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return issues.length > 0 ? { diagnostics } : { scenario: data as Scenario, diagnostics };
}

/** Reads and validates one scenario file; a missing or unreadable file is a diagnostic too. */
export async function loadScenarioFile(path: string): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      diagnostics: [
        diag(path, 0, 0, '', `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? error}`),
      ],
    };
  }
  return loadScenarioText(text, path);
}

/**
 * Loads files and folders. A folder is searched recursively for `*.yaml` / `*.yml`
 * (snapshots, `*.snap.yaml`, are skipped), in sorted order. Two scenarios with the same
 * name are reported, since results and snapshots are keyed by name.
 */
export async function loadScenarios(
  paths: string[],
): Promise<{ scenarios: LoadedScenario[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) diagnostics.push(diag(path, 0, 0, '', 'no such file or folder'));
    else if (info.isDirectory()) files.push(...(await scenarioFilesIn(path)));
    else files.push(path);
  }
  const scenarios: LoadedScenario[] = [];
  const byName = new Map<string, string>();
  for (const file of [...new Set(files)]) {
    const result = await loadScenarioFile(file);
    diagnostics.push(...result.diagnostics);
    if (!result.scenario) continue;
    const other = byName.get(result.scenario.name);
    if (other) {
      diagnostics.push(
        diag(file, 1, 1, 'name', `scenario name "${result.scenario.name}" is also used by ${other}`),
      );
      continue;
    }
    byName.set(result.scenario.name, file);
    scenarios.push({ file, scenario: result.scenario });
  }
  return { scenarios, diagnostics };
}

/** Scenario files under a folder, recursively, sorted by path. */
export async function scenarioFilesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && !/\.snap\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath ?? dir, e.name))
    .sort();
}

function diag(file: string, line: number, column: number, path: string, message: string): Diagnostic {
  return {
    code: 'CALLRIG_CONFIG_INVALID',
    severity: 'error',
    message,
    line,
    column,
    file,
    ...(path ? { path } : {}),
  };
}
