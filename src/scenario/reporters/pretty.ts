import pc from 'picocolors';
import { formatOffset } from '../assert/describe.ts';
import type { RunSummary, ScenarioResult } from '../types.ts';
import { colorEnabled, flattenConfig, formatSimulated, formatWall, scenarioId } from './format.ts';
import { renderTranscript } from './transcript.ts';
import type { ReporterOptions, ScenarioReporter, ScenarioStartInfo } from './types.ts';

type Colors = ReturnType<typeof pc.createColors>;

/**
 * The default reporter. On a TTY a progress line (`[12/14] running help-desk/x …`) is
 * redrawn with `\r`; otherwise only plain result lines are written. A failing scenario (or
 * any, with `verbose`) shows its failures, its call transcript and the configuration used.
 */
export function createPrettyReporter(options: ReporterOptions): ScenarioReporter {
  const out = options.stdout;
  const tty = options.isTTY ?? out.isTTY === true;
  const c: Colors = pc.createColors(options.color ?? colorEnabled(tty, options.env));
  let progressShown = false;
  const clearProgress = (): void => {
    if (progressShown) out.write('\r\x1b[2K');
    progressShown = false;
  };
  return {
    onRunStart(total, config) {
      if (!options.verbose) return;
      out.write(`${c.bold('callrig')} running ${total} scenario${total === 1 ? '' : 's'}\n`);
      for (const [k, v] of flattenConfig(config)) out.write(c.dim(`  ${k}=${v}\n`));
    },
    onScenarioStart(info: ScenarioStartInfo) {
      if (!tty) return;
      clearProgress();
      out.write(c.dim(`[${info.index}/${info.total}] running ${scenarioId(info)} …`));
      progressShown = true;
    },
    onScenarioEnd(result) {
      clearProgress();
      out.write(`${resultLine(result, c)}\n`);
      if (result.status !== 'passed' || options.verbose) out.write(details(result, c));
    },
    onRunEnd(summary) {
      clearProgress();
      out.write(`\n${summaryLine(summary, c)}\n`);
    },
  };
}

function resultLine(r: ScenarioResult, c: Colors): string {
  const mark =
    r.status === 'passed'
      ? c.green('✓')
      : r.status === 'timeout'
        ? c.yellow('⏱')
        : c.red(r.status === 'error' ? '!' : '✗');
  const status = r.status === 'passed' || r.status === 'failed' ? '' : ` ${c.red(`[${r.status}]`)}`;
  const time = c.dim(`${formatWall(r.durationMs)} · simulated ${formatOffset(r.simulatedMs)}`);
  return ` ${mark} ${scenarioId(r)}${status} ${time}`;
}

function details(r: ScenarioResult, c: Colors): string {
  const lines: string[] = [];
  if (r.story) lines.push(c.dim(r.story));
  for (const f of r.failures) {
    lines.push(c.red(`${f.where ? `${f.where}: ` : ''}${f.message}`));
  }
  if (r.snapshot?.status === 'mismatch' && r.snapshot.diff) {
    lines.push(c.yellow(`snapshot ${r.snapshot.file ?? ''} differs:`), ...r.snapshot.diff.split('\n'));
  }
  if (r.timeline.length > 0)
    lines.push(c.bold('transcript:'), ...renderTranscript(r.timeline).map((l) => `  ${l}`));
  for (const rec of r.recordings) {
    lines.push(
      `recording ${rec.sid}${rec.duration !== undefined ? ` ${rec.duration} s` : ''}${rec.mediaUrl ? ` ${rec.mediaUrl}` : ''}`,
    );
  }
  if (r.config)
    lines.push(
      c.dim(
        `config: ${flattenConfig(r.config)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      ),
    );
  return `${lines.map((l) => `     ${l}`).join('\n')}\n`;
}

/** `Scenarios 12 passed | 1 failed (13) · simulated 6m 40s in 1.2 s (333×)`. */
export function summaryLine(s: RunSummary, c: Colors = pc.createColors(false)): string {
  const parts = [c.green(`${s.passed} passed`)];
  if (s.failed > 0) parts.push(c.red(`${s.failed} failed`));
  if (s.errored > 0) parts.push(c.red(`${s.errored} error${s.errored === 1 ? '' : 's'}`));
  if (s.timedOut > 0) parts.push(c.yellow(`${s.timedOut} timed out`));
  const speed = s.durationMs > 0 ? ` (${Math.round(s.simulatedMs / s.durationMs)}×)` : '';
  return `${c.bold('Scenarios')} ${parts.join(' | ')} (${s.total}) · simulated ${formatSimulated(s.simulatedMs)} in ${formatWall(s.durationMs)}${speed}`;
}
