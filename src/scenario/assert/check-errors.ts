import { TWILIO_CODES } from '../../core/errors/twilio-codes.ts';
import type { ErrorExpectation, Expectation, Failure, ObservedError } from '../types.ts';
import { formatOffset } from './describe.ts';

/**
 * Expected codes must occur (at least once, or exactly `count` times); with `noOtherErrors`
 * (the default) any other error-severity code fails the scenario, so a new 11200 never
 * slips through unnoticed. Warnings are only checked when listed or with `noOtherWarnings`.
 */
export function checkErrors(expect: Expectation, seen: readonly ObservedError[], start = 0): Failure[] {
  const wanted = (expect.errors ?? []).map(normalise);
  const failures: Failure[] = [];
  wanted.forEach((want, i) => {
    const hits = seen.filter((e) => sameCode(e, want));
    const ok = want.count === undefined ? hits.length >= 1 : hits.length === want.count;
    if (ok) return;
    failures.push({
      message: `expected error ${label(want.code)}${want.count === undefined ? '' : ` ${want.count} time(s)`} — seen ${hits.length} time(s)${seen.length > 0 ? `; codes seen: ${[...new Set(seen.map((e) => e.code))].join(', ')}` : ''}`,
      expected: want,
      actual: hits,
      where: `expect.errors[${i}]`,
    });
  });
  const strictErrors = expect.noOtherErrors ?? true;
  const strictWarnings = expect.noOtherWarnings ?? false;
  for (const error of seen) {
    const isWarning = (error.severity ?? severityOf(error.code)) === 'warning';
    if ((isWarning ? !strictWarnings : !strictErrors) || wanted.some((w) => sameCode(error, w))) continue;
    const when = error.at === undefined ? '' : ` at ${formatOffset(error.at - start)}`;
    failures.push({
      message: `unexpected ${isWarning ? 'warning' : 'error'} ${label(error.code)}${when}${error.where ? ` (${error.where})` : ''}${error.message ? `: ${error.message}` : ''}`,
      actual: error,
      where: 'expect.errors',
    });
  }
  return failures;
}

function normalise(entry: number | string | ErrorExpectation): ErrorExpectation {
  return typeof entry === 'object' ? entry : { code: entry };
}

function sameCode(error: ObservedError, want: ErrorExpectation): boolean {
  return (
    String(error.code) === String(want.code) &&
    (want.severity === undefined || error.severity === want.severity)
  );
}

function severityOf(code: number | string): 'error' | 'warning' {
  return (
    (TWILIO_CODES as Record<string, { severity: 'error' | 'warning' }>)[String(code)]?.severity ?? 'error'
  );
}

/** `11200 (HTTP retrieval failure)` when the catalogue knows the code. */
function label(code: number | string): string {
  const info = (TWILIO_CODES as Record<string, { summary: string }>)[String(code)];
  return info ? `${code} (${info.summary})` : String(code);
}
