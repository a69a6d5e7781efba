import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates REST responses against Twilio's own OpenAPI description of the 2010-04-01 API
 * (shared/data/twilio-oai/twilio_api_v2010.json), with ajv 8. Reusable by the benchmark.
 *
 * @note OpenAPI 3.0 is not plain JSON Schema: `nullable` is handled by ajv's OpenAPI support
 * (on by default in ajv 8), vendor keys (`x-twilio`) need `strict: false`, and Twilio's custom
 * formats get validators here. Twilio's `uri` fields hold *relative* paths
 * (`/2010-04-01/Accounts/…/Calls.json`), so `uri` is checked as a URI reference.
 */

export const TWILIO_OAI_PATH = '/work/shared/data/twilio-oai/twilio_api_v2010.json';
const DOC_ID = 'https://callrig.local/twilio_api_v2010.json';

const RFC2822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

/** Error JSON shape (§9.1); the OpenAPI document describes none. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['code', 'message', 'more_info', 'status'],
  properties: {
    code: { type: 'integer' },
    message: { type: 'string', minLength: 1 },
    more_info: { type: 'string', pattern: '^https://www\\.twilio\\.com/docs/errors/\\d+$' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
  },
} as const;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  statuses: string[];
}

export interface OpenApiValidator {
  /**
   * Every problem with one response: unknown operation/status, schema errors (path + message).
   * `path` is the concrete request path (query ignored). Empty array = valid.
   */
  validateResponse(method: string, path: string, status: number, body: unknown): string[];
  /** Checks a Twilio REST error body (code, message, more_info, status). */
  validateError(body: unknown, status: number): string[];
  /**
   * Properties of a component schema (e.g. `api.v2010.account.call`) missing from `body`.
   * @note The document marks no property `required`; Twilio sends them all (null when empty).
   */
  missingFields(schemaName: string, body: unknown): string[];
}

/** Loads the document once and compiles response schemas lazily. */
export function createOpenApiValidator(docPath = TWILIO_OAI_PATH): OpenApiValidator {
  const doc = JSON.parse(readFileSync(docPath, 'utf-8')) as {
    paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addFormat('date-time-rfc-2822', RFC2822);
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => /^(https?:\/\/[^\s]+|\/[^\s]*)$/.test(s) });
  for (const f of [
    'uri-map',
    'currency',
    'phone-number',
    'phone-number-capabilities',
    'twiml',
    'iso-country-code',
    'ice-server',
    'http-method',
    'endpoint',
    'int32',
    'int64',
  ]) {
    ajv.addFormat(f, true);
  }
  ajv.addSchema({ ...fixNullable(doc), $id: DOC_ID });
  const errorValidator = ajv.compile(ERROR_SCHEMA);

  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const regex = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      operations.push({ method: method.toUpperCase(), template, regex, statuses: Object.keys(op.responses) });
    }
  }
  const cache = new Map<string, ValidateFunction>();

  return {
    validateResponse(method, path, status, body) {
      const bare = path.split('?')[0] ?? path;
      const op = operations.find((o) => o.method === method.toUpperCase() && o.regex.test(bare));
      if (!op) return [`no operation ${method} ${bare} in the OpenAPI document`];
      if (!op.statuses.includes(String(status)))
        return [`${method} ${op.template}: status ${status} not documented (${op.statuses.join(', ')})`];
      if (status === 204)
        return body === '' || body === undefined || body === null ? [] : ['204 with a body'];
      const key = `${op.method} ${op.template} ${status}`;
      let validate = cache.get(key);
      if (!validate) {
        const pointer = [
          'paths',
          op.template,
          op.method.toLowerCase(),
          'responses',
          String(status),
          'content',
          'application/json',
          'schema',
        ]
          .map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1')))
          .join('/');
        validate = ajv.compile({ $ref: `${DOC_ID}#/${pointer}` });
        cache.set(key, validate);
      }
      if (validate(body)) return [];
      return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '/'} ${e.message ?? ''}`);
    },
    missingFields(schemaName, body) {
      const props = Object.keys(doc.components.schemas[schemaName]?.properties ?? {});
      if (props.length === 0) return [`no schema ${schemaName}`];
      const record = (body ?? {}) as Record<string, unknown>;
      return props.filter((p) => !(p in record));
    },
    validateError(body, status) {
      const problems = errorValidator(body)
        ? []
        : (errorValidator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      if ((body as { status?: unknown })?.status !== status)
        problems.push(`status field ${String((body as { status?: unknown })?.status)} ≠ HTTP ${status}`);
      return problems;
    },
  };
}

/**
 * ajv accepts `nullable` only beside `type`; Twilio's document also puts it beside `$ref` or
 * alone (`encryption_details`). Rewrites those to JSON Schema equivalents.
 */
function fixNullable<T>(node: T): T {
  if (Array.isArray(node)) return node.map(fixNullable) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = fixNullable(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    if (typeof out.$ref === 'string') return { anyOf: [{ $ref: out.$ref }, { type: 'null' }] } as T;
  }
  return out as T;
}
