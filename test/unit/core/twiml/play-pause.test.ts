import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Play>', () => {
  it('reads the URL, loop and digits', () => {
    const r = parseTwiml(build((v) => v.play({ loop: 3 }, 'https://cdn.example/hello.mp3')));
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({ verb: 'Play', url: 'https://cdn.example/hello.mp3', loop: 3 });
    const d = parseTwiml(build((v) => v.play({ digits: 'ww1234#' })));
    expect(d.diagnostics).toEqual([]);
    expect(onlyVerb(d)).toEqual({
      verb: 'Play',
      pos: { line: 1, column: 49 },
      path: 'Response/Play[1]',
      loop: 1,
      digits: 'ww1234#',
    });
  });

  it('accepts a relative URL and trims surrounding whitespace', () => {
    expect(onlyVerb(parseTwiml('<Response><Play>\n  ../sounds/a.wav \n</Play></Response>'))).toMatchObject({
      url: '../sounds/a.wav',
    });
  });

  it('without URL and without digits gives 11100 and is skipped', () => {
    const r = parseTwiml('<Response><Play/><Play>  </Play></Response>');
    expect(codes(r)).toEqual([11100, 11100]);
    expect(r.document?.verbs).toEqual([]);
  });

  it('a non-http URL gives 11100', () => {
    expect(codes(parseTwiml('<Response><Play>file:///etc/passwd</Play></Response>'))).toEqual([11100]);
  });

  it.each([
    ['loop', '-1', 13410],
    ['loop', 'x', 13410],
    ['digits', '12a', 13430],
  ])('bad %s=%j gives %i', (attr, value, code) => {
    const r = parseTwiml(`<Response><Play ${attr}="${value}">/a.wav</Play></Response>`);
    expect(codes(r)).toEqual([code]);
    expect(onlyVerb(r)).toMatchObject({ loop: 1, url: '/a.wav' });
    expect(onlyVerb(r)).not.toHaveProperty('digits');
  });
});

describe('<Pause>', () => {
  it('defaults length to 1 and reads length', () => {
    expect(onlyVerb(parseTwiml(build((v) => v.pause())))).toMatchObject({ verb: 'Pause', length: 1 });
    expect(onlyVerb(parseTwiml(build((v) => v.pause({ length: 10 }))))).toMatchObject({ length: 10 });
  });

  it.each(['0', '-2', 'long', '1.5'])('bad length=%j gives 13910 and 1', (value) => {
    const r = parseTwiml(`<Response><Pause length="${value}"/></Response>`);
    expect(codes(r)).toEqual([13910]);
    expect(onlyVerb(r)).toMatchObject({ length: 1 });
  });

  it('text content gives 12200', () => {
    const r = parseTwiml('<Response><Pause>wait</Pause></Response>');
    expect(codes(r)).toEqual([12200]);
    expect(onlyVerb(r).verb).toBe('Pause');
  });
});
