/**
 * What counts as a failure when a server answers hostile input: a 5xx, a stack trace or a
 * source path leaking into the body, or no answer at all.
 */
const STACK = /(?:^|\n|\\n)\s*at [^\n]*?:\d+:\d+|node:internal|\/node_modules\/|\.ts:\d+:\d+|\/work\//;

/** Problems with one answer (empty when it is acceptable). */
export function answerProblems(
  status: number | null,
  body: string,
  allow5xx: readonly number[] = [],
): string[] {
  const out: string[] = [];
  if (status === null) out.push('no answer');
  else if (status >= 500 && !allow5xx.includes(status)) out.push(`HTTP ${status}: ${body.slice(0, 300)}`);
  const m = STACK.exec(body);
  if (m)
    out.push(
      `stack trace or source path in the body: …${body.slice(Math.max(0, m.index - 80), m.index + 120)}…`,
    );
  return out;
}

/** Thrown by a fuzz run to make fast-check record (and shrink) the input. */
export class FuzzFailure extends Error {
  constructor(problems: string[]) {
    super(problems.join('; '));
    this.name = 'FuzzFailure';
  }
}
