/**
 * The scenario package: the language (types, JSON Schema, loader), assertions, snapshots
 * and reporters. Everything here works on plain data; running a scenario against a harness
 * lives in `run/`.
 */
export { checkExpectations } from './assert/check-expectations.ts';
export { formatOffset } from './assert/describe.ts';
export { fieldOf, isMatcherObject, matches } from './assert/matchers.ts';
export { eventMatches, matchTimeline, offsetOf } from './assert/timeline-match.ts';
export { defineScenario, ScenarioDefinitionError } from './define-scenario.ts';
export { closestMatch, editDistance } from './load/closest.ts';
export { parseDuration } from './load/duration.ts';
export { formatDiagnostic } from './load/format-diagnostic.ts';
export {
  type LoadResult,
  loadScenarioFile,
  loadScenarios,
  loadScenarioText,
  scenarioFilesIn,
} from './load/load-scenario.ts';
export { scenarioSchema, validateAgainstSchema } from './load/schema-validate.ts';
export { type EventView, PARTIES, PARTY_LABELS, type Party, viewTimeline } from './reporters/event-view.ts';
export { fanOut } from './reporters/fan-out.ts';
export { colorEnabled, flattenConfig, formatSimulated, formatWall, scenarioId } from './reporters/format.ts';
export { createHtmlReporter, renderHtml } from './reporters/html.ts';
export { REPORTERS, type ReporterName, reporterFor } from './reporters/index.ts';
export { createJsonReporter, renderJson, stableStringify } from './reporters/json.ts';
export { createJunitReporter, renderJunit } from './reporters/junit.ts';
export { mergeJunit, mergeJunitXml } from './reporters/merge-junit.ts';
export { createPrettyReporter, summaryLine } from './reporters/pretty.ts';
export { renderSequenceDiagram } from './reporters/sequence-diagram.ts';
export { renderTranscript } from './reporters/transcript.ts';
export type {
  OutputStream,
  ReporterFactory,
  ReporterOptions,
  ScenarioReporter,
  ScenarioStartInfo,
} from './reporters/types.ts';
export { buildSnapshot } from './snapshot/build-snapshot.ts';
export { type DiffOptions, diffSnapshots } from './snapshot/diff-snapshots.ts';
export { type DiffLine, diffLines } from './snapshot/line-diff.ts';
export { createNormaliser, type NormaliseOptions, normaliseTimeline } from './snapshot/normalise.ts';
export {
  parseSnapshot,
  readSnapshot,
  type Snapshot,
  type SnapshotFormat,
  serializeSnapshot,
  snapshotPathFor,
  writeSnapshot,
} from './snapshot/snapshot-file.ts';
export { summarizeRun } from './summarize.ts';
export type * from './types.ts';
