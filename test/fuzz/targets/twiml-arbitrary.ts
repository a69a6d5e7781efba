import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

/**
 * Random TwiML-ish documents: mostly well-formed `<Response>`s built from real verbs with
 * attributes drawn from valid, boundary and nonsense values; sometimes broken XML, foreign
 * text or a document of the hostile corpus (test/corpus/twiml).
 */
const CORPUS_DIR = join(import.meta.dirname, '../../corpus/twiml');

/** One corpus document as test/unit/core/twiml/corpus.test.ts loads it (escapes expanded). */
export interface CorpusDocument {
  file: string;
  text: string;
  /** expected.json's entry: parse-time codes and whether the document is fatal. */
  codes: number[];
  fatal: boolean;
  /** Parse options (e.g. whisper context) the expectation assumes; none for a Voice URL answer. */
  options: unknown;
}

/** The hostile corpus, sorted by file name. */
export function corpusDocuments(): CorpusDocument[] {
  const expected = JSON.parse(readFileSync(join(CORPUS_DIR, 'expected.json'), 'utf-8')) as Record<
    string,
    { codes: number[]; fatal: boolean; escaped?: boolean; options?: unknown }
  >;
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((file) => {
      const entry = expected[file] ?? { codes: [], fatal: false };
      const raw = readFileSync(join(CORPUS_DIR, file), 'utf-8');
      const text = entry.escaped
        ? raw.replace(/\\u([0-9A-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
        : raw;
      return { file, text, codes: entry.codes, fatal: entry.fatal, options: entry.options ?? null };
    });
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export function twimlArbitrary(origin: string): fc.Arbitrary<string> {
  const url = fc.constantFrom(
    '/doc',
    'doc',
    `${origin}/doc`,
    `${origin}/doc?x=1#rc=2&rt=100`,
    `${origin}/doc#rp=all&rc=5&ct=1`,
    'http://169.254.169.254/latest',
    'ftp://x/y',
    '::::',
    '',
    `${origin}/missing`,
  );
  const num = fc.oneof(
    fc.constantFrom('-1', '0', '1', '2', '5', '60', '600', '14401', '99999999', 'abc', '', '1.5', ' 3 '),
    fc.integer({ min: -5, max: 100 }).map(String),
  );
  const attrValue: Record<string, fc.Arbitrary<string>> = {
    voice: fc.constantFrom('woman', 'man', 'alice', 'Polly.Joanna', 'robot', ''),
    language: fc.constantFrom('en-US', 'it-IT', 'xx', ''),
    loop: num,
    length: num,
    timeout: num,
    maxLength: num,
    numDigits: num,
    digits: fc.constantFrom('1', 'wwww1', '#', 'abc', ''),
    finishOnKey: fc.constantFrom('#', '*', '1234567890*#', '', 'x', '##'),
    playBeep: fc.constantFrom('true', 'false', 'maybe'),
    trim: fc.constantFrom('trim-silence', 'do-not-trim', 'x'),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'get', ''),
    input: fc.constantFrom('dtmf', 'speech', 'dtmf speech', 'x'),
    actionOnEmptyResult: fc.constantFrom('true', 'false', 'x'),
    action: url,
    recordingStatusCallback: url,
    record: fc.constantFrom('record-from-answer', 'do-not-record', 'x'),
  };
  const attrs = (names: string[]): fc.Arbitrary<string> =>
    fc
      .subarray(names)
      .chain((chosen) =>
        chosen.length === 0
          ? fc.constant('')
          : fc
              .tuple(...chosen.map((n) => attrValue[n] ?? num))
              .map((vs) => vs.map((v, i) => ` ${chosen[i]}="${esc(v)}"`).join('')),
      );
  const text = fc.oneof(
    fc.constantFrom('Hello', 'I did not receive any message.', ''),
    fc.string({ maxLength: 30 }).map(esc),
  );
  const say = fc.tuple(attrs(['voice', 'language', 'loop']), text).map(([a, t]) => `<Say${a}>${t}</Say>`);
  const play = fc
    .tuple(attrs(['loop', 'digits']), fc.constantFrom('http://127.0.0.1:1/a.mp3', '', 'x'))
    .map(([a, u]) => `<Play${a}>${u}</Play>`);
  const pause = attrs(['length']).map((a) => `<Pause${a}/>`);
  const prompt = fc.oneof(say, play, pause);
  const verb = fc.oneof(
    { weight: 3, arbitrary: say },
    { weight: 1, arbitrary: play },
    { weight: 2, arbitrary: pause },
    {
      weight: 3,
      arbitrary: attrs([
        'action',
        'timeout',
        'maxLength',
        'finishOnKey',
        'playBeep',
        'method',
        'trim',
        'recordingStatusCallback',
      ]).map((a) => `<Record${a}/>`),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          attrs(['action', 'input', 'numDigits', 'timeout', 'finishOnKey', 'actionOnEmptyResult', 'method']),
          fc.array(prompt, { maxLength: 2 }),
        )
        .map(([a, p]) => `<Gather${a}>${p.join('')}</Gather>`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          attrs(['action', 'timeout', 'record', 'method']),
          fc.constantFrom(
            '+15005550006',
            '<Number>+15005550006</Number>',
            '<Client>bob</Client>',
            '<Sip>sip:a@b</Sip>',
            '<Conference>room</Conference>',
            '',
            'x',
          ),
        )
        .map(([a, t]) => `<Dial${a}>${t}</Dial>`),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(attrs(['method']), url).map(([a, u]) => `<Redirect${a}>${esc(u)}</Redirect>`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<Hangup/>',
        '<Reject/>',
        '<Reject reason="busy"/>',
        '<Leave/>',
        '<Enqueue>q</Enqueue>',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '<say>lower</say>',
        '<Foo bar="1"/>',
        '<!-- c -->',
        'stray text',
        '<Say><Play>x</Play></Say>',
        '<Response/>',
      ),
    },
  );
  const wellFormed = fc
    .tuple(fc.boolean(), fc.array(verb, { maxLength: 6 }))
    .map(
      ([decl, vs]) =>
        `${decl ? '<?xml version="1.0" encoding="UTF-8"?>' : ''}<Response>${vs.join('')}</Response>`,
    );
  const corpus = corpusDocuments().map((d) => d.text);
  return fc.oneof(
    { weight: 8, arbitrary: wellFormed },
    { weight: 2, arbitrary: fc.constantFrom(...corpus) },
    { weight: 1, arbitrary: wellFormed.chain((d) => fc.nat(d.length).map((cut) => d.slice(0, cut))) },
    { weight: 1, arbitrary: fc.string({ maxLength: 100 }) },
  );
}
