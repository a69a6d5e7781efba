import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';

const VALID = [
  '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n<Say voice="woman">Hello &amp; welcome</Say>\n<Record maxLength="60" playBeep="true" timeout="3" action="/cb"/>\n<Say>Bye</Say><Hangup/>\n</Response>',
  '<Response><Gather input="dtmf speech" numDigits="1" action="/g"><Say>Press 1</Say><Pause length="2"/><Play>/a.wav</Play></Gather><Redirect>/again</Redirect></Response>',
  '<Response><Dial callerId="+15551112222" timeout="20"><Number url="/w">+15558675310</Number><Client><Identity>al</Identity><Parameter name="a" value="b"/></Client></Dial></Response>',
  '<Response><Say><![CDATA[x < y]]><break time="1s"/><emphasis>hi</emphasis></Say><!-- c --><Reject reason="busy"/></Response>',
];
const NAMES = [
  'Response',
  'Say',
  'Play',
  'Pause',
  'Record',
  'Gather',
  'Dial',
  'Number',
  'Hangup',
  'say',
  'Foo',
  '__proto__',
  'constructor',
  'break',
];
const ATTRS = [
  'voice',
  'loop',
  'maxLength',
  'timeout',
  'finishOnKey',
  'method',
  'numDigits',
  'input',
  'version',
  'xmlns',
  'x:y',
  'toString',
];
const CHUNKS = [
  '<',
  '>',
  '/>',
  '</',
  '&',
  '&amp;',
  '&#0;',
  '&#x1F600;',
  '"',
  "'",
  '=',
  '<!DOCTYPE r [<!ENTITY a "b">]>',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '\uFEFF',
  '\uD800',
  '\u0000',
  '\r\n',
  ' ',
];

/** One mutation of a document: insert, delete or duplicate a slice, or add random markup. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...CHUNKS)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('element' as const),
    at: fc.nat(),
    name: fc.constantFrom(...NAMES),
    attr: fc.constantFrom(...ATTRS),
    value: fc.string({ maxLength: 6 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: string, m: Mutation): string {
  const at = m.at % (doc.length + 1);
  switch (m.kind) {
    case 'insert':
      return doc.slice(0, at) + m.text + doc.slice(at);
    case 'delete':
      return doc.slice(0, at) + doc.slice(at + m.len);
    case 'duplicate':
      return doc.slice(0, at) + doc.slice(at, at + m.len) + doc.slice(at);
    case 'element':
      return `${doc.slice(0, at)}<${m.name} ${m.attr}="${m.value.replace(/["<&]/g, '')}">t</${m.name}>${doc.slice(at)}`;
  }
}

function checkResult(xml: string): void {
  const r = parseTwiml(xml);
  expect(Array.isArray(r.diagnostics)).toBe(true);
  for (const d of r.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(['error', 'warning']).toContain(d.severity);
  }
  // A document comes back exactly when no document-level error was found.
  const fatal = r.diagnostics.some((d) => [11750, 12100, 12101, 12102].includes(d.code as number));
  expect(r.document === null).toBe(fatal);
}

describe('parseTwiml under random input (fast-check, fixed seed)', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkResult(s);
      }),
      { seed: 20261127, numRuns: 500 },
    );
  });

  it('never throws on mutated valid TwiML', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 6 }),
        (doc, ms) => {
          checkResult(ms.reduce(apply, doc));
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it('never throws on deep or wide nesting', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.integer({ min: 0, max: 3000 }),
        fc.boolean(),
        (name, depth, close) => {
          const open = `<${name}>`.repeat(depth);
          checkResult(`<Response>${open}${close ? `</${name}>`.repeat(depth) : ''}</Response>`);
        },
      ),
      { seed: 7, numRuns: 100 },
    );
  });
});
