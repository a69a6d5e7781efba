import { type CorpusCase, R } from './types.ts';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Response><Say>&lol9;</Say></Response>`;

const f = (name: string, xml: string): CorpusCase => ({ name, xml, codes: [12100] });

/** Not XML, empty bodies, wrong roots, well-formedness, entities, DOCTYPE/XXE. */
export const xmlCases: CorpusCase[] = [
  // Not XML at all
  f('plain-text', 'Hello, please hold.'),
  f('json-body', '{"twiml":"<Response/>"}'),
  f('html-page', '<!doctype html><html><body>Hi</body></html>'),
  f('lone-lt', '<'),
  f('lone-gt', '>'),
  f('angle-soup', '<<>>'),
  f('lone-amp', '&'),
  f('only-declaration', '<?xml version="1.0"?>'),
  f('only-comment', '<!-- nothing here -->'),
  f('number-body', '12100'),
  f('yaml-body', 'Response:\n  - Say: hi\n'),
  f('php-tag', '<?php echo "<Response/>"; ?>'),
  // Empty and whitespace bodies
  f('empty', ''),
  f('single-space', ' '),
  f('newlines', '\n\n\n'),
  f('tabs-and-crlf', '\t\r\n\t'),
  f('bom-only', '\uFEFF'),
  // Wrong root
  { name: 'root-lowercase', xml: '<response><Say>x</Say></response>', codes: [12102] },
  { name: 'root-uppercase', xml: '<RESPONSE/>', codes: [12102] },
  { name: 'root-twiml', xml: '<Twiml><Say>x</Say></Twiml>', codes: [12102] },
  { name: 'root-html', xml: '<html><Say>x</Say></html>', codes: [12102] },
  { name: 'root-say', xml: '<Say>Hello</Say>', codes: [12102] },
  { name: 'root-namespaced', xml: '<t:Response xmlns:t="http://www.twilio.com/docs/twiml"/>', codes: [12102] },
  { name: 'root-response2', xml: '<Response2/>', codes: [12102] },
  { name: 'root-messaging', xml: '<MessagingResponse><Message>x</Message></MessagingResponse>', codes: [12102] },
  { name: 'root-proto', xml: '<__proto__><Say>x</Say></__proto__>', codes: [12102] },
  { name: 'root-constructor', xml: '<constructor/>', codes: [12102] },
  // Version attribute
  { name: 'version-old-api', xml: '<Response version="2008-08-01"/>', codes: [12101] },
  { name: 'version-garbage', xml: '<Response version="latest"><Say>x</Say></Response>', codes: [12101] },
  { name: 'version-empty', xml: '<Response version=""/>', codes: [12101] },
  { name: 'version-ok', xml: '<Response version="2010-04-01"><Hangup/></Response>', codes: [] },
  // Not well-formed
  f('unclosed-response', '<Response><Say>x</Say>'),
  f('unclosed-say', R('<Say>x')),
  f('crossed-tags', R('<Say><Play></Say></Play>')),
  f('unquoted-attribute', R('<Say voice=woman>x</Say>')),
  f('attribute-without-value', R('<Record playBeep/>')),
  f('duplicate-attribute', R('<Say voice="man" voice="woman">x</Say>')),
  f('bare-ampersand', R('<Say>Tom & Jerry</Say>')),
  f('bare-less-than', R('<Say>1 < 2</Say>')),
  f('lt-in-attribute', R('<Say voice="<man>">x</Say>')),
  f('text-before-declaration', ' <?xml version="1.0"?><Response/>'),
  f('comment-before-declaration', '<!-- c --><?xml version="1.0"?><Response/>'),
  f('two-declarations', '<?xml version="1.0"?><?xml version="1.0"?><Response/>'),
  f('case-mismatch-close', '<Response></response>'),
  f('stray-close-tag', R('</Say>')),
  f('missing-gt', '<Response><Hangup/</Response>'),
  f('two-roots', '<Response/><Response/>'),
  f('text-after-root', '<Response/>trailing words'),
  f('text-before-root', 'Say this<Response/>'),
  f('unterminated-comment', '<Response><!-- never ends</Response>'),
  f('unterminated-cdata', R('<Say><![CDATA[never ends</Say>')),
  f('invalid-tag-name', R('<1Say>x</1Say>')),
  f('tag-name-with-space', R('< Say>x</Say>')),
  f('unterminated-attribute', '<Response><Say voice="man>x</Say></Response>'),
  f('close-tag-with-attribute', R('<Say>x</Say voice="man">')),
  f('truncated-document', '<?xml version="1.0" encoding="UTF-8"?>\n<Response>\n  <Say voice="woman">Hel'),
  // Entities
  f('undefined-entity-nbsp', R('<Say>a&nbsp;b</Say>')),
  f('undefined-entity-custom', R('<Say>&company;</Say>')),
  f('amp-without-semicolon', R('<Say>&amp</Say>')),
  f('numeric-ref-zero', R('<Say>&#0;</Say>')),
  f('numeric-ref-control', R('<Say>&#x1;</Say>')),
  f('numeric-ref-surrogate', R('<Say>&#xD800;</Say>')),
  f('numeric-ref-too-big', R('<Say>&#x110000;</Say>')),
  f('numeric-ref-huge-decimal', R('<Say>&#99999999999;</Say>')),
  f('numeric-ref-empty', R('<Say>&#;</Say>')),
  f('numeric-ref-empty-hex', R('<Say>&#x;</Say>')),
  f('undefined-entity-in-attribute', R('<Say voice="&voice;">x</Say>')),
  { name: 'predefined-entities-ok', xml: R('<Say>&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;</Say>'), codes: [] },
  { name: 'escaped-markup-is-text', xml: R('<Say>&lt;Hangup/&gt;</Say>'), codes: [] },
  { name: 'entity-in-attribute-bad-voice', xml: R('<Say voice="&quot;man&quot;">x</Say>'), codes: [13511] },
  // DOCTYPE, internal and external entities
  f('billion-laughs', BILLION_LAUGHS),
  f('quadratic-blowup', `<!DOCTYPE r [<!ENTITY a "${'x'.repeat(5000)}">]>${R(`<Say>${'&a;'.repeat(2000)}</Say>`)}`),
  f('xxe-file-passwd', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Response><Say>&xxe;</Say></Response>'),
  f('xxe-http', '<!DOCTYPE r [<!ENTITY xxe SYSTEM "http://127.0.0.1:1/secret">]><Response><Play>&xxe;</Play></Response>'),
  f('xxe-parameter-entity', '<!DOCTYPE r [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><Response/>'),
  f('xxe-public-id', '<!DOCTYPE Response PUBLIC "-//X//EN" "file:///etc/passwd"><Response/>'),
  f('xxe-in-attribute', '<!DOCTYPE r [<!ENTITY u SYSTEM "file:///etc/hostname">]><Response><Redirect method="&u;">/x</Redirect></Response>'),
  f('doctype-simple', '<!DOCTYPE Response><Response/>'),
  f('doctype-lowercase', '<!doctype Response><Response/>'),
  f('entity-without-doctype', '<!ENTITY a "b"><Response/>'),
  f('element-declaration', '<!ELEMENT Response ANY><Response/>'),
  f('doctype-inside-response', R('<!DOCTYPE x>')),
  { name: 'doctype-text-in-comment', xml: R('<!-- <!DOCTYPE x [<!ENTITY a "b">]> --><Hangup/>'), codes: [] },
  { name: 'doctype-text-in-cdata', xml: R('<Say><![CDATA[<!DOCTYPE x> &xxe;]]></Say>'), codes: [] },
];
