import { describe, expect, it } from 'vitest';
import { fmt, mb, ratio, renderTable } from '../../../bench/table.ts';

describe('bench table', () => {
  it('formats numbers with separators and a dash for missing values', () => {
    expect(fmt(1234567.891, 1)).toBe('1,234,567.9');
    expect(fmt(Number.NaN)).toBe('–');
    expect(fmt(null)).toBe('–');
    expect(ratio(0.8312)).toBe('0.83×');
    expect(mb(5 * 1_048_576)).toBe('5.00 MB');
  });

  it('aligns columns: first left, the rest right, with notes under the table', () => {
    const text = renderTable({
      title: 't',
      columns: ['name', 'value'],
      rows: [
        ['a', '1'],
        ['long name', '1,000'],
      ],
      notes: ['why'],
    });
    const lines = text.split('\n');
    expect(lines).toContain('a              1');
    expect(lines).toContain('long name  1,000');
    expect(lines.at(-1)).toBe('  · why');
  });

  it('prints a skipped row whole without widening the other columns', () => {
    const text = renderTable({
      title: 't',
      columns: ['name', 'value'],
      rows: [
        ['x', '12'],
        ['y', 'skipped: the runner does not exist yet'],
      ],
    });
    expect(text).toContain('y     skipped: the runner does not exist yet');
    expect(text).toContain('x        12');
  });
});
