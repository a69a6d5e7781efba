import { formatOffset } from '../assert/describe.ts';
import type { RunSummary, ScenarioResult } from '../types.ts';
import { flattenConfig, formatWall, scenarioId } from './format.ts';
import { summaryLine } from './pretty.ts';
import { renderSequenceDiagram, SEQUENCE_CSS } from './sequence-diagram.ts';
import { renderTranscript } from './transcript.ts';
import type { ReporterOptions, ScenarioReporter } from './types.ts';
import { xmlEscape as h } from './xml-escape.ts';

const PAGE_CSS = `
body { font: 14px system-ui, sans-serif; margin: 24px; color: #1f2d3d; background: #f7f8fa; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin: 0 0 6px; }
section.scenario { background: #fff; border: 1px solid #d9dee5; border-left: 6px solid #2e7d32; border-radius: 6px; padding: 14px 18px; margin: 16px 0; }
section.scenario.failed, section.scenario.error, section.scenario.timeout { border-left-color: #c62828; }
.meta, .story { color: #5a6b82; margin: 2px 0 8px; }
.failures { color: #c62828; white-space: pre-wrap; }
pre { background: #f3f5f8; padding: 8px; overflow-x: auto; }
.diagram { overflow-x: auto; }
table.config td { padding: 1px 10px 1px 0; font-family: ui-monospace, monospace; font-size: 12px; }
`;

/**
 * A self-contained HTML report: no scripts, no external assets, nothing fetched. Each
 * scenario shows its result, failures, a sequence diagram of the call (inline SVG), the
 * transcript, its recordings (an `<audio controls>` per media URL) and the configuration.
 */
export function renderHtml(summary: RunSummary, title = 'callrig report'): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(title)}</title>`,
    `<style>${PAGE_CSS}${SEQUENCE_CSS}</style></head><body>`,
    `<h1>${h(title)}</h1>`,
    `<p class="summary">${h(summaryLine(summary))}</p>`,
    ...summary.results.map(renderScenario),
    '</body></html>',
    '',
  ].join('\n');
}

function renderScenario(r: ScenarioResult): string {
  const mark = r.status === 'passed' ? '✓' : '✗';
  const parts = [
    `<section class="scenario ${r.status}" data-status="${r.status}">`,
    `<h2>${mark} ${h(scenarioId(r))} <small>(${h(r.name)})</small></h2>`,
  ];
  if (r.story) parts.push(`<p class="story">${h(r.story)}</p>`);
  parts.push(
    `<p class="meta">${h(r.status)} · ${h(formatWall(r.durationMs))} wall · ${h(formatOffset(r.simulatedMs))} simulated · ${h(r.file)}</p>`,
  );
  if (r.failures.length > 0) {
    const text = r.failures.map((f) => `${f.where ? `${f.where}: ` : ''}${f.message}`).join('\n');
    parts.push(`<pre class="failures">${h(text)}</pre>`);
  }
  if (r.snapshot?.status === 'mismatch' && r.snapshot.diff)
    parts.push(`<pre class="snapshot-diff">${h(r.snapshot.diff)}</pre>`);
  if (r.timeline.length > 0) {
    parts.push(
      `<div class="diagram">${renderSequenceDiagram(r.timeline, `${r.name} sequence diagram`)}</div>`,
    );
    parts.push(
      `<details><summary>Transcript</summary><pre class="transcript">${h(renderTranscript(r.timeline).join('\n'))}</pre></details>`,
    );
  }
  if (r.recordings.length > 0) {
    parts.push('<h3>Recordings</h3><ul class="recordings">');
    for (const rec of r.recordings) {
      // @note Absent recordings have no media (Twilio answers 404), so they get no player.
      const src = rec.mediaDataUri ?? (rec.status === 'absent' ? undefined : rec.mediaUrl);
      const audio = src ? ` <audio controls preload="none" src="${h(src)}"></audio>` : '';
      parts.push(
        `<li>${h(rec.sid)}${rec.duration !== undefined ? ` · ${rec.duration} s` : ''}${rec.status ? ` · ${h(rec.status)}` : ''}${audio}</li>`,
      );
    }
    parts.push('</ul>');
  }
  if (r.config) {
    const rows = flattenConfig(r.config).map(([k, v]) => `<tr><td>${h(k)}</td><td>${h(v)}</td></tr>`);
    parts.push(
      `<details><summary>Configuration</summary><table class="config">${rows.join('')}</table></details>`,
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Writes the HTML document at the end of the run. */
export function createHtmlReporter(options: ReporterOptions): ScenarioReporter {
  return {
    onRunStart() {},
    onScenarioStart() {},
    onScenarioEnd() {},
    onRunEnd(summary) {
      options.stdout.write(renderHtml(summary));
    },
  };
}
