import { describe, expect, it } from 'vitest';
import { runCall, type TimelineEvent } from '../../../../src/core/index.ts';
import { ctxWith, memoryPort, params, sdkInit, VOICE_URL, VoiceResponse, xml } from './helpers.ts';

const FALLBACK = 'http://127.0.0.1:3000/fallback';
const APOLOGY = 'We are sorry, an application error has occurred. Goodbye.';

const codes = (tl: TimelineEvent[]) => tl.flatMap((e) => (e.type === 'error' ? [e.code] : []));
const says = (tl: TimelineEvent[]) => tl.flatMap((e) => (e.type === 'say' ? [e.text] : []));

async function firstFetch(answer: Parameters<typeof memoryPort>[0][string], init = sdkInit()) {
  const { port, requests } = memoryPort({ [VOICE_URL]: answer });
  const r = await runCall(init, [], ctxWith(port));
  return { r, requests };
}

describe('webhook answers classified per §2.1, then the failure ladder §5.4', () => {
  it.each([
    ['a 500', xml('<Response/>', 500), 11200],
    ['a 404', xml('<Response><Say>x</Say></Response>', 404), 11200],
    ['no Content-Type', xml('<Response/>', 200, null), 11200],
    ['application/json', xml('{"a":1}', 200, 'application/json'), 12300],
    ['a body over 64 kB', { ...xml('<Response/>'), bodyBytes: 70_000 }, 11750],
    ['an empty chunked body', { ...xml(''), chunked: true }, 11770],
    ['malformed XML', xml('<Response><Say>x</Response>'), 12100],
    ['a wrong root', xml('<Document><Say>x</Say></Document>'), 12102],
    [
      'a transport failure (passthrough)',
      { ok: false, code: 11205, message: 'connection refused', elapsedMs: 12 },
      11205,
    ],
  ] as const)(
    '%s gives its code, the apology in voice woman, and hangup completed',
    async (_n, answer, code) => {
      const { r } = await firstFetch(answer);
      expect(codes(r.timeline)[0]).toBe(code);
      const say = r.timeline.find((e) => e.type === 'say');
      expect(say).toMatchObject({ text: APOLOGY, voice: 'woman' });
      expect(r.timeline.at(-1)).toMatchObject({
        type: 'call.ended',
        status: 'completed',
        reason: 'application-error',
      });
    },
  );

  it('SDK calls also report 31005; PSTN calls do not', async () => {
    const sdk = await firstFetch(xml('', 500));
    expect(codes(sdk.r.timeline)).toEqual([11200, 31005]);
    const pstn = await firstFetch(
      xml('', 500),
      sdkInit({ sdkCall: false, from: '+14155550100', to: '+14155550111' }),
    );
    expect(codes(pstn.r.timeline)).toEqual([11200]);
  });

  it('a parse error names the URL, line and column', async () => {
    const { r } = await firstFetch(xml('<Response>\n  <Say>x</Response>'));
    const err = r.timeline.find((e) => e.type === 'error');
    expect(err).toMatchObject({ code: 12100, severity: 'error', where: { url: VOICE_URL } });
    expect(err?.type === 'error' ? err.where.line : 0).toBeGreaterThan(0);
  });

  it('the fallback URL gets ErrorCode and ErrorUrl (fragment removed), and its TwiML continues the call', async () => {
    const good = new VoiceResponse();
    good.say('Fallback speaking.');
    const url = `${VOICE_URL}#rc=0`;
    const { port, requests } = memoryPort({ [VOICE_URL]: xml('', 502), [FALLBACK]: xml(good.toString()) });
    const r = await runCall(sdkInit({ url, fallbackUrl: FALLBACK }), [], ctxWith(port));
    const fb = requests.find((q) => q.kind === 'fallback');
    expect(params(fb)).toMatchObject({ ErrorCode: '11200', ErrorUrl: VOICE_URL, CallStatus: 'ringing' });
    expect(says(r.timeline)).toEqual(['Fallback speaking.']);
    expect(r.timeline.at(-1)).toMatchObject({ type: 'call.ended', reason: 'end-of-document' });
  });

  it('a failing fallback leads to the apology', async () => {
    const { port, requests } = memoryPort({
      [VOICE_URL]: xml('', 500),
      [FALLBACK]: xml('{}', 200, 'application/json'),
    });
    const r = await runCall(sdkInit({ fallbackUrl: FALLBACK }), [], ctxWith(port));
    expect(requests.map((q) => q.kind)).toEqual(['voice', 'fallback']);
    expect(codes(r.timeline)).toEqual([11200, 12300, 31005]);
    expect(says(r.timeline)).toEqual([APOLOGY]);
  });

  it('errors.announcement changes the apology; empty hangs up silently', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml('', 500) });
    const r = await runCall(sdkInit(), [], ctxWith(port, { errors: { announcement: '' } }));
    expect(says(r.timeline)).toEqual([]);
    expect(r.status).toBe('completed');
  });

  it('a 4xx/5xx from the status callback is a 15003 warning and changes nothing', async () => {
    const ok = new VoiceResponse();
    ok.say('Hi');
    const { port } = memoryPort({
      [VOICE_URL]: xml(ok.toString()),
      'http://127.0.0.1:3000/status': xml('', 500),
    });
    const r = await runCall(sdkInit({ statusCallback: 'http://127.0.0.1:3000/status' }), [], ctxWith(port));
    const w = r.errors.find((e) => e.code === 15003);
    expect(w).toMatchObject({ severity: 'warning', where: { url: 'http://127.0.0.1:3000/status' } });
    expect(r.status).toBe('completed');
    expect(r.timeline.filter((e) => e.type === 'call.ended')).toHaveLength(1);
  });

  it('a Redirect loop stops at engine.maxDocumentsPerCall with CALLRIG_LOOP_LIMIT', async () => {
    const loop = new VoiceResponse();
    loop.redirect('/voice');
    const { port, requests } = memoryPort({ [VOICE_URL]: xml(loop.toString()) });
    const r = await runCall(sdkInit(), [], ctxWith(port));
    expect(requests.filter((q) => q.kind !== 'status-callback')).toHaveLength(1000);
    expect(codes(r.timeline)).toEqual(['CALLRIG_LOOP_LIMIT']);
    expect(r.timeline.at(-1)).toMatchObject({ type: 'call.ended', reason: 'loop-limit', hungUpBy: 'engine' });
    const small = await runCall(
      sdkInit(),
      [],
      ctxWith(memoryPort({ [VOICE_URL]: xml(loop.toString()) }).port, { engine: { maxDocumentsPerCall: 5 } }),
    );
    expect(small.timeline.filter((e) => e.type === 'webhook.requested')).toHaveLength(5);
  });

  it('text/plain that is not TwiML is spoken, then the call hangs up', async () => {
    const { r } = await firstFetch(xml('Hello there', 200, 'text/plain; charset=utf-8'));
    expect(says(r.timeline)).toEqual(['Hello there']);
    expect(r.errors).toEqual([]);
    expect(r.timeline.at(-1)).toMatchObject({ type: 'call.ended', reason: 'hangup-verb' });
  });

  it('text/plain holding a TwiML document runs it', async () => {
    const { r } = await firstFetch(xml('<Response><Say>As TwiML</Say></Response>', 200, 'text/plain'));
    expect(says(r.timeline)).toEqual(['As TwiML']);
  });

  it('an audio answer is played once, then the call hangs up', async () => {
    const { r, requests } = await firstFetch(xml('RIFF....', 200, 'audio/x-wav'));
    expect(r.timeline.find((e) => e.type === 'play')).toMatchObject({ url: VOICE_URL, loop: 1 });
    expect(requests.some((q) => q.kind === 'media')).toBe(false);
    expect(r.timeline.at(-1)).toMatchObject({ type: 'call.ended', status: 'completed' });
  });

  it('inline TwiML: Record without action is 11100, a relative action 15004', async () => {
    const noAction = new VoiceResponse();
    noAction.record();
    const a = await runCall(
      sdkInit({ url: undefined, twiml: noAction.toString() }),
      [{ waitFor: 'beep' }, { speak: 3 }],
      ctxWith(memoryPort({}).port),
    );
    expect(codes(a.timeline)).toContain(11100);
    const relative = new VoiceResponse();
    relative.gather({ action: 'next' }).say('Press a key');
    const b = await runCall(
      sdkInit({ url: undefined, twiml: relative.toString() }),
      [{ waitFor: 'gather' }, { press: '1#' }],
      ctxWith(memoryPort({}).port),
    );
    expect(codes(b.timeline)).toContain(15004);
  });

  it('a 12200 warning is reported with its position and the rest still runs', async () => {
    const { r } = await firstFetch(xml('<Response>\n<say>lower</say>\n<Say>Upper</Say></Response>'));
    const w = r.errors.find((e) => e.code === 12200);
    expect(w).toMatchObject({ severity: 'warning', where: { line: 2 } });
    expect(says(r.timeline)).toEqual(['Upper']);
  });

  it('twiml.onSchemaWarning "stop" turns a 12200 into a fatal error', async () => {
    const { port } = memoryPort({
      [VOICE_URL]: xml('<Response><say>lower</say><Say>Upper</Say></Response>'),
    });
    const r = await runCall(sdkInit(), [], ctxWith(port, { twiml: { onSchemaWarning: 'stop' } }));
    expect(says(r.timeline)).toEqual([APOLOGY]);
  });
});
