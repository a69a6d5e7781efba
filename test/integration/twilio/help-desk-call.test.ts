import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../src/core/index.ts';
import { readWavInfo } from '../../../src/twilio/index.ts';
import { DEV, type Stack, startStack } from './stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

type Timeline = TimelineEvent[];
const requests = (t: Timeline) => t.filter((e) => e.type === 'webhook.requested');
const responses = (t: Timeline) => t.filter((e) => e.type === 'webhook.responded');

describe('the brief help-desk call, end to end over loopback', () => {
  it('caller speaks 12 s then goes silent: signed webhooks accepted, callback registered, WAV of 12 s', async () => {
    const token = await stack.token();
    const { status, json } = await stack.connect({
      token,
      params: { team: 'billing' },
      caller: [{ waitFor: 'beep' }, { speak: 12 }],
    });
    expect(status).toBe(200);
    expect(json.status).toBe('completed');
    const timeline = json.timeline as Timeline;
    // every webhook the help desk received passed its X-Twilio-Signature check (403 otherwise)
    const answered = responses(timeline);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    for (const r of answered) expect(r.status).toBe(200);
    const first = requests(timeline)[0];
    expect(first?.kind).toBe('voice');
    expect(Object.fromEntries(first?.type === 'webhook.requested' ? first.params : [])).toMatchObject({
      From: 'client:Anonymous',
      Caller: 'client:Anonymous',
      Called: '',
      To: '',
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApplicationSid: DEV.appSid,
      team: 'billing',
    });
    const action = requests(timeline).find((e) => e.type === 'webhook.requested' && e.kind === 'action');
    const params = Object.fromEntries(action?.type === 'webhook.requested' ? action.params : []);
    expect(params.RecordingDuration).toBe('12');
    expect(params.Digits).toBeUndefined();
    expect(params.RecordingUrl).toBe(
      `${stack.origin}/2010-04-01/Accounts/${params.AccountSid}/Recordings/${params.RecordingSid}`,
    );

    const callbacks = (await (await fetch(`${stack.servers.helpDeskUrl}/callbacks`)).json()) as {
      callbacks: Array<{ callSid: string; recordingUrl: string; recordingDuration: number }>;
    };
    const entry = callbacks.callbacks.find((c) => c.callSid === json.callSid);
    expect(entry).toMatchObject({ recordingUrl: params.RecordingUrl, recordingDuration: 12 });

    const media = await fetch(entry?.recordingUrl ?? '');
    expect(media.status).toBe(200);
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
    const info = readWavInfo(new Uint8Array(await media.arrayBuffer()));
    expect(info).toMatchObject({
      audioFormat: 1,
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      durationSec: 12,
    });

    const debug = (await (
      await fetch(`${stack.origin}/callrig/v1/calls/${json.callSid}/debugger`)
    ).json()) as {
      entries: Array<{ kind: string; status: number; bodyExcerpt: string }>;
    };
    expect(debug.entries.map((e) => e.kind)).toContain('action');
    expect(debug.entries[0]?.bodyExcerpt).toContain('<Response>');
  });

  it('caller says nothing: no action, falls through to "I did not receive any message."', async () => {
    const { json } = await stack.connect({ token: await stack.token(), caller: [] });
    const timeline = json.timeline as Timeline;
    expect(requests(timeline).some((e) => e.type === 'webhook.requested' && e.kind === 'action')).toBe(false);
    expect(timeline.filter((e) => e.type === 'say').map((e) => (e.type === 'say' ? e.text : ''))).toContain(
      'I did not receive any message.',
    );
  });

  it('caller hangs up while recording: action with Digits=hangup and CallStatus=completed', async () => {
    const { json } = await stack.connect({
      token: await stack.token(),
      caller: [{ waitFor: 'beep' }, { speak: 20 }, { hangup: true }],
    });
    const action = requests(json.timeline as Timeline).find(
      (e) => e.type === 'webhook.requested' && e.kind === 'hangup-action',
    );
    const params = Object.fromEntries(action?.type === 'webhook.requested' ? action.params : []);
    expect(params).toMatchObject({ Digits: 'hangup', CallStatus: 'completed', RecordingDuration: '20' });
  });
});

describe("the help desk's signature check is real", () => {
  it('a fake signing with the wrong auth token is refused (403) and the call sees 11200', async () => {
    const wrong = await startStack({
      tokenKind: 'access',
      fake: {
        config: {
          accounts: [
            {
              sid: DEV.accountSid,
              authToken: 'not-the-help-desk-token',
              apiKeys: [{ sid: DEV.apiKeySid, secret: DEV.apiKeySecret }],
            },
          ],
          apps: [{ sid: DEV.appSid, accountSid: DEV.accountSid, voiceUrl: 'http://127.0.0.1:1/placeholder' }],
        },
      },
    });
    try {
      // re-point the App at this stack's help desk through the admin API (same SID replaces it)
      const put = await fetch(`${wrong.origin}/callrig/v1/admin/apps`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          sid: DEV.appSid,
          accountSid: DEV.accountSid,
          voiceUrl: `${wrong.servers.helpDeskUrl}/voice`,
        }),
      });
      expect(put.status).toBe(201);
      const { json } = await wrong.connect({ token: await wrong.token(), caller: [] });
      const timeline = json.timeline as Timeline;
      expect(responses(timeline)[0]?.status).toBe(403);
      expect(timeline.some((e) => e.type === 'error' && e.code === 11200)).toBe(true);
    } finally {
      await wrong.close();
    }
  });
});
