import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Say>', () => {
  it('defaults: voice man, language en-US, loop 1', () => {
    const r = parseTwiml(build((v) => v.say('Hello there')));
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({
      verb: 'Say',
      text: 'Hello there',
      voice: 'man',
      language: 'en-US',
      loop: 1,
    });
  });

  it('reads voice, language and loop as VoiceResponse writes them', () => {
    const r = parseTwiml(
      build((v) =>
        v.say({ voice: 'Polly.Joanna-Neural', language: 'fr-FR', loop: 0 }, 'Bonjour & bienvenue'),
      ),
    );
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({
      text: 'Bonjour & bienvenue',
      voice: 'Polly.Joanna-Neural',
      language: 'fr-FR',
      loop: 0,
    });
  });

  it('strips SSML markup and collapses whitespace', () => {
    const xml = build((v) => {
      const s = v.say({ voice: 'Polly.Joanna' }, 'Hi');
      s.break({ time: '100ms' });
      s.emphasis({ level: 'moderate' }, 'big');
      s.p('para');
      s.sayAs({ 'interpret-as': 'spell-out' }, 'abc');
    });
    const r = parseTwiml(xml);
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({ text: 'Hi big para abc' });
  });

  it.each([
    ['voice', 'robot', 13511, { voice: 'man' }],
    ['voice', 'Polly.', 13511, { voice: 'man' }],
    ['language', 'english please', 13512, { language: 'en-US' }],
    ['loop', '-1', 13510, { loop: 1 }],
    ['loop', 'twice', 13510, { loop: 1 }],
    ['loop', '1.5', 13510, { loop: 1 }],
  ])('bad %s=%j gives %i and the default', (attr, value, code, expected) => {
    const r = parseTwiml(`<Response><Say ${attr}="${value}">Hi</Say></Response>`);
    expect(codes(r)).toEqual([code]);
    expect(r.diagnostics[0]).toMatchObject({
      severity: 'warning',
      path: `Response/Say[1]@${attr}`,
      line: 1,
      column: 16,
    });
    expect(onlyVerb(r)).toMatchObject(expected);
  });

  it('empty or whitespace-only text gives 13520 and the Say is skipped', () => {
    for (const body of ['', '   \n  ', '<break time="1s"/>']) {
      const r = parseTwiml(`<Response><Say>${body}</Say><Hangup/></Response>`);
      expect(codes(r)).toEqual([13520]);
      expect(r.document?.verbs.map((v) => v.verb)).toEqual(['Hangup']);
    }
  });

  it('text over 4096 characters (basic voice) gives 13521 and is skipped', () => {
    const ok = parseTwiml(`<Response><Say>${'a'.repeat(4096)}</Say></Response>`);
    expect(ok.diagnostics).toEqual([]);
    const long = parseTwiml(`<Response><Say>${'a'.repeat(4097)}</Say></Response>`);
    expect(codes(long)).toEqual([13521]);
    expect(long.document?.verbs).toEqual([]);
  });

  it('Polly/Google voices are limited to 3000 characters; SSML tags do not count', () => {
    const tags = '<break time="1s"/>'.repeat(50);
    const ok = parseTwiml(`<Response><Say voice="Polly.Amy">${'b'.repeat(3000)}${tags}</Say></Response>`);
    expect(ok.diagnostics).toEqual([]);
    const long = parseTwiml(
      `<Response><Say voice="Google.en-US-Standard-C">${'b'.repeat(3001)}</Say></Response>`,
    );
    expect(codes(long)).toEqual([13521]);
  });

  it('<Pause> inside <Say> gives 12200 and is skipped', () => {
    const r = parseTwiml('<Response><Say>Hi <Pause length="2"/> there</Say></Response>');
    expect(codes(r)).toEqual([12200]);
    expect(r.diagnostics[0]?.path).toBe('Response/Say[1]/Pause[1]');
    expect(onlyVerb(r)).toMatchObject({ text: 'Hi there' });
  });

  it('a CDATA section is spoken as text', () => {
    const r = parseTwiml('<Response><Say><![CDATA[Tom & Jerry <3]]></Say></Response>');
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({ text: 'Tom & Jerry <3' });
  });
});
