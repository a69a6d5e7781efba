import { createHash } from 'node:crypto';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { computeSignature, formEncode, signedUrl, wireUrl } from '../../../src/twilio/webhooks/signature.ts';

const AC = 'AC00000000000000000000000000000001';
const CA = 'CA00000000000000000000000000000002';
const RE = 'RE00000000000000000000000000000003';
const AP = 'AP00000000000000000000000000000004';

const v3: [string, string][] = [
  ['AccountSid', AC],
  ['ApiVersion', '2010-04-01'],
  ['ApplicationSid', AP],
  ['CallSid', CA],
  ['CallStatus', 'ringing'],
  ['Called', ''],
  ['Caller', 'client:alice'],
  ['Direction', 'inbound'],
  ['From', 'client:alice'],
  ['To', ''],
];
const v4: [string, string][] = [
  ...v3.map(([k, v]): [string, string] => (k === 'CallStatus' ? [k, 'completed'] : [k, v])),
  ['Digits', 'hangup'],
  ['RecordingDuration', '12'],
  ['RecordingSid', RE],
  ['RecordingUrl', `https://api.twilio.com/2010-04-01/Accounts/${AC}/Recordings/${RE}`],
];

describe('X-Twilio-Signature test vectors (twilio-voice.md §6.3)', () => {
  it('vector 1: Twilio published example', () => {
    const params: [string, string][] = [
      ['CallSid', 'CA1234567890ABCDE'],
      ['Caller', '+14158675310'],
      ['Digits', '1234'],
      ['From', '+14158675310'],
      ['To', '+18005551212'],
    ];
    expect(computeSignature('12345', 'https://example.com/myapp.php?foo=1&bar=2', params)).toBe(
      'L/OH5YylLD5NRKLltdqwSvS0BnU=',
    );
  });

  it('vector 2: bodySHA256 URL, no params', () => {
    const body = '{"CallSid":"CA1234567890ABCDE","Caller":"+12349013030"}';
    const hash = createHash('sha256').update(body).digest('hex');
    expect(hash).toBe('5ccde7145dfb8f56479710896586cb9d5911809d83afbe34627818790db0aec9');
    const url = `https://example.com/myapp?bodySHA256=${hash}`;
    const sig = computeSignature('12345', url, []);
    expect(sig).toBe('hPXmLwIy3Fgqv1i9KPmH/HhQ6zo=');
    expect(twilio.validateRequestWithBody('12345', sig, url, body)).toBe(true);
    expect(twilio.validateRequestWithBody('12345', sig, url, `${body} `)).toBe(false);
  });

  it('vector 3: SDK first request', () => {
    const sig = computeSignature('tok', 'http://127.0.0.1:3000/voice', v3);
    expect(sig).toBe('8RbZe1vNLmf4Loiiz2Y9gQlCEeg=');
    expect(twilio.validateRequest('tok', sig, 'http://127.0.0.1:3000/voice', Object.fromEntries(v3))).toBe(
      true,
    );
  });

  it('vector 4: record hang-up action; fails without the port', () => {
    const sig = computeSignature('tok', 'http://127.0.0.1:3000/recording-callback', v4);
    expect(sig).toBe('Av0lGj3Pxb1T3R1ky6dVYWc0QUo=');
    expect(
      twilio.validateRequest('tok', sig, 'http://127.0.0.1/recording-callback', Object.fromEntries(v4)),
    ).toBe(false);
  });

  it('vector 5: https port dropped; validates with and without the port', () => {
    const url = signedUrl('https://help.example.com:8443/voice');
    expect(url).toBe('https://help.example.com/voice');
    const sig = computeSignature('tok', url, v4);
    expect(sig).toBe('1PgfMJGrqf5bLuIX6KkwjIdyqhU=');
    expect(
      twilio.validateRequest('tok', sig, 'https://help.example.com:8443/voice', Object.fromEntries(v4)),
    ).toBe(true);
  });

  it('vector 6: GET signs the full URL as sent', () => {
    const url = `http://127.0.0.1:3000/voice?${formEncode(v3)}`;
    expect(url).toBe(
      `http://127.0.0.1:3000/voice?AccountSid=${AC}&ApiVersion=2010-04-01&ApplicationSid=${AP}&CallSid=${CA}&CallStatus=ringing&Called=&Caller=client%3Aalice&Direction=inbound&From=client%3Aalice&To=`,
    );
    const sig = computeSignature('tok', url, []);
    expect(sig).toBe('Je+wCB9MhjTfUkEbwT2uqdvKM3c=');
    expect(twilio.validateRequest('tok', sig, url, {})).toBe(true);
  });

  it('strips credentials and fragment; a validator URL keeping them fails', () => {
    const raw = 'https://u:p@help.example.com/voice#rc=2&ct=900';
    expect(signedUrl(raw)).toBe('https://help.example.com/voice');
    expect(wireUrl('http://u:p@127.0.0.1:3000/v?x=1#rc=0')).toBe('http://127.0.0.1:3000/v?x=1');
    const sig = computeSignature('tok', signedUrl(raw), v4);
    expect(twilio.validateRequest('tok', sig, raw, Object.fromEntries(v4))).toBe(false);
    expect(twilio.validateRequest('tok', sig, 'https://help.example.com/voice', Object.fromEntries(v4))).toBe(
      true,
    );
  });

  it('keeps the query string and http port', () => {
    expect(signedUrl('http://127.0.0.1:3000/voice?x=1')).toBe('http://127.0.0.1:3000/voice?x=1');
  });

  it('signs repeated names with de-duplicated sorted values, as twilio-node does', () => {
    const params: [string, string][] = [
      ['E', 'b'],
      ['E', 'a'],
      ['E', 'b'],
    ];
    const sig = computeSignature('tok', 'http://h/x', params);
    expect(twilio.getExpectedTwilioSignature('tok', 'http://h/x', { E: ['b', 'a'] })).toBe(sig);
  });

  it('form-encodes like Twilio (space +, * and # escaped, ~ kept)', () => {
    expect(
      formEncode([
        ['msg', 'Gather End'],
        ['Digits', '*#'],
        ['t', 'a~b'],
      ]),
    ).toBe('msg=Gather+End&Digits=%2A%23&t=a~b');
  });
});
