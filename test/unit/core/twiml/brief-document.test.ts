import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, SHARED_DIR } from './helpers.ts';

const brief = readFileSync(`${SHARED_DIR}/brief/catapush-voip.md`, 'utf8');
const xml = /```xml\n(<Response>[\s\S]*?<\/Response>)\n```/.exec(brief)?.[1] ?? '';

describe("the brief's help-desk document", () => {
  it('is found in the brief', () => {
    expect(xml).toContain('<Record maxLength="60"');
  });

  it('parses with zero diagnostics to the exact AST', () => {
    const result = parseTwiml(xml, { file: 'brief.xml' });
    expect(result.diagnostics).toEqual([]);
    expect(result.document).toEqual({
      verbs: [
        {
          verb: 'Say',
          pos: { line: 2, column: 1 },
          path: 'Response/Say[1]',
          text: 'You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.',
          voice: 'woman',
          language: 'en-US',
          loop: 1,
        },
        {
          verb: 'Record',
          pos: { line: 4, column: 1 },
          path: 'Response/Record[1]',
          action: 'http://www.your-domain.com/recording-callback',
          method: 'POST',
          timeout: 3,
          finishOnKey: '1234567890*#',
          maxLength: 60,
          playBeep: true,
          trim: 'trim-silence',
          recordingStatusCallbackMethod: 'POST',
          recordingStatusCallbackEvent: ['completed'],
          transcribe: false,
        },
        {
          verb: 'Say',
          pos: { line: 5, column: 1 },
          path: 'Response/Say[2]',
          text: 'I did not receive any message.',
          voice: 'woman',
          language: 'en-US',
          loop: 1,
        },
        { verb: 'Hangup', pos: { line: 6, column: 1 }, path: 'Response/Hangup[1]' },
      ],
    });
  });

  it('gives the same verbs when rebuilt with twilio VoiceResponse', () => {
    const rebuilt = build((r) => {
      r.say({ voice: 'woman' }, 'I did not receive any message.');
      r.record({
        maxLength: 60,
        playBeep: true,
        timeout: 3,
        action: 'http://www.your-domain.com/recording-callback',
      });
      r.hangup();
    });
    const verbs = parseTwiml(rebuilt).document?.verbs ?? [];
    expect(verbs.map((v) => v.verb)).toEqual(['Say', 'Record', 'Hangup']);
    expect(verbs[1]).toMatchObject({ maxLength: 60, timeout: 3, playBeep: true, method: 'POST' });
  });
});
