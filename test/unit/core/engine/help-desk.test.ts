import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCall } from '../../../../src/core/index.ts';
import { sharedPath } from '../../../helpers/shared-dir.ts';
import {
  ACTION_URL,
  ctxWith,
  helpDeskXml,
  memoryPort,
  params,
  sdkInit,
  VOICE_URL,
  VoiceResponse,
  xml,
} from './helpers.ts';

const THANKS = (() => {
  const r = new VoiceResponse();
  r.say('Thank you, we will call you back.');
  r.hangup();
  return r.toString();
})();

function setup() {
  const { port, requests } = memoryPort({ [VOICE_URL]: xml(helpDeskXml()), [ACTION_URL]: xml(THANKS) });
  const ctx = ctxWith(port);
  return { ctx, requests };
}

const init = sdkInit({ statusCallback: 'http://127.0.0.1:3000/status' });

describe('help-desk document, path by path (fidelity §3.4)', () => {
  it('speaks 12 s then silent: action 3 s after speech, RecordingDuration=12, no Digits, in-progress', async () => {
    const { ctx, requests } = setup();
    const r = await runCall(init, [{ waitFor: 'beep' }, { speak: 12 }, { silence: 10 }], ctx);
    const action = requests.find((q) => q.kind === 'action');
    expect(action?.url).toBe(ACTION_URL);
    const p = params(action);
    expect(p.RecordingDuration).toBe('12');
    expect(p.Digits).toBeUndefined();
    expect(p.CallStatus).toBe('in-progress');
    expect(p.RecordingUrl).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${p.AccountSid}/Recordings/${p.RecordingSid}`,
    );
    const started = r.timeline.find((e) => e.type === 'record.started');
    const ended = r.timeline.find((e) => e.type === 'record.ended');
    expect(ended && started ? ended.t - started.t : -1).toBe(15_000);
    expect(ended).toMatchObject({ reason: 'silence', duration: 12, status: 'completed' });
    expect(r.timeline.filter((e) => e.type === 'say').map((e) => (e.type === 'say' ? e.text : ''))).toEqual([
      expect.stringContaining('customer support'),
      'Thank you, we will call you back.',
    ]);
    expect(r.status).toBe('completed');
  });

  it('speaks 8 s and presses #: Digits=#, RecordingDuration=8', async () => {
    const { ctx, requests } = setup();
    await runCall(init, [{ waitFor: 'beep' }, { speak: 8 }, { press: '#' }], ctx);
    const p = params(requests.find((q) => q.kind === 'action'));
    expect(p.Digits).toBe('#');
    expect(p.RecordingDuration).toBe('8');
    expect(p.CallStatus).toBe('in-progress');
  });

  it('speaks 20 s and hangs up: Digits=hangup, completed, returned TwiML not executed, then status callback', async () => {
    const { ctx, requests } = setup();
    const r = await runCall(init, [{ waitFor: 'beep' }, { speak: 20 }, { hangup: true }], ctx);
    const action = requests.find((q) => q.kind === 'hangup-action');
    const p = params(action);
    expect(p.Digits).toBe('hangup');
    expect(p.CallStatus).toBe('completed');
    expect(p.RecordingDuration).toBe('20');
    expect(requests.some((q) => q.kind === 'action')).toBe(false);
    expect(r.timeline.filter((e) => e.type === 'say')).toHaveLength(1);
    const kinds = requests.map((q) => q.kind);
    expect(kinds).toEqual(['voice', 'hangup-action', 'status-callback']);
    expect(params(requests[2]).CallStatus).toBe('completed');
    expect(r.timeline.at(-1)).toMatchObject({ type: 'callback.sent', kind: 'status-callback' });
  });

  it('says nothing: no action, "I did not receive any message.", hangup', async () => {
    const { ctx, requests } = setup();
    const r = await runCall(init, [], ctx);
    expect(requests.some((q) => q.kind === 'action' || q.kind === 'hangup-action')).toBe(false);
    const says = r.timeline.filter((e) => e.type === 'say').map((e) => (e.type === 'say' ? e.text : ''));
    expect(says[1]).toBe('I did not receive any message.');
    expect(r.timeline.find((e) => e.type === 'record.ended')).toMatchObject({
      reason: 'empty',
      status: 'absent',
      errorCode: 16102,
    });
    expect(r.timeline.find((e) => e.type === 'call.ended')).toMatchObject({
      reason: 'hangup-verb',
      status: 'completed',
    });
    expect(r.recordings[0]?.status).toBe('absent');
  });

  it('speaks past 60 s: action at 60 s, RecordingDuration=60, no Digits', async () => {
    const { ctx, requests } = setup();
    const r = await runCall(init, [{ waitFor: 'beep' }, { speak: 75 }], ctx);
    const p = params(requests.find((q) => q.kind === 'action'));
    expect(p.RecordingDuration).toBe('60');
    expect(p.Digits).toBeUndefined();
    const started = r.timeline.find((e) => e.type === 'record.started');
    const ended = r.timeline.find((e) => e.type === 'record.ended');
    expect(ended && started ? ended.t - started.t : -1).toBe(60_000);
    expect(ended).toMatchObject({ reason: 'max-length' });
  });

  it('sends the SDK first request with exactly the §11.1 parameters, sorted', async () => {
    const { ctx, requests } = setup();
    await runCall(sdkInit({ customParams: { team: 'billing' } }), [], ctx);
    expect(requests[0]?.params).toEqual([
      ['AccountSid', 'AC00000000000000000000000000000001'],
      ['ApiVersion', '2010-04-01'],
      ['ApplicationSid', 'AP00000000000000000000000000000004'],
      ['CallSid', 'CA00000000000000000000000000000002'],
      ['CallStatus', 'ringing'],
      ['Called', ''],
      ['Caller', 'client:alice'],
      ['Direction', 'inbound'],
      ['From', 'client:alice'],
      ['To', ''],
      ['team', 'billing'],
    ]);
  });

  it('the literal document from the brief behaves the same (only the action host changed)', async () => {
    const brief = readFileSync(sharedPath('brief', 'catapush-voip.md'), 'utf8');
    const literal = (brief.match(/```xml\n(<Response>[\s\S]*?<\/Response>)\n```/)?.[1] ?? '').replace(
      'http://www.your-domain.com/recording-callback',
      ACTION_URL,
    );
    expect(literal).toContain('<Record maxLength="60" playBeep="true" timeout="3"');
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(literal), [ACTION_URL]: xml(THANKS) });
    const r = await runCall(init, [{ waitFor: 'beep' }, { speak: 8 }, { press: '#' }], ctxWith(port));
    expect(params(requests.find((q) => q.kind === 'action'))).toMatchObject({
      Digits: '#',
      RecordingDuration: '8',
    });
    expect(r.errors).toEqual([]);
    expect(r.timeline.find((e) => e.type === 'say')).toMatchObject({
      voice: 'woman',
      text: expect.stringMatching(/^You have reached our customer support\./),
    });
  });
});
