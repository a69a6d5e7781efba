import { XMLParser } from 'fast-xml-parser';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { BASE, CALL, form, RECORDING, signedPost, TOKEN, useHelpDesk } from './helpdesk-harness.ts';
import { captureLogs } from './log-capture.ts';

/** The brief's document, copied verbatim (typos and the line break before </Say> included). */
const BRIEF_TWIML = `<Response>
<Say voice="woman">You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.
</Say>
<Record maxLength="60" playBeep="true" timeout="3" action="http://www.your-domain.com/recording-callback"/>
<Say voice="woman">I did not receive any message.</Say>
<Hangup/>
</Response>`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: true,
  trimValues: true,
  ignoreDeclaration: true,
});
const desk = useHelpDesk();
const build = desk.build;

describe('POST /voice', () => {
  it("answers the brief's document as text/xml, element by element and attribute by attribute", async () => {
    const res = await build().inject(signedPost('/voice', { ...CALL, CallStatus: 'ringing' }));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    expect(parser.parse(res.body)).toEqual(parser.parse(BRIEF_TWIML));
  });

  it('equals a VoiceResponse built with twilio in the test', async () => {
    const res = await build().inject(signedPost('/voice', CALL));
    const expected = new twilio.twiml.VoiceResponse();
    expected.say(
      { voice: 'woman' },
      'You have reached our customer support. All our operators are busy at the moment. Please leave your message and you contact details and we will do our best to call you back as soon as possibile.',
    );
    expected.record({ maxLength: 60, playBeep: true, timeout: 3, action: `${BASE}/recording-callback` });
    expected.say({ voice: 'woman' }, 'I did not receive any message.');
    expected.hangup();
    expect(res.body).toBe(expected.toString());
  });

  it('uses the configured texts and limits, and the Host header when no public URL is set', async () => {
    const env = {
      HELPDESK_PUBLIC_URL: undefined,
      HELPDESK_GREETING: 'Hi.',
      HELPDESK_VOICE: 'Polly.Joanna',
      HELPDESK_RECORD_MAX_LENGTH: '30',
    };
    const res = await build(env).inject({
      ...signedPost('/voice', CALL, 'http://desk.local:8080/voice'),
      headers: {
        ...signedPost('/voice', CALL, 'http://desk.local:8080/voice').headers,
        host: 'desk.local:8080',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<Say voice="Polly.Joanna">Hi.</Say>');
    expect(res.body).toContain('maxLength="30"');
    expect(res.body).toContain('action="http://desk.local:8080/recording-callback"');
  });

  it('validates GET requests over the whole URL', async () => {
    const url = `/voice?${form(CALL)}`;
    const res = await build().inject({
      method: 'GET',
      url,
      headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, `${BASE}${url}`, {}) },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('signature checks', () => {
  it.each([
    [
      'no signature',
      (r: ReturnType<typeof signedPost>) => ({
        ...r,
        headers: { 'content-type': r.headers['content-type'] },
      }),
    ],
    [
      'a signature for another token',
      (r: ReturnType<typeof signedPost>) => ({
        ...r,
        headers: {
          ...r.headers,
          'x-twilio-signature': twilio.getExpectedTwilioSignature(
            'x'.repeat(32),
            `${BASE}/recording-callback`,
            RECORDING,
          ),
        },
      }),
    ],
    [
      'a tampered body',
      (r: ReturnType<typeof signedPost>) => ({ ...r, payload: r.payload.replace('12', '13') }),
    ],
    [
      'a signature over another URL',
      (r: ReturnType<typeof signedPost>) => ({
        ...r,
        headers: {
          ...r.headers,
          'x-twilio-signature': twilio.getExpectedTwilioSignature(
            TOKEN,
            'https://other.example/recording-callback',
            RECORDING,
          ),
        },
      }),
    ],
  ])('refuses a callback with %s: 403 and nothing registered', async (_name, mutate) => {
    const server = build();
    const res = await server.inject(mutate(signedPost('/recording-callback', RECORDING)));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('HELPDESK_BAD_SIGNATURE');
    expect(await desk.queue.listPending()).toEqual([]);
  });

  it('refuses an unsigned /voice and /status-callback', async () => {
    const server = build();
    expect(
      (
        await server.inject({
          method: 'POST',
          url: '/voice',
          payload: form(CALL),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await server.inject({
          method: 'POST',
          url: '/status-callback',
          payload: form(CALL),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('signs over every value of a repeated key', async () => {
    const params = { ...RECORDING, Extra: ['b', 'a'] };
    const res = await build().inject(signedPost('/recording-callback', params));
    expect(res.statusCode).toBe(200);
  });

  it('skips validation when switched off, with a warning at start', async () => {
    const logs = captureLogs();
    const server = build(
      { HELPDESK_VALIDATE_SIGNATURES: 'false', TWILIO_AUTH_TOKEN: undefined },
      { logger: { level: 'warn', destination: logs.destination } },
    );
    await server.ready();
    expect(logs.text()).toContain('NOT validating X-Twilio-Signature');
    const res = await server.inject({
      method: 'POST',
      url: '/recording-callback',
      payload: form(RECORDING),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(200);
    expect(await desk.queue.listPending()).toHaveLength(1);
  });
});
