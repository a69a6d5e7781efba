import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Dial>', () => {
  it('has the fidelity defaults and a bare number', () => {
    const r = parseTwiml(build((v) => v.dial('415-123-4567')));
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toEqual({
      verb: 'Dial',
      pos: { line: 1, column: 49 },
      path: 'Response/Dial[1]',
      method: 'POST',
      timeout: 30,
      timeLimit: 14400,
      hangupOnStar: false,
      answerOnBridge: false,
      record: 'do-not-record',
      nouns: [{ noun: 'Number', number: '415-123-4567' }],
    });
  });

  it('reads attributes and nouns built by VoiceResponse', () => {
    const xml = build((v) => {
      const d = v.dial({
        action: '/dial-done',
        method: 'GET',
        timeout: 20,
        timeLimit: 600,
        callerId: '+15551112222',
        hangupOnStar: true,
        answerOnBridge: true,
        record: 'record-from-answer-dual',
      });
      d.number({ url: '/whisper', statusCallback: '/sc', sendDigits: 'ww12' }, '+15558675310');
      const c = d.client({ url: '/cw' });
      c.identity('alice');
      c.parameter({ name: 'team', value: 'billing' });
    });
    const r = parseTwiml(xml);
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({
      action: '/dial-done',
      method: 'GET',
      timeout: 20,
      timeLimit: 600,
      callerId: '+15551112222',
      hangupOnStar: true,
      answerOnBridge: true,
      record: 'record-from-answer-dual',
      nouns: [
        {
          noun: 'Number',
          number: '+15558675310',
          url: '/whisper',
          statusCallback: '/sc',
          sendDigits: 'ww12',
        },
        { noun: 'Client', identity: 'alice', url: '/cw', params: { team: 'billing' } },
      ],
    });
  });

  it('reads Sip, Conference, Queue and the unsimulated Application/Sim nouns', () => {
    const nouns = (inner: string) => {
      const v = onlyVerb(parseTwiml(`<Response><Dial>${inner}</Dial></Response>`));
      return v.verb === 'Dial' ? v.nouns : [];
    };
    expect(nouns('<Sip>sip:jack@example.com</Sip>')).toEqual([{ noun: 'Sip', uri: 'sip:jack@example.com' }]);
    expect(nouns('<Conference beep="false">room</Conference>')).toEqual([
      { noun: 'Conference', name: 'room' },
    ]);
    expect(nouns('<Queue url="/about">support</Queue>')).toEqual([{ noun: 'Queue', name: 'support' }]);
    expect(nouns('<Application><ApplicationSid>AP123</ApplicationSid></Application>')).toEqual([
      { noun: 'Unsimulated', name: 'Application' },
    ]);
    expect(nouns('<Client>bob</Client>')).toEqual([{ noun: 'Client', identity: 'bob', params: {} }]);
  });

  it('record true/false are aliases', () => {
    expect(onlyVerb(parseTwiml('<Response><Dial record="true">123</Dial></Response>'))).toMatchObject({
      record: 'record-from-answer',
    });
    expect(onlyVerb(parseTwiml('<Response><Dial record="false">123</Dial></Response>'))).toMatchObject({
      record: 'do-not-record',
    });
  });

  it.each([
    ['method', 'PUT', 13210],
    ['timeout', '2', 13212],
    ['timeout', '601', 13212],
    ['hangupOnStar', 'yes', 13213],
    ['callerId', 'not a number!', 13214],
    ['timeLimit', '0', 13216],
    ['record', 'always', 13217],
    ['sequential', '1', 13218],
    ['answerOnBridge', 'True', 13219],
    ['ringTone', 'xx', 13220],
    ['recordingStatusCallback', 'ftp://x', 13256],
  ])('bad %s=%j gives %i', (attr, value, code) => {
    const r = parseTwiml(`<Response><Dial ${attr}="${value}">+15551234567</Dial></Response>`);
    expect(codes(r)).toEqual([code]);
    expect(onlyVerb(r)).toMatchObject({
      method: 'POST',
      timeout: 30,
      timeLimit: 14400,
      hangupOnStar: false,
      record: 'do-not-record',
    });
  });

  it('bad numbers: 13224 for non-numbers, 13223 for more than 15 digits', () => {
    expect(codes(parseTwiml('<Response><Dial><Number>call-me</Number></Dial></Response>'))).toEqual([13224]);
    expect(codes(parseTwiml('<Response><Dial>+1234567890123456</Dial></Response>'))).toEqual([13223]);
  });

  it('invalid children give 13215 and are skipped', () => {
    const r = parseTwiml('<Response><Dial><Say>x</Say><Number>123</Number></Dial></Response>');
    expect(codes(r)).toEqual([13215]);
    const v = onlyVerb(r);
    expect(v.verb === 'Dial' && v.nouns).toEqual([{ noun: 'Number', number: '123' }]);
  });

  it('at most 10 Numbers; Conference cannot mix with other nouns', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `<Number>+1555000000${i}</Number>`).join('');
    expect(codes(parseTwiml(`<Response><Dial>${eleven}</Dial></Response>`))).toEqual([13215]);
    expect(
      codes(parseTwiml('<Response><Dial><Number>1</Number><Conference>r</Conference></Dial></Response>')),
    ).toEqual([13215]);
  });

  it('an empty Dial gives 13215', () => {
    expect(codes(parseTwiml('<Response><Dial/></Response>'))).toEqual([13215]);
  });

  it('is refused with 13201 in a whisper document; allowed verbs pass', () => {
    const r = parseTwiml('<Response><Say>Press 1</Say><Dial>123</Dial><Record/></Response>', {
      whisper: true,
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      [13201, 'error'],
      [12200, 'warning'],
    ]);
    expect(r.document?.verbs.map((v) => v.verb)).toEqual(['Say']);
  });
});
