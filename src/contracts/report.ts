import type { VerifyReport } from './types.ts';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are control characters
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Renders a {@link VerifyReport} as plain text, one line per interaction and one indented line
 * per mismatch, compiler-style `request line:col code message` for TwiML problems.
 * @example
 * // ✗ helpdesk-ivr at http://127.0.0.1:3000: 1 of 3 interactions failed
 * //   ✗ twilio-voice: a Voice URL request for a Voice SDK call
 * //       $.Response.Record: Expected a Record with attribute playBeep ...
 */
export function formatVerifyReport(report: VerifyReport): string {
  const lines: string[] = [];
  const failed = report.interactions.filter((i) => !i.ok).length;
  const total = report.interactions.length;
  const summary = report.ok
    ? `all ${total} interaction${total === 1 ? '' : 's'} passed`
    : failed > 0
      ? `${failed} of ${total} interaction${total === 1 ? '' : 's'} failed`
      : report.twiml.length > 0
        ? 'the TwiML answers have errors'
        : 'verification could not run';
  lines.push(`${report.ok ? '✓' : '✗'} ${report.provider} at ${report.url}: ${summary}`);
  if (report.source) lines.push(`  pacts: ${report.source}`);
  for (const i of report.interactions) {
    const given = i.state ? ` (given ${i.state})` : '';
    lines.push(`  ${i.ok ? '✓' : '✗'} ${i.consumer ? `${i.consumer}: ` : ''}${i.description}${given}`);
    for (const p of i.problems) lines.push(`      ${clean(p)}`);
  }
  if (report.twiml.length > 0) {
    lines.push("  TwiML that Twilio would reject (callrig's TwiML validation):");
    for (const t of report.twiml) {
      for (const d of t.diagnostics)
        lines.push(`    ${t.request} ${d.line}:${d.column} ${d.code} ${d.message}`);
    }
  }
  for (const e of report.errors) lines.push(`  error: ${clean(e)}`);
  if (report.publishRequested) lines.push('  verification result sent to the Pact Broker');
  return lines.join('\n');
}

/** Drops colour codes and folds multi-line mismatch text onto one indented block. */
function clean(text: string): string {
  return text.replace(ANSI, '').trim().replace(/\n\s*/g, '\n        ');
}
