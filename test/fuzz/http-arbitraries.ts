import fc from 'fast-check';
import type { RawRequest } from './raw-http.ts';

/**
 * Random but well-formed HTTP/1.1 requests aimed at a service: mostly at its real routes (so
 * handlers run, not just the 404), with random methods, query strings, headers and bodies.
 */
export interface RequestShape {
  /**
   * Path templates, optionally prefixed by their method (`POST /x`); `{x}` placeholders are
   * filled from `values.x` or with random segments.
   */
  paths: string[];
  /** Values known to the service (real SIDs, ids) for placeholders, mixed with random ones. */
  values?: Record<string, string[]>;
  /** Header sets that authenticate (picked half the time). */
  authHeaders?: Array<Array<[string, string]>>;
  /** Field names the service reads, so bodies hit real code paths. */
  fields?: string[];
  /** Extra per-service header names. */
  headerNames?: string[];
  /** Valid JSON bodies for the service; fuzzed by overwriting one field with a random value. */
  samples?: Array<Record<string, unknown>>;
  /** Valid form bodies (e.g. REST create-call); fuzzed by overwriting one field. */
  formSamples?: Array<Record<string, string>>;
}

/** A request plus the form fields it carries (so a signer can sign them), if any. */
export interface FuzzRequest extends RawRequest {
  form: Record<string, string> | null;
  /** Path without query, as templated. */
  path: string;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'FOO'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/x-www-form-urlencoded; charset=UTF-8',
  'text/plain',
  'text/xml',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/json; charset=utf-16',
  ';;;',
  '*/*',
];

const segment = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => encodeURIComponent(s)),
  fc.constantFrom(
    '..',
    '%2e%2e',
    '%00',
    '%ZZ',
    '%',
    '%2F',
    'a%20b',
    '💥',
    '(){}',
    "'",
    '"',
    '<script>',
    'undefined',
    'null',
    '-1',
    '0',
    '9'.repeat(30),
  ),
);

const value = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      'true',
      'false',
      'null',
      '[]',
      '{}',
      'http://127.0.0.1:1/x',
      'a'.repeat(5000),
      '\u0000',
      '../../etc/passwd',
    ),
  },
);

function filledPath(shape: RequestShape): fc.Arbitrary<string> {
  const real = shape.paths.filter((p) => p !== '/{x}');
  const pick =
    real.length < shape.paths.length
      ? fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...real) },
          { weight: 1, arbitrary: fc.constant('/{x}') },
        )
      : fc.constantFrom(...shape.paths);
  return pick.chain((template) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    if (names.length === 0) return fc.constant(template);
    const fills = names.map((n) => {
      const known = shape.values?.[n] ?? [];
      return known.length > 0
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: segment })
        : segment;
    });
    return fc
      .tuple(...fills)
      .map((vals) => names.reduce((p, n, i) => p.replace(`{${n}}`, vals[i] ?? ''), template));
  });
}

const query = fc.option(
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('Page', 'PageSize', 'Status', 'To', 'From', 'PageToken', 'StartTime>', 'x'),
          fc.stringMatching(/^\w{1,6}$/),
        ),
        value,
      ),
      { maxLength: 4 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  { freq: 3 },
);

/** Header values: printable ASCII only (anything else is refused by the HTTP parser itself). */
const headerValue = fc.oneof(
  fc.stringMatching(/^[\x21-\x7e]{0,40}$/),
  fc.constantFrom('', 'Bearer', 'Basic ', 'Basic !!!', 'Bearer a.b.c', 'gzip', 'chunked'),
);

export function requestArbitrary(shape: RequestShape): fc.Arbitrary<FuzzRequest> {
  const fields = shape.fields ?? [];
  const key =
    fields.length > 0
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...fields) },
          { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
        )
      : fc.string({ maxLength: 10 });
  const record = fc.dictionary(key, value, { maxKeys: 8 });
  const samples = shape.samples ?? [];
  const sampled =
    samples.length > 0
      ? fc
          .tuple(
            fc.constantFrom(...samples),
            fc.option(fc.tuple(key, fc.jsonValue({ maxDepth: 2 })), { freq: 2 }),
          )
          .map(([sample, edit]) => ({
            type: 'json' as const,
            json: edit ? { ...sample, [edit[0]]: edit[1] } : sample,
          }))
      : fc.constant({ type: 'none' as const });
  const formSamples = shape.formSamples ?? [];
  const sampledForm =
    formSamples.length > 0
      ? fc
          .tuple(fc.constantFrom(...formSamples), fc.option(fc.tuple(key, value), { freq: 2 }))
          .map(([sample, edit]) => ({
            type: 'form' as const,
            form: edit ? { ...sample, [edit[0]]: edit[1] } : sample,
          }))
      : fc.constant({ type: 'none' as const });
  const body = fc.oneof(
    { weight: 2, arbitrary: fc.constant({ type: 'none' as const }) },
    { weight: samples.length > 0 ? 4 : 1, arbitrary: sampled },
    { weight: formSamples.length > 0 ? 4 : 1, arbitrary: sampledForm },
    { weight: 3, arbitrary: record.map((r) => ({ type: 'form' as const, form: r })) },
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          record,
          fc.dictionary(key, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
          fc.jsonValue({ maxDepth: 3 }),
        )
        .map((j) => ({ type: 'json' as const, json: j })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((b) => ({ type: 'bytes' as const, bytes: Buffer.from(b) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{',
          '{"a":',
          '[1,2',
          'a=%ZZ&b',
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
          'null',
          '""',
        )
        .map((t) => ({ type: 'text' as const, text: t })),
    },
  );
  const extraHeaders = fc.array(
    fc.tuple(
      fc.constantFrom(
        'Accept',
        'Authorization',
        'X-Api-Key',
        'X-Twilio-Signature',
        'Content-Encoding',
        'Cookie',
        'X-Forwarded-For',
        'Origin',
        ...(shape.headerNames ?? []),
      ),
      headerValue,
    ),
    { maxLength: 3 },
  );
  const auth =
    shape.authHeaders && shape.authHeaders.length > 0
      ? fc.option(fc.constantFrom(...shape.authHeaders), { freq: 5 })
      : fc.constant(null);
  return fc
    .record({
      route: filledPath(shape).chain((p) => {
        // @note A template may name its method (`POST /x`): used 4 times in 5, so handlers run.
        const m = /^([A-Z]+) (.*)$/.exec(p);
        const any = fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        );
        const method = m
          ? fc.oneof({ weight: 4, arbitrary: fc.constant(m[1] as string) }, { weight: 1, arbitrary: any })
          : any;
        return method.map((verb) => ({ method: verb, path: m ? (m[2] as string) : p }));
      }),
      query,
      // @note Usually the type that matches the body (so parsers accept it and handlers run), sometimes a lie.
      contentType: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      ),
      body,
      auth,
      extraHeaders,
    })
    .map(({ route: { method, path }, query: q, contentType, body: b, auth: a, extraHeaders: extra }) => {
      let bytes: Buffer = Buffer.alloc(0);
      let form: Record<string, string> | null = null;
      let natural: string | null = null;
      if (b.type === 'form') {
        form = b.form;
        bytes = Buffer.from(new URLSearchParams(b.form).toString());
        natural = 'application/x-www-form-urlencoded';
      } else if (b.type === 'json') {
        bytes = Buffer.from(JSON.stringify(b.json) ?? 'null');
        natural = 'application/json';
      } else if (b.type === 'bytes') bytes = b.bytes;
      else if (b.type === 'text') bytes = Buffer.from(b.text);
      const headers: Array<[string, string]> = [...(a ?? []), ...extra];
      const type = contentType ?? natural;
      if (type !== null && (bytes.length > 0 || b.type !== 'none')) headers.push(['Content-Type', type]);
      return { method, path, target: q ? `${path}?${q}` : path, headers, body: bytes, form };
    });
}
