/**
 * `00:14.500` for 14 500 ms of virtual time (`1:02:03.000` past an hour). The transcript,
 * failure messages and snapshots all print time this one way.
 */
export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.round(Math.abs(ms));
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const frac = String(abs % 1000).padStart(3, '0');
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${frac}`;
  return h > 0 ? `${sign}${h}:${mmss}` : `${sign}${mmss}`;
}

/** `{type: record.ended, reason: silence, duration: {range: [10, 14]}}`: YAML-ish, one line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return /^[\w.:/#@+-]*$/.test(value) && value !== '' ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([k, v]) => `${k}: ${describeValue(v)}`)
      .join(', ');
    return `{${inner}}`;
  }
  return String(value);
}

/** `reason=key, duration=8`: the named fields of an observed record, for "nearest" hints. */
export function describeFields(record: Record<string, unknown>, keys: readonly string[]): string {
  return keys.map((key) => `${key}=${describeValue(pick(record, key))}`).join(', ');
}

function pick(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  let node: unknown = record;
  for (const part of key.split('.'))
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}
