import { formatOffset } from '../assert/describe.ts';
import type { RunSummary, ScenarioResult } from '../types.ts';
import { scenarioId } from './format.ts';
import { renderTranscript } from './transcript.ts';
import type { ReporterOptions, ScenarioReporter } from './types.ts';
import { xmlEscape as x } from './xml-escape.ts';

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/**
 * JUnit XML for CI: one `<testsuite>` per scenario folder, one `<testcase>` per scenario,
 * `<failure>` for failed expectations, `<error>` for errors and timeouts, and the call
 * transcript in `<system-out>`.
 */
export function renderJunit(summary: RunSummary): string {
  const suites = new Map<string, ScenarioResult[]>();
  for (const r of summary.results) {
    const id = scenarioId(r);
    const folder = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : 'scenarios';
    suites.set(folder, [...(suites.get(folder) ?? []), r]);
  }
  const body = [...suites].map(([folder, results]) => renderSuite(folder, results, summary.startedAt));
  const failures = summary.failed;
  const errors = summary.errored + summary.timedOut;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="callrig" tests="${summary.total}" failures="${failures}" errors="${errors}" skipped="0" time="${seconds(summary.durationMs)}">`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

function renderSuite(folder: string, results: ScenarioResult[], startedAt?: string): string {
  const count = (s: ScenarioResult['status'][]): number => results.filter((r) => s.includes(r.status)).length;
  const time = results.reduce((sum, r) => sum + r.durationMs, 0);
  const stamp = startedAt ? ` timestamp="${x(startedAt)}"` : '';
  return [
    `  <testsuite name="${x(folder)}" tests="${results.length}" failures="${count(['failed'])}" errors="${count(['error', 'timeout'])}" skipped="0" time="${seconds(time)}"${stamp}>`,
    ...results.map((r) => renderCase(folder, r)),
    '  </testsuite>',
  ].join('\n');
}

function renderCase(folder: string, r: ScenarioResult): string {
  const lines = [
    `    <testcase classname="${x(folder)}" name="${x(r.name)}" file="${x(r.file)}" time="${seconds(r.durationMs)}">`,
    '      <properties>',
    `        <property name="simulated" value="${formatOffset(r.simulatedMs)}"/>`,
    `        <property name="simulatedMs" value="${r.simulatedMs}"/>`,
    '      </properties>',
  ];
  const detail = [
    ...r.failures.map((f) => `${f.where ? `${f.where}: ` : ''}${f.message}`),
    ...(r.snapshot?.status === 'mismatch' && r.snapshot.diff ? ['', r.snapshot.diff] : []),
  ].join('\n');
  const first = r.failures[0]?.message ?? r.status;
  if (r.status === 'failed')
    lines.push(`      <failure message="${x(first)}" type="AssertionError">${x(detail)}</failure>`);
  if (r.status === 'error')
    lines.push(`      <error message="${x(first)}" type="CALLRIG_SCENARIO_ERROR">${x(detail)}</error>`);
  if (r.status === 'timeout')
    lines.push(`      <error message="${x(first)}" type="CALLRIG_SCENARIO_TIMEOUT">${x(detail)}</error>`);
  const out = [...(r.story ? [r.story, ''] : []), ...renderTranscript(r.timeline)].join('\n');
  if (out) lines.push(`      <system-out>${x(out)}</system-out>`);
  lines.push('    </testcase>');
  return lines.join('\n');
}

/** Writes the JUnit document at the end of the run. */
export function createJunitReporter(options: ReporterOptions): ScenarioReporter {
  return {
    onRunStart() {},
    onScenarioStart() {},
    onScenarioEnd() {},
    onRunEnd(summary) {
      options.stdout.write(renderJunit(summary));
    },
  };
}
