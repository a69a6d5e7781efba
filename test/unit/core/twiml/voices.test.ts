import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';

// @note twilio-node's typings list every voice Twilio names; they are the oracle here.
const dts = readFileSync(
  createRequire(import.meta.url).resolve('twilio/lib/twiml/VoiceResponse.d.ts'),
  'utf8',
);
const union = (name: string) =>
  [...(new RegExp(`type ${name} = ([^;]+);`).exec(dts)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map(
    (m) => m[1] as string,
  );

describe('Say voice and language names from twilio-node', () => {
  const voices = union('SayVoice');
  const languages = union('SayLanguage');

  it('finds the lists', () => {
    expect(voices.length).toBeGreaterThan(500);
    expect(languages).toContain('en-GB-WLS');
  });

  it('accepts every voice twilio-node knows', () => {
    const rejected = voices.filter(
      (voice) => parseTwiml(`<Response><Say voice="${voice}">x</Say></Response>`).diagnostics.length > 0,
    );
    expect(rejected).toEqual([]);
  });

  it('accepts every Say language twilio-node knows', () => {
    const rejected = languages.filter(
      (l) => parseTwiml(`<Response><Say language="${l}">x</Say></Response>`).diagnostics.length > 0,
    );
    expect(rejected).toEqual([]);
  });

  it('accepts every Gather language twilio-node knows', () => {
    const rejected = union('GatherLanguage').filter(
      (l) => parseTwiml(`<Response><Gather language="${l}"/></Response>`).diagnostics.length > 0,
    );
    expect(rejected).toEqual([]);
  });
});
