import { type CorpusCase, R } from './types.ts';

const f = (name: string, xml: string): CorpusCase => ({ name, xml, codes: [12100] });

/** A valid document of exactly `bytes` UTF-8 bytes (ASCII padding inside a comment). */
function sized(bytes: number): string {
  const shell = R('<Pause/><!---->');
  return R(`<Pause/><!--${'a'.repeat(bytes - shell.length)}-->`);
}

const nest = (name: string, n: number, close = true, inner = ''): string =>
  `<${name}>`.repeat(n) + inner + (close ? `</${name}>`.repeat(n) : '');

/** Illegal characters, BOM, size and depth limits, prototype-like names. */
export const limitsCases: CorpusCase[] = [
  // Control characters and surrogates (XML 1.0 forbids them; files store them escaped)
  f('nul-character', R('<Say>a\u0000b</Say>')),
  f('bell-character', R('<Say>a\u0007b</Say>')),
  f('backspace-character', R('<Say>\u0008</Say>')),
  f('vertical-tab', R('<Say>a\u000Bb</Say>')),
  f('form-feed', R('<Say>a\u000Cb</Say>')),
  f('escape-character', R('<Say>\u001B[31m</Say>')),
  f('unit-separator-in-attribute', R('<Say voice="man\u001F">x</Say>')),
  f('control-in-tag-name', R('<Sa\u0001y>x</Sa\u0001y>')),
  f('nul-after-root', `${R('<Hangup/>')}\u0000`),
  f('lone-high-surrogate', R('<Say>a\uD800b</Say>')),
  f('lone-low-surrogate', R('<Say>a\uDC00b</Say>')),
  f('reversed-surrogate-pair', R('<Say>\uDE00\uD83D</Say>')),
  f('high-surrogate-at-end', `${R('<Say>x</Say>')}\uD83D`),
  f('noncharacter-fffe', R('<Say>\uFFFE</Say>')),
  f('noncharacter-ffff', R('<Say>\uFFFF</Say>')),
  { name: 'c1-control-nel-is-legal', xml: R('<Say>next\u0085line</Say>'), codes: [] },
  { name: 'emoji-surrogate-pair-ok', xml: R('<Say>thanks \uD83D\uDE00</Say>'), codes: [] },
  { name: 'bom-then-declaration', xml: `\uFEFF<?xml version="1.0" encoding="UTF-8"?>${R('<Hangup/>')}`, codes: [] },
  { name: 'bom-then-response', xml: `\uFEFF${R('<Say>hi</Say>')}`, codes: [] },
  { name: 'zero-width-no-break-space-in-text', xml: R('<Say>a\uFEFFb</Say>'), codes: [] },
  f('bom-twice', `\uFEFF\uFEFF${R('')}`),
  { name: 'crlf-document', xml: '<?xml version="1.0"?>\r\n<Response>\r\n  <Say>hi</Say>\r\n</Response>\r\n', codes: [] },
  { name: 'cr-only-document', xml: '<Response>\r<Hangup/>\r</Response>', codes: [] },
  // Size limit (65,536 UTF-8 bytes)
  { name: 'size-exactly-64k', xml: sized(65_536), codes: [] },
  { name: 'size-one-byte-over', xml: sized(65_537), codes: [11750] },
  { name: 'size-multibyte-over', xml: R(`<Say>${'€'.repeat(22_000)}</Say>`), codes: [11750] },
  { name: 'size-66k-garbage', xml: '<'.repeat(66_000), codes: [11750] },
  { name: 'size-many-hangups-under-limit', xml: R('<Hangup/>'.repeat(3000)), codes: [] },
  // Nesting depth (limit 64)
  f('depth-65-ssml', R(`<Say>${nest('emphasis', 63, true, 'x')}</Say>`)),
  { name: 'depth-64-ssml-ok', xml: R(`<Say>${nest('emphasis', 62, true, 'x')}</Say>`), codes: [] },
  f('depth-2000-unclosed', R(nest('Gather', 2000, false))),
  f('depth-1000-closed', nest('Response', 1000)),
  f('depth-nested-gathers', R(nest('Gather', 100))),
  f('depth-self-closing-at-limit', R(`${'<Say>'.repeat(63)}<break/>${'</Say>'.repeat(63)}`)),
  // Names that are JavaScript object properties
  { name: 'proto-verb', xml: R('<__proto__/><Hangup/>'), codes: [12200] },
  { name: 'constructor-verb', xml: R('<constructor>x</constructor>'), codes: [12200] },
  { name: 'proto-attribute', xml: R('<Say __proto__="x">hi</Say>'), codes: [12200] },
  { name: 'constructor-attribute', xml: R('<Record constructor="x" prototype="y"/>'), codes: [12200, 12200] },
  { name: 'tostring-attribute', xml: R('<Say toString="x" hasOwnProperty="y" valueOf="z">hi</Say>'), codes: [12200, 12200, 12200] },
  { name: 'tostring-verb', xml: R('<toString/><valueOf/>'), codes: [12200, 12200] },
  { name: 'prototype-noun-in-dial', xml: R('<Dial><prototype>1</prototype><Number>+15551234567</Number></Dial>'), codes: [13215] },
  // CDATA, comments, processing instructions, namespaces
  { name: 'cdata-in-say', xml: R('<Say><![CDATA[Tom & Jerry <3]]></Say>'), codes: [] },
  { name: 'cdata-redirect-url', xml: R('<Redirect><![CDATA[/next?a=1&b=2]]></Redirect>'), codes: [] },
  { name: 'cdata-in-response', xml: R('<![CDATA[say this]]><Hangup/>'), codes: [12200] },
  { name: 'cdata-hiding-verb', xml: R('<Say><![CDATA[</Say><Dial>+15551234567</Dial><Say>]]></Say>'), codes: [] },
  f('cdata-outside-root', `${R('')}<![CDATA[x]]>`),
  { name: 'comments-everywhere', xml: `<!--a-->${R('<!--b--><Say><!--c-->hi<!--d--></Say><!--e-->')}<!--f-->`, codes: [] },
  { name: 'comment-hiding-verb', xml: R('<!--<Dial>+15551234567</Dial>--><Hangup/>'), codes: [] },
  { name: 'processing-instructions', xml: `<?xml version="1.0"?><?xml-stylesheet href="x"?>${R('<?pi data?><Hangup/>')}`, codes: [] },
  { name: 'namespaced-verb', xml: R('<t:Say xmlns:t="urn:t">hi</t:Say>'), codes: [12200] },
  { name: 'default-namespace-on-response', xml: '<Response xmlns="http://www.twilio.com/"><Hangup/></Response>', codes: [12200] },
  { name: 'xml-lang-on-say', xml: R('<Say xml:lang="fr-FR">bonjour</Say>'), codes: [12200] },
  { name: 'xml-lang-on-ssml-lang', xml: R('<Say>hi <lang xml:lang="fr-FR">bonjour</lang></Say>'), codes: [] },
  { name: 'declaration-latin1-encoding', xml: `<?xml version="1.0" encoding="ISO-8859-1"?>${R('<Hangup/>')}`, codes: [] },
];
