import { describe, expect, it } from 'vitest';
import { parseTwiml, validateTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes } from './helpers.ts';

describe('document rules', () => {
  it('an empty <Response/> is valid and has no verbs', () => {
    expect(parseTwiml('<Response/>')).toEqual({ document: { verbs: [] }, diagnostics: [] });
    expect(parseTwiml(build(() => {}))).toEqual({ document: { verbs: [] }, diagnostics: [] });
  });

  it('a root other than Response gives fatal 12102', () => {
    const r = parseTwiml('<response><Say>x</Say></response>');
    expect(r.document).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 12102, severity: 'error', line: 1, column: 1 }]);
  });

  it('version is accepted when absent or 2010-04-01; anything else gives fatal 12101', () => {
    expect(parseTwiml('<Response version="2010-04-01"/>').diagnostics).toEqual([]);
    const r = parseTwiml('<Response version="2008-08-01"/>');
    expect(r.document).toBeNull();
    expect(codes(r)).toEqual([12101]);
  });

  it.each([
    ['unclosed tag', '<Response><Say>x</Response>'],
    ['crossed tags', '<Response><Say><Play></Say></Play></Response>'],
    ['unquoted attribute', '<Response><Say voice=woman>x</Say></Response>'],
    ['bare ampersand', '<Response><Say>Tom & Jerry</Say></Response>'],
    ['bare less-than', '<Response><Say>1 < 2</Say></Response>'],
    ['text before the declaration', ' <?xml version="1.0"?><Response/>'],
    ['two roots', '<Response/><Response/>'],
    ['text after the root', '<Response/>trailing'],
    ['undefined entity', '<Response><Say>&nbsp;</Say></Response>'],
    ['invalid numeric reference', '<Response><Say>&#0;</Say></Response>'],
    ['not XML', 'Hello, world'],
    ['empty', ''],
    ['whitespace only', '  \n\t '],
  ])('%s gives fatal 12100', (_name, xml) => {
    const r = parseTwiml(xml);
    expect(r.document).toBeNull();
    expect(codes(r)).toEqual([12100]);
  });

  it('the well-formedness error carries the line and column', () => {
    const r = parseTwiml('<Response>\n  <Say>ok</Say>\n  <Play>x</Say>\n</Response>');
    expect(r.diagnostics[0]).toMatchObject({ code: 12100, line: 3 });
    expect(r.diagnostics[0]?.column).toBeGreaterThan(0);
  });

  it('decodes only predefined entities and numeric references', () => {
    const r = parseTwiml(
      '<Response><Say>&lt;a&gt; &amp; &quot;b&quot; &apos;c&apos; &#65;&#x42;</Say></Response>',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.verbs[0]).toMatchObject({ text: '<a> & "b" \'c\' AB' });
  });

  it('rejects DOCTYPE and ENTITY declarations without expanding them', () => {
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Response><Say>&x;</Say></Response>';
    const r = parseTwiml(xxe);
    expect(r.document).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 12100, line: 1, column: 22 }]);
    expect(r.diagnostics[0]?.message).toMatch(/DOCTYPE/);
  });

  it('ignores comments, processing instructions and a leading BOM', () => {
    const r = parseTwiml(
      '\uFEFF<?xml version="1.0"?>\n<!-- hi --><Response><!-- c --><?pi x?><Hangup/></Response>',
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.verbs).toMatchObject([{ verb: 'Hangup', pos: { line: 2, column: 40 } }]);
  });

  it('refuses documents over maxBytes (UTF-8) with fatal 11750', () => {
    const body = `<Response><Say>${'é'.repeat(40_000)}</Say></Response>`;
    expect(body.length).toBeLessThan(65_536);
    const r = parseTwiml(body);
    expect(r.document).toBeNull();
    expect(codes(r)).toEqual([11750]);
    expect(codes(parseTwiml('<Response><Hangup/></Response>', { maxBytes: 10 }))).toEqual([11750]);
  });

  it('refuses nesting deeper than maxDepth with 12100', () => {
    const deep = (n: number) => `<Response>${'<Say>'.repeat(n)}${'</Say>'.repeat(n)}</Response>`;
    const r = parseTwiml(deep(64));
    expect(codes(r)).toEqual([12100]);
    expect(r.diagnostics[0]?.message).toMatch(/deeper than 64/);
    expect(codes(parseTwiml(deep(3), { maxDepth: 3 }))).toEqual([12100]);
  });

  it.each([
    ['control character', '<Response><Say>a\u0007b</Say></Response>', 1, 17],
    ['lone high surrogate', '<Response><Say>a\uD800b</Say></Response>', 1, 17],
    ['lone low surrogate', '<Response>\n<Say>\uDC00</Say></Response>', 2, 6],
    ['U+FFFF', '<Response><Say>\uFFFF</Say></Response>', 1, 16],
  ])('%s gives fatal 12100 at its position', (_n, xml, line, column) => {
    const r = parseTwiml(xml);
    expect(r.document).toBeNull();
    expect(r.diagnostics).toMatchObject([{ code: 12100, line, column }]);
  });

  it('keeps valid astral characters (emoji) in text', () => {
    expect(parseTwiml('<Response><Say>hi 😀</Say></Response>').document?.verbs[0]).toMatchObject({
      text: 'hi 😀',
    });
  });

  it('a namespaced root is not <Response> (12102); namespaced verbs are unknown (12200)', () => {
    expect(codes(parseTwiml('<t:Response xmlns:t="urn:x"/>'))).toEqual([12102]);
    expect(codes(parseTwiml('<Response xmlns:t="urn:x"><t:Say>x</t:Say></Response>'))).toEqual([
      12200, 12200,
    ]);
  });

  it('validateTwiml returns the same diagnostics and copies the file name', () => {
    const xml = '<Response><say>x</say></Response>';
    expect(validateTwiml(xml, { file: 'ivr.xml' })).toEqual(parseTwiml(xml, { file: 'ivr.xml' }).diagnostics);
    expect(validateTwiml(xml, { file: 'ivr.xml' })[0]).toMatchObject({ file: 'ivr.xml', code: 12200 });
  });

  it('never throws on non-string input', () => {
    expect(() => parseTwiml(undefined as unknown as string)).not.toThrow();
    expect(() => parseTwiml(42 as unknown as string)).not.toThrow();
    expect(parseTwiml(null as unknown as string).document).toBeNull();
  });
});

describe('verbs at the top level', () => {
  it('unknown and wrongly-cased verbs give 12200, are skipped, and the rest runs', () => {
    const r = parseTwiml('<Response>\n  <say>hi</say>\n  <Foo/>\n  <Hangup/>\n</Response>');
    expect(r.diagnostics).toMatchObject([
      { code: 12200, severity: 'warning', line: 2, column: 3, path: 'Response/say[1]' },
      { code: 12200, severity: 'warning', line: 3, column: 3, path: 'Response/Foo[1]' },
    ]);
    expect(r.diagnostics[0]?.message).toContain('did you mean <Say>');
    expect(r.document?.verbs.map((v) => v.verb)).toEqual(['Hangup']);
  });

  it('verbs Twilio knows but callrig does not simulate become Unsimulated', () => {
    const xml = build((v) => {
      v.start().stream({ url: 'wss://x.example/s' });
      v.connect().stream({ url: 'wss://x.example/s' });
      v.pay({ chargeAmount: '10.00' });
      v.refer().sip('sip:a@b.example');
      v.echo();
      v.stop().stream({ name: 's' });
    });
    const r = parseTwiml(xml);
    expect(r.diagnostics).toEqual([]);
    expect(r.document?.verbs.map((v) => (v.verb === 'Unsimulated' ? v.name : v.verb))).toEqual([
      'Start',
      'Connect',
      'Pay',
      'Refer',
      'Echo',
      'Stop',
    ]);
    expect(r.document?.verbs[2]).toEqual({
      verb: 'Unsimulated',
      name: 'Pay',
      pos: { line: 1, column: xml.indexOf('<Pay') + 1 },
      path: 'Response/Pay[1]',
    });
  });

  it('text directly inside Response gives 12200', () => {
    expect(codes(parseTwiml('<Response>hello<Hangup/></Response>'))).toEqual([12200]);
  });
});

describe('positions', () => {
  const doc = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Response>',
    '    <Say voice="alice"',
    '         loop="x">Hello</Say>',
    '\t<Gather numDigits="1"',
    '\t        timeout="0">',
    '        <Say>Press one</Say>',
    '        <Record/>',
    '    </Gather>',
    '    <Record maxLength="abc"/>',
    '</Response>',
  ].join('\n');

  it('line and column of each verb', () => {
    const verbs = parseTwiml(doc).document?.verbs ?? [];
    expect(verbs.map((v) => [v.path, v.pos.line, v.pos.column])).toEqual([
      ['Response/Say[1]', 3, 5],
      ['Response/Gather[1]', 5, 2],
      ['Response/Record[1]', 10, 5],
    ]);
    const g = verbs[1];
    expect(g?.verb === 'Gather' && g.children[0]?.pos).toEqual({ line: 7, column: 9 });
  });

  it('line and column of each diagnostic, in document order, attribute-precise', () => {
    expect(parseTwiml(doc).diagnostics.map((d) => [d.code, d.line, d.column, d.path])).toEqual([
      [13510, 4, 10, 'Response/Say[1]@loop'],
      [13313, 6, 10, 'Response/Gather[1]@timeout'],
      [13320, 8, 9, 'Response/Gather[1]/Record[1]'],
      [13612, 10, 13, 'Response/Record[1]@maxLength'],
    ]);
  });

  it('CRLF line endings count as one line break', () => {
    const r = parseTwiml(doc.replaceAll('\n', '\r\n'));
    expect(r.diagnostics.map((d) => [d.line, d.column])).toEqual([
      [4, 10],
      [6, 10],
      [8, 9],
      [10, 13],
    ]);
  });
});
