import type { BenchTable } from './types.ts';

/** Formats a number for a table: thousands separators, fixed decimals. */
export function fmt(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A ratio as `0.83×`. */
export const ratio = (value: number | null | undefined, decimals = 2): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : `${fmt(value, decimals)}×`;

/** Bytes as MB with two decimals (1 MB = 1,048,576 bytes, as Node's own tools count). */
export const mb = (bytes: number): string => `${fmt(bytes / 1_048_576, 2)} MB`;

/**
 * Renders a table as aligned plain text (no colours: results are pasted into issues and CI logs).
 * @example console.log(renderTable({ title: 'x', columns: ['a'], rows: [['1']] }))
 */
export function renderTable(table: BenchTable): string {
  const isSkipped = (row: string[]): boolean => (row[1] ?? '').startsWith('skipped:');
  const measured = table.rows.filter((r) => !isSkipped(r));
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...(i === 0 ? table.rows : measured).map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [`\n== ${table.title}`, line(table.columns), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const row of table.rows) {
    // @note A skipped row carries its reason in one long cell: print it whole, not padded.
    if (isSkipped(row)) out.push(`${row[0]?.padEnd(widths[0] ?? 0)}  ${row[1]}`);
    else out.push(line(row));
  }
  for (const note of table.notes ?? []) out.push(`  · ${note}`);
  return out.join('\n');
}
