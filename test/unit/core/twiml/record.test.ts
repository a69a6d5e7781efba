import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Record>', () => {
  it('has the fidelity defaults when written bare', () => {
    const r = parseTwiml(build((v) => v.record()));
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toEqual({
      verb: 'Record',
      pos: { line: 1, column: 49 },
      path: 'Response/Record[1]',
      method: 'POST',
      timeout: 5,
      finishOnKey: '1234567890*#',
      maxLength: 3600,
      playBeep: true,
      trim: 'trim-silence',
      recordingStatusCallbackMethod: 'POST',
      recordingStatusCallbackEvent: ['completed'],
      transcribe: false,
    });
  });

  it('reads every attribute VoiceResponse writes', () => {
    const xml = build((v) =>
      v.record({
        action: '/done',
        method: 'GET',
        timeout: 0,
        finishOnKey: '#*',
        maxLength: 20,
        playBeep: false,
        trim: 'do-not-trim',
        recordingStatusCallback: 'https://app.example/rs',
        recordingStatusCallbackMethod: 'GET',
        recordingStatusCallbackEvent: ['in-progress', 'completed', 'absent'],
        transcribe: true,
        transcribeCallback: '/tc',
      }),
    );
    const r = parseTwiml(xml);
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({
      action: '/done',
      method: 'GET',
      timeout: 0,
      finishOnKey: '#*',
      maxLength: 20,
      playBeep: false,
      trim: 'do-not-trim',
      recordingStatusCallback: 'https://app.example/rs',
      recordingStatusCallbackMethod: 'GET',
      recordingStatusCallbackEvent: ['in-progress', 'completed', 'absent'],
      transcribe: true,
      transcribeCallback: '/tc',
    });
  });

  it('finishOnKey="" means no key ends the take', () => {
    expect(onlyVerb(parseTwiml('<Response><Record finishOnKey=""/></Response>'))).toMatchObject({
      finishOnKey: '',
    });
  });

  it('defaults maxLength to 120 when transcribing; over 120 gives 13615', () => {
    expect(onlyVerb(parseTwiml('<Response><Record transcribe="true"/></Response>'))).toMatchObject({
      maxLength: 120,
    });
    const r = parseTwiml('<Response><Record transcribe="true" maxLength="600"/></Response>');
    expect(codes(r)).toEqual([13615]);
    expect(onlyVerb(r)).toMatchObject({ maxLength: 600 });
  });

  it.each([
    ['method', 'PUT', 13610, { method: 'POST' }],
    ['timeout', '-3', 13611, { timeout: 5 }],
    ['timeout', 'soon', 13611, { timeout: 5 }],
    ['maxLength', '1', 13612, { maxLength: 3600 }],
    ['maxLength', '14401', 13612, { maxLength: 3600 }],
    ['maxLength', '60s', 13612, { maxLength: 3600 }],
    ['finishOnKey', 'x', 13613, { finishOnKey: '1234567890*#' }],
    ['transcribe', 'yes', 13614, { transcribe: false }],
    ['playBeep', 'TRUE', 13616, { playBeep: true }],
    ['playBeep', '1', 13616, { playBeep: true }],
    ['trim', 'trim', 13699, { trim: 'trim-silence' }],
    ['recordingStatusCallbackMethod', 'get', 13610, { recordingStatusCallbackMethod: 'POST' }],
    [
      'recordingStatusCallbackEvent',
      'completed,absent',
      13621,
      { recordingStatusCallbackEvent: ['completed'] },
    ],
    ['recordingStatusCallbackEvent', 'done', 13621, { recordingStatusCallbackEvent: ['completed'] }],
  ])('bad %s=%j gives %i and the default', (attr, value, code, expected) => {
    const r = parseTwiml(`<Response>\n  <Record ${attr}="${value}"/>\n</Response>`);
    expect(codes(r)).toEqual([code]);
    expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 11, path: `Response/Record[1]@${attr}` });
    expect(onlyVerb(r)).toMatchObject(expected);
  });

  it('13621 is an ERROR; the others are warnings', () => {
    const r = parseTwiml('<Response><Record recordingStatusCallbackEvent="x" maxLength="0"/></Response>');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      [13621, 'error'],
      [13612, 'warning'],
    ]);
  });

  it('a malformed action or callback URL gives 11100 and is dropped', () => {
    const r = parseTwiml(
      '<Response><Record action="javascript:alert(1)" recordingStatusCallback="file:///etc/passwd"/></Response>',
    );
    expect(codes(r)).toEqual([11100, 11100]);
    const verb = onlyVerb(r);
    expect(verb).not.toHaveProperty('action');
    expect(verb).not.toHaveProperty('recordingStatusCallback');
  });

  it('unknown or wrongly-cased attributes give 12200 and are ignored', () => {
    const r = parseTwiml('<Response><Record maxlength="10" color="red"/></Response>');
    expect(codes(r)).toEqual([12200, 12200]);
    expect(r.diagnostics[0]?.message).toContain('did you mean "maxLength"');
    expect(onlyVerb(r)).toMatchObject({ maxLength: 3600 });
  });

  it('takes no children or text (12200)', () => {
    const r = parseTwiml('<Response><Record>speak<Say>x</Say></Record></Response>');
    expect(codes(r)).toEqual([12200, 12200]);
    expect(onlyVerb(r).verb).toBe('Record');
  });
});
