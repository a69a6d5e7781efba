import type { Matcher } from '../types.ts';

const MATCHER_KEYS = ['regex', 'range', 'oneOf', 'absent'] as const;

/** Is this object one of the matcher forms (`{regex}`, `{range}`, `{oneOf}`, `{absent}`), not a literal record? */
export function isMatcherObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  if (keys.length === 2 && keys.includes('regex') && keys.includes('flags')) return true;
  return keys.length === 1 && (MATCHER_KEYS as readonly string[]).includes(keys[0]!);
}

/**
 * Does `actual` satisfy `matcher`? Literals compare loosely across string/number/boolean
 * (`12` matches `"12"`), because webhook parameters are strings while YAML numbers are not.
 * A plain object matches field by field (extra fields in `actual` are fine); an array
 * matches element by element with the same length.
 */
export function matches(matcher: Matcher | undefined, actual: unknown): boolean {
  if (matcher === undefined) return true;
  if (isMatcherObject(matcher)) {
    if ('absent' in matcher) return (actual === undefined) === Boolean(matcher.absent);
    if (actual === undefined) return false;
    if ('regex' in matcher)
      return new RegExp(String(matcher.regex), String(matcher.flags ?? '')).test(String(actual));
    if ('range' in matcher) {
      const [min, max] = matcher.range as [number, number];
      const n = typeof actual === 'number' ? actual : Number(actual);
      return typeof actual !== 'boolean' && actual !== '' && Number.isFinite(n) && n >= min && n <= max;
    }
    return (matcher.oneOf as Matcher[]).some((m) => matches(m, actual));
  }
  if (Array.isArray(matcher)) {
    return (
      Array.isArray(actual) &&
      actual.length === matcher.length &&
      matcher.every((m, i) => matches(m, actual[i]))
    );
  }
  if (matcher !== null && typeof matcher === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(matcher).every(([key, m]) => matches(m as Matcher, fieldOf(actual, key)));
  }
  if (matcher === null || actual === null) return matcher === actual;
  if (typeof actual === 'object' || actual === undefined) return false;
  return matcher === actual || String(matcher) === String(actual);
}

/**
 * A field of a record; a dotted key (`params.Digits`) reaches into nested records when no
 * field has that literal name.
 */
export function fieldOf(record: unknown, key: string): unknown {
  if (record === null || typeof record !== 'object') return undefined;
  const direct = (record as Record<string, unknown>)[key];
  if (direct !== undefined || !key.includes('.')) return direct;
  let node: unknown = record;
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  return node;
}
