import { describe, expect, it } from 'vitest';
import { createIdSource } from '../../../../src/core/ids/id-source.ts';
import { createVirtualClock, resumeCall, runCall, startCall } from '../../../../src/core/index.ts';
import { ACTION_URL, ctxWith, helpDeskXml, memoryPort, params, sdkInit, VOICE_URL, xml } from './helpers.ts';

function helpDesk() {
  return memoryPort({
    [VOICE_URL]: xml(helpDeskXml()),
    [ACTION_URL]: xml('<Response><Say>Thanks.</Say></Response>'),
  });
}

describe('the engine as a step machine', () => {
  it('same script and same answers give byte-identical timelines, SIDs included', async () => {
    const script = [{ waitFor: 'beep' as const }, { speak: 12 }, { silence: 5 }];
    const init = sdkInit({ callSid: undefined, statusCallback: 'http://127.0.0.1:3000/status' });
    const a = await runCall(init, script, {
      port: helpDesk().port,
      clock: createVirtualClock(),
      ids: createIdSource(7),
    });
    const b = await runCall(init, script, {
      port: helpDesk().port,
      clock: createVirtualClock(),
      ids: createIdSource(7),
    });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(a.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    const c = await runCall(init, script, {
      port: helpDesk().port,
      clock: createVirtualClock(),
      ids: createIdSource(8),
    });
    expect(c.callSid).not.toBe(a.callSid);
  });

  it('a state cloned mid-record resumes independently with different inputs', async () => {
    const { port, requests } = helpDesk();
    const ctx = ctxWith(port);
    let step = await startCall(sdkInit(), ctx);
    expect(step.waiting).toMatchObject({ kind: 'listening', what: 'say' });
    step = await resumeCall(step.state, { kind: 'wait' }, ctx);
    expect(step.waiting).toMatchObject({ kind: 'listening', what: 'beep' });
    step = await resumeCall(step.state, { kind: 'wait' }, ctx);
    step = await resumeCall(step.state, { kind: 'speech', seconds: 6 }, ctx);
    expect(step.waiting).toMatchObject({ kind: 'record', capturedMs: 6000, silenceMs: 0 });

    const fork = structuredClone(step.state);
    const byKey = await resumeCall(step.state, { kind: 'digits', digits: '#' }, ctx);
    const byHangup = await resumeCall(fork, { kind: 'hangup' }, ctx);

    expect(byKey.waiting).toMatchObject({ kind: 'listening', what: 'say' });
    expect(byHangup.waiting).toMatchObject({ kind: 'ended', hungUpBy: 'caller', status: 'completed' });
    const sent = requests
      .filter((q) => q.kind !== 'voice')
      .map((q) => [q.kind, params(q).Digits, params(q).RecordingDuration]);
    expect(sent).toEqual([
      ['action', '#', '6'],
      ['hangup-action', 'hangup', '6'],
    ]);
    expect(JSON.parse(JSON.stringify(byHangup.state))).toEqual(byHangup.state);
  });

  it('a 60 s recording costs milliseconds of wall time on the virtual clock', async () => {
    const { port } = helpDesk();
    const wall = performance.now();
    const r = await runCall(sdkInit(), [{ waitFor: 'beep' }, { speak: 90 }], ctxWith(port));
    expect(performance.now() - wall).toBeLessThan(1000);
    expect(r.timeline.find((e) => e.type === 'record.ended')).toMatchObject({ duration: 60 });
  });

  it('inputs after the end are ignored', async () => {
    const { port } = memoryPort({ [VOICE_URL]: xml('<Response><Hangup/></Response>') });
    const ctx = ctxWith(port);
    const end = await startCall(sdkInit(), ctx);
    const again = await resumeCall(end.state, { kind: 'digits', digits: '1' }, ctx);
    expect(again.events).toEqual([]);
    expect(again.waiting.kind).toBe('ended');
  });

  it('timestamps: at = start epoch + t', async () => {
    const { port } = helpDesk();
    const r = await runCall(sdkInit(), [], {
      port,
      clock: createVirtualClock(Date.UTC(2030, 5, 1)),
      ids: createIdSource(1),
    });
    for (const e of r.timeline) expect(e.at - e.t).toBe(Date.UTC(2030, 5, 1));
    const ts = r.timeline.map((e) => e.t);
    expect([...ts].sort((x, y) => x - y)).toEqual(ts);
  });
});
