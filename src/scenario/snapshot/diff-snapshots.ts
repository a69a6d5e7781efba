import pc from 'picocolors';
import { type DiffLine, diffLines } from './line-diff.ts';
import { type Snapshot, serializeSnapshot } from './snapshot-file.ts';

export interface DiffOptions {
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
  /** Colour `-`/`+` lines (default off: reporters decide). */
  color?: boolean;
}

/**
 * A unified-style line diff between the stored and the received snapshot, as vitest prints
 * it: a `- expected` / `+ received` header, then hunks with `@@ -a,b +c,d @@` and context.
 * Returns an empty string when they are equal.
 */
export function diffSnapshots(
  expected: Snapshot | string,
  actual: Snapshot | string,
  options: DiffOptions = {},
): string {
  const a = toLines(expected);
  const b = toLines(actual);
  const lines = diffLines(a, b);
  if (lines.every((l) => l.op === '=')) return '';
  const colors = pc.createColors(options.color ?? false);
  const paint = (l: DiffLine): string =>
    l.op === '-'
      ? colors.green(`- ${l.text}`)
      : l.op === '+'
        ? colors.red(`+ ${l.text}`)
        : colors.dim(`  ${l.text}`);
  const out = [colors.green('- expected'), colors.red('+ received'), ''];
  for (const hunk of hunks(lines, options.context ?? 3)) {
    out.push(colors.yellow(`@@ -${hunk.aStart + 1},${hunk.aCount} +${hunk.bStart + 1},${hunk.bCount} @@`));
    out.push(...hunk.lines.map(paint));
  }
  return out.join('\n');
}

function toLines(value: Snapshot | string): string[] {
  const text = typeof value === 'string' ? value : serializeSnapshot(value);
  return text.replace(/\n$/, '').split('\n');
}

interface Hunk {
  aStart: number;
  aCount: number;
  bStart: number;
  bCount: number;
  lines: DiffLine[];
}

/** Groups changes with `context` lines around them; nearby groups merge into one hunk. */
function hunks(lines: readonly DiffLine[], context: number): Hunk[] {
  const changed = lines.map((l, i) => (l.op === '=' ? -1 : i)).filter((i) => i >= 0);
  const ranges: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - context);
    const to = Math.min(lines.length - 1, i + context);
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges.map(([from, to]) => {
    let aStart = 0;
    let bStart = 0;
    for (const l of lines.slice(0, from)) {
      if (l.op !== '+') aStart++;
      if (l.op !== '-') bStart++;
    }
    const slice = lines.slice(from, to + 1);
    return {
      aStart,
      bStart,
      aCount: slice.filter((l) => l.op !== '+').length,
      bCount: slice.filter((l) => l.op !== '-').length,
      lines: slice,
    };
  });
}
