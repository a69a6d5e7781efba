import { join } from 'node:path';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { buildHelpDesk } from '../../../src/servers/helpdesk/app.ts';
import { loadHelpDeskConfig } from '../../../src/servers/helpdesk/config.ts';
import { HELPDESK_ENV } from '../../unit/servers/fixtures.ts';
import { BASE, CALL, form, RECORDING, signedPost, TOKEN, useHelpDesk } from './helpdesk-harness.ts';
import { captureLogs } from './log-capture.ts';
import { tempDir } from './temp-dir.ts';

const desk = useHelpDesk();
const build = desk.build;

describe('POST /recording-callback', () => {
  it('registers the caller and recording, answering a thank-you and Hangup', async () => {
    const server = build({}, { now: () => 1_900_000_000_000 });
    const res = await server.inject(signedPost('/recording-callback', RECORDING));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/xml/);
    const expected = new twilio.twiml.VoiceResponse();
    expected.say({ voice: 'woman' }, 'Thank you. We have your message and will call you back.');
    expected.hangup();
    expect(res.body).toBe(expected.toString());
    expect(await desk.queue.listPending()).toEqual([
      {
        id: 1,
        callSid: CALL.CallSid,
        caller: 'client:alice',
        recordingSid: RECORDING.RecordingSid,
        recordingUrl: RECORDING.RecordingUrl,
        recordingDuration: 12,
        digits: null,
        receivedAt: 1_900_000_000_000,
        status: 'pending',
        doneAt: null,
      },
    ]);
  });

  it('registers a caller who hung up (Digits=hangup) and a key press', async () => {
    const server = build();
    await server.inject(
      signedPost('/recording-callback', { ...RECORDING, CallStatus: 'completed', Digits: 'hangup' }),
    );
    await server.inject(
      signedPost('/recording-callback', { ...RECORDING, RecordingSid: 'RE9', Digits: '#' }),
    );
    expect((await desk.queue.listPending()).map((e) => e.digits)).toEqual(['hangup', '#']);
  });

  it('registers a duplicate RecordingSid once and still answers 200', async () => {
    const server = build();
    const first = await server.inject(signedPost('/recording-callback', RECORDING));
    const again = await server.inject(signedPost('/recording-callback', RECORDING));
    expect([first.statusCode, again.statusCode]).toEqual([200, 200]);
    expect(again.body).toBe(first.body);
    expect(await desk.queue.listPending()).toHaveLength(1);
  });

  it('answers 400 JSON when CallSid is missing', async () => {
    const { CallSid: _omit, ...rest } = RECORDING;
    const res = await build().inject(signedPost('/recording-callback', rest));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('HELPDESK_BAD_CALLBACK');
  });

  it('answers 415 JSON for a JSON body', async () => {
    const res = await build().inject({ method: 'POST', url: '/recording-callback', payload: { a: 1 } });
    expect(res.statusCode).toBe(415);
  });
});

describe('status callbacks and the staff routes', () => {
  it('accepts a signed status callback with 204 and registers nothing', async () => {
    const server = build();
    const res = await server.inject(
      signedPost('/status-callback', { ...CALL, CallStatus: 'completed', CallDuration: '20' }),
    );
    expect(res.statusCode).toBe(204);
    expect(await desk.queue.listPending()).toEqual([]);
  });

  it('lists pending callbacks and marks one done; unknown and bad ids get JSON errors', async () => {
    const server = build({}, { now: () => 42 });
    await server.inject(signedPost('/recording-callback', RECORDING));
    const list = await server.inject({ method: 'GET', url: '/callbacks' });
    expect(list.json().callbacks).toHaveLength(1);
    const done = await server.inject({ method: 'POST', url: '/callbacks/1/done' });
    expect(done.json().callback).toMatchObject({ id: 1, status: 'done', doneAt: 42 });
    expect((await server.inject({ method: 'GET', url: '/callbacks' })).json()).toEqual({ callbacks: [] });
    const unknown = await server.inject({ method: 'POST', url: '/callbacks/77/done' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'HELPDESK_CALLBACK_NOT_FOUND']);
    const bad = await server.inject({ method: 'POST', url: '/callbacks/abc/done' });
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'HELPDESK_BAD_ID']);
    expect((await server.inject({ method: 'GET', url: '/nowhere' })).json().error.code).toBe(
      'HELPDESK_NOT_FOUND',
    );
  });
});

describe('help desk on SQLite', () => {
  it('keeps registered callbacks across a restart on the same file', async () => {
    const dir = tempDir();
    const env = { HELPDESK_DB_PATH: join(dir.path, 'db', 'helpdesk.sqlite') };
    const config = loadHelpDeskConfig({ ...HELPDESK_ENV, HELPDESK_PUBLIC_URL: BASE, ...env });
    const first = buildHelpDesk(config);
    await first.inject(signedPost('/recording-callback', RECORDING));
    await first.inject(
      signedPost('/recording-callback', { ...RECORDING, RecordingSid: 'RE8', Digits: 'hangup' }),
    );
    await first.close();

    const second = buildHelpDesk(config);
    const listed = (await second.inject({ method: 'GET', url: '/callbacks' })).json().callbacks;
    expect(listed.map((e: { recordingSid: string }) => e.recordingSid)).toEqual([
      RECORDING.RecordingSid,
      'RE8',
    ]);
    await second.inject(signedPost('/recording-callback', RECORDING));
    expect((await second.inject({ method: 'GET', url: '/callbacks' })).json().callbacks).toHaveLength(2);
    await second.close();
    dir.remove();
  });
});

describe('help desk over a real socket', () => {
  it('serves signed Twilio requests on 127.0.0.1, validated against the Host it was reached on', async () => {
    const server = build({ HELPDESK_PUBLIC_URL: undefined });
    const address = await server.listen({ host: '127.0.0.1', port: 0 });
    const post = (path: string, params: Record<string, string>) =>
      fetch(`${address}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, `${address}${path}`, params),
        },
        body: form(params),
      });
    const voice = await post('/voice', CALL);
    expect(voice.status).toBe(200);
    expect(await voice.text()).toContain(`action="${address}/recording-callback"`);
    const callback = await post('/recording-callback', {
      ...RECORDING,
      Digits: 'hangup',
      CallStatus: 'completed',
    });
    expect(callback.status).toBe(200);
    const list = (await (await fetch(`${address}/callbacks`)).json()) as { callbacks: unknown[] };
    expect(list.callbacks).toHaveLength(1);
  });
});

describe('help desk secrets', () => {
  it('never writes the auth token or signatures to the log', async () => {
    const logs = captureLogs();
    const server = build({}, { logger: { level: 'trace', destination: logs.destination } });
    const request = signedPost('/recording-callback', RECORDING);
    await server.inject(request);
    await server.inject({ ...request, headers: { ...request.headers, 'x-twilio-signature': 'forged' } });
    expect(logs.text()).toContain('recording callback registered');
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain(request.headers['x-twilio-signature']);
  });
});
