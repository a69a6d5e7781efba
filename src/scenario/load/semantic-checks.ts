import { checkCallerScript } from '../../core/caller/check-caller-script.ts';
import type { SchemaIssue } from './schema-validate.ts';

const MATCHER_KEYS = new Set(['regex', 'range']);

/**
 * Checks the schema cannot express, on data that already passed it: regexes compile, ranges
 * run low to high, caller scripts can end. Every problem is collected, none thrown.
 */
export function semanticIssues(data: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  walk(data, [], issues);
  const steps = (data as { steps?: unknown[] }).steps ?? [];
  steps.forEach((step, i) => {
    for (const name of ['call', 'restCallback']) {
      const script = (step as Record<string, { caller?: unknown } | undefined>)[name]?.caller;
      if (script !== undefined) issues.push(...callerIssues(script, ['steps', i, name, 'caller']));
    }
  });
  return issues;
}

/**
 * The core's own caller-script check, so the scenario language cannot drift from what the
 * caller model accepts. Its paths (`steps[2].hangupDuring`) are mapped onto the document.
 */
function callerIssues(script: unknown, at: (string | number)[]): SchemaIssue[] {
  return checkCallerScript(script).map((d) => {
    const rel = (d.path ?? '').match(/[^.[\]]+/g) ?? [];
    const segments = rel.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (Array.isArray(script) && segments[0] === 'steps') segments.shift();
    const prefix = `${d.path}: `;
    const message = d.message.startsWith(prefix) ? d.message.slice(prefix.length) : d.message;
    return { path: [...at, ...segments], message };
  });
}

function walk(node: unknown, path: (string | number)[], issues: SchemaIssue[]): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walk(item, [...path, i], issues);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  const isMatcher = keys.length > 0 && keys.every((k) => MATCHER_KEYS.has(k) || k === 'flags');
  if (isMatcher && typeof record.regex === 'string')
    checkRegex(record.regex, record.flags, [...path, 'regex'], issues);
  if (typeof record.sayText === 'string' && keys.length === 1)
    checkRegex(record.sayText, '', [...path, 'sayText'], issues);
  if (isMatcher && Array.isArray(record.range)) {
    const [min, max] = record.range as number[];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      issues.push({ path: [...path, 'range'], message: `range [${min}, ${max}] is empty: min is above max` });
    }
  }
  for (const key of keys) walk(record[key], [...path, key], issues);
}

function checkRegex(source: string, flags: unknown, path: (string | number)[], issues: SchemaIssue[]): void {
  try {
    new RegExp(source, typeof flags === 'string' ? flags : '');
  } catch (error) {
    issues.push({ path, message: `invalid regular expression: ${(error as Error).message}` });
  }
}
