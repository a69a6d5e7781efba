import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../schema/scenario.schema.json' with { type: 'json' };
import { closestMatch } from './closest.ts';
import { explainAlternatives } from './schema-alternatives.ts';

/** One schema problem, before it is given a file position. */
export interface SchemaIssue {
  /** Path into the document: keys and array indexes. */
  path: (string | number)[];
  message: string;
  /** For unknown keys: the key itself, so the position can point at it. */
  key?: string;
}

/** The scenario JSON Schema, as shipped in `schema/scenario.schema.json`. */
export const scenarioSchema: Readonly<Record<string, unknown>> = schema;

let compiled: ValidateFunction | undefined;

/**
 * The compiled validator, built on first use and cached. @note Compiling costs tens of ms, so it
 * is not paid at import by commands that never validate a scenario.
 */
function scenarioValidator(): ValidateFunction {
  if (compiled) return compiled;
  // @note allErrors so that one pass reports every problem (practice 6); verbose gives each
  // error its parentSchema, which is where the "did you mean" candidates come from.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  });
  compiled = ajv.compile(schema);
  return compiled;
}

/** Validates plain data against the scenario schema and explains every failure in words. */
export function validateAgainstSchema(data: unknown): SchemaIssue[] {
  const validate = scenarioValidator();
  if (validate(data)) return [];
  const errors = explainAlternatives(validate.errors ?? []);
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (const error of errors) {
    const issue = toIssue(error, data);
    const id = `${issue.path.join('/')}|${issue.key ?? ''}|${issue.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      issues.push(issue);
    }
  }
  // @note "missing sayText" next to "unknown sayTxt — did you mean sayText?" says one thing twice.
  return issues.filter((issue) => {
    const missing = /^missing required key "(.+)"$/.exec(issue.message)?.[1];
    const same = issue.path.join('/');
    return (
      !missing ||
      !issues.some((o) => o.path.join('/') === same && o.message.endsWith(`did you mean "${missing}"?`))
    );
  });
}

/** Splits an ajv instancePath into keys and indexes, using the data to tell them apart. */
export function pointerToPath(pointer: string, data: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) ? Number(segment) : segment;
    path.push(key);
    node =
      node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

function toIssue(error: ErrorObject, data: unknown): SchemaIssue {
  const path = pointerToPath(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  const known = Object.keys((parent.properties as Record<string, unknown> | undefined) ?? {});
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const isStep = error.parentSchema === schema.definitions.step;
      return { path, key, message: unknownKey(key, isStep ? 'step' : 'key', known) };
    }
    case 'required':
      return { path, message: `missing required key "${String(params.missingProperty)}"` };
    case 'minProperties':
    case 'maxProperties': {
      const value = valueAt(data, path);
      const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
      const what =
        error.parentSchema === schema.definitions.step
          ? 'a step'
          : error.parentSchema === schema.definitions.callerStep
            ? 'a caller step'
            : 'this mapping';
      return keys.length === 0
        ? { path, message: `${what} needs a key, one of: ${known.join(', ')}` }
        : { path, message: `${what} has exactly one key; found ${keys.join(', ')} (is a "-" missing?)` };
    }
    case 'type': {
      const value = valueAt(data, path);
      const expected = String(params.type).split(',');
      // @note YAML reads `press: 1` as a number and `press: #` as an empty value (a comment).
      const hint =
        expected.includes('string') && typeof value === 'number'
          ? ` (quote it: "${value}")`
          : expected.includes('string') && value === null
            ? ' (a bare # starts a YAML comment; quote it: "#")'
            : '';
      return { path, message: `expected ${expected.join(' or ')}, got ${typeName(value)}${hint}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const value = valueAt(data, path);
      const hint = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
      return {
        path,
        message: `${JSON.stringify(value)} is not allowed; expected one of: ${allowed.join(', ')}${hint ? ` — did you mean "${hint}"?` : ''}`,
      };
    }
    case 'const':
      return { path, message: `expected ${JSON.stringify(params.allowedValue)}` };
    case 'pattern': {
      const value = JSON.stringify(valueAt(data, path));
      const about =
        typeof parent.description === 'string' ? parent.description : `pattern ${String(params.pattern)}`;
      return { path, message: `${value} does not match: ${about}` };
    }
    case 'oneOf':
    case 'anyOf': {
      const about = typeof parent.description === 'string' ? parent.description : 'a value of another shape';
      return { path, message: `${JSON.stringify(valueAt(data, path))} is not valid here; expected ${about}` };
    }
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

function unknownKey(key: string, noun: string, known: string[]): string {
  const hint = closestMatch(key, known);
  return hint
    ? `unknown ${noun} "${key}" — did you mean "${hint}"?`
    : `unknown ${noun} "${key}"; expected one of: ${known.join(', ')}`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let node = data;
  for (const key of path) {
    node =
      node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return node;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
