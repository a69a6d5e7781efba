import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Gather>', () => {
  it('has the fidelity defaults', () => {
    const r = parseTwiml(build((v) => v.gather()));
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toEqual({
      verb: 'Gather',
      pos: { line: 1, column: 49 },
      path: 'Response/Gather[1]',
      method: 'POST',
      input: ['dtmf'],
      timeout: 5,
      finishOnKey: '#',
      actionOnEmptyResult: false,
      speechTimeout: 5,
      language: 'en-US',
      children: [],
    });
  });

  it('reads attributes and nested prompts as VoiceResponse writes them', () => {
    const xml = build((v) => {
      const g = v.gather({
        action: '/menu',
        method: 'GET',
        input: ['dtmf', 'speech'],
        timeout: 7,
        finishOnKey: '',
        numDigits: 4,
        actionOnEmptyResult: true,
        speechModel: 'phone_call',
        speechTimeout: 'auto',
        language: 'en-GB',
        hints: 'sales, support',
      });
      g.say({ voice: 'alice' }, 'Press 1');
      g.play('/beep.wav');
      g.pause({ length: 2 });
    });
    const r = parseTwiml(xml);
    expect(r.diagnostics).toEqual([]);
    const g = onlyVerb(r);
    expect(g).toMatchObject({
      action: '/menu',
      method: 'GET',
      input: ['dtmf', 'speech'],
      timeout: 7,
      finishOnKey: '',
      numDigits: 4,
      actionOnEmptyResult: true,
      speechTimeout: 'auto',
      language: 'en-GB',
      hints: 'sales, support',
    });
    expect(g.verb === 'Gather' && g.children.map((c) => [c.verb, c.path])).toEqual([
      ['Say', 'Response/Gather[1]/Say[1]'],
      ['Play', 'Response/Gather[1]/Play[1]'],
      ['Pause', 'Response/Gather[1]/Pause[1]'],
    ]);
  });

  it('speechTimeout defaults to the timeout value', () => {
    expect(onlyVerb(parseTwiml('<Response><Gather timeout="9"/></Response>'))).toMatchObject({
      timeout: 9,
      speechTimeout: 9,
    });
  });

  it.each([
    ['finishOnKey', 'a', 13310, { finishOnKey: '#' }],
    ['finishOnKey', '#*', 13311, { finishOnKey: '#' }],
    ['method', 'DELETE', 13312, { method: 'POST' }],
    ['timeout', '0', 13313, { timeout: 5 }],
    ['numDigits', '0', 13314, {}],
    ['input', 'voice', 13326, { input: ['dtmf'] }],
    ['input', '', 13326, { input: ['dtmf'] }],
    ['speechTimeout', 'later', 13327, { speechTimeout: 5 }],
    ['speechTimeout', 'auto', 13335, { speechTimeout: 5 }],
    ['maxSpeechTime', 'x', 13328, {}],
    ['partialResultCallbackMethod', 'PUT', 13329, {}],
    ['language', 'en_US!', 13331, { language: 'en-US' }],
    ['bargeIn', 'no', 13332, {}],
    ['profanityFilter', 'no', 13333, {}],
    ['speechModel', 'best', 13334, {}],
    ['actionOnEmptyResult', 'yes', 13338, { actionOnEmptyResult: false }],
  ])('bad %s=%j gives %i and the default', (attr, value, code, expected) => {
    const r = parseTwiml(`<Response><Gather ${attr}="${value}"/></Response>`);
    expect(codes(r)).toEqual([code]);
    expect(r.diagnostics[0]?.path).toBe(`Response/Gather[1]@${attr}`);
    expect(onlyVerb(r)).toMatchObject(expected);
  });

  it('hints over 500 entries give 13330', () => {
    const hints = Array.from({ length: 501 }, (_, i) => `w${i}`).join(',');
    expect(codes(parseTwiml(`<Response><Gather hints="${hints}"/></Response>`))).toEqual([13330]);
  });

  it('13338 is an ERROR', () => {
    expect(
      parseTwiml('<Response><Gather actionOnEmptyResult="1"/></Response>').diagnostics[0]?.severity,
    ).toBe('error');
  });

  it('nested verbs other than Say, Play, Pause give 13320 and are skipped', () => {
    const r = parseTwiml(
      '<Response><Gather><Say>a</Say><Record/><Redirect>/x</Redirect><Gather/><Hangup/></Gather></Response>',
    );
    expect(codes(r)).toEqual([13320, 13320, 13320, 13320]);
    const g = onlyVerb(r);
    expect(g.verb === 'Gather' && g.children.length).toBe(1);
  });

  it('<Play digits> inside Gather gives 13320', () => {
    const r = parseTwiml('<Response><Gather><Play digits="123"/></Gather></Response>');
    expect(codes(r)).toEqual([13320]);
  });

  it('nested Say bad voice/loop use 13321/13322', () => {
    const r = parseTwiml('<Response><Gather><Say voice="bob" loop="x">Hi</Say></Gather></Response>');
    expect(codes(r)).toEqual([13321, 13322]);
  });

  it('text directly inside Gather gives 12200', () => {
    expect(codes(parseTwiml('<Response><Gather>press one</Gather></Response>'))).toEqual([12200]);
  });
});
