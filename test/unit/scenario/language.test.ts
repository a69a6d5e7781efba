import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE_OPTIONS } from '../../../src/core/engine/options.ts';
import {
  closestMatch,
  editDistance,
  fanOut,
  parseDuration,
  renderTranscript,
  type ScenarioReporter,
  scenarioSchema,
  summarizeRun,
} from '../../../src/scenario/index.ts';
import type { StepName } from '../../../src/scenario/types.ts';
import { failingResult, passingResult, T0, timeoutResult } from './fixtures/sample-results.ts';

describe('durations and suggestions', () => {
  it.each([
    [12, 12_000],
    [0.5, 500],
    ['500ms', 500],
    ['30s', 30_000],
    ['1m30s', 90_000],
    ['1h', 3_600_000],
    ['1.5s', 1500],
    ['30', undefined],
    ['s', undefined],
    [-1, undefined],
  ] as const)('parseDuration(%j) = %j', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it('counts adjacent swaps as one edit and suggests only plausible typos', () => {
    expect(editDistance('speak', 'speka')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestMatch('hangupDurng', ['hangup', 'hangupDuring'])).toBe('hangupDuring');
    expect(closestMatch('Speak', ['speak', 'silence'])).toBe('speak');
    expect(closestMatch('reg', ['registerVoip', 'call'])).toBe('registerVoip');
    expect(closestMatch('zzzz', ['call', 'advance'])).toBeUndefined();
  });
});

describe('schema and types stay in step', () => {
  it('lists exactly the step names of the StepName type', () => {
    const names: StepName[] = [
      'registerVoip',
      'catapushMessage',
      'fetchToken',
      'mintToken',
      'call',
      'restCallback',
      'advance',
      'webhookFault',
    ];
    const step = (scenarioSchema.definitions as Record<string, { properties: object }>).step!;
    expect(Object.keys(step.properties)).toEqual(names);
  });
});

describe('engine options in the schema', () => {
  it('mirror every section and key of the core engine options', () => {
    type Props = { properties: Record<string, Props> };
    const engine = (scenarioSchema.properties as Record<string, Props>).twilio!.properties.engine!;
    const fromSchema = Object.fromEntries(
      Object.entries(engine.properties).map(([section, s]) => [section, Object.keys(s.properties).sort()]),
    );
    const fromCore = Object.fromEntries(
      Object.entries(DEFAULT_ENGINE_OPTIONS).map(([section, v]) => [section, Object.keys(v).sort()]),
    );
    expect(fromSchema).toEqual(fromCore);
  });
});

describe('transcript words for core and device events', () => {
  it('describes outbound calls, callbacks, warnings, device and unknown events', () => {
    const at = (ms: number) => T0 + ms;
    const lines = renderTranscript([
      {
        type: 'call.started',
        at: at(0),
        direction: 'outbound-api',
        from: 'client:support',
        to: 'client:alice',
      },
      { type: 'twilio.call-invite', at: at(5), from: 'client:support' },
      { type: 'callkit.reported', at: at(6), via: 'callkit' },
      {
        type: 'callback.sent',
        at: at(10),
        kind: 'recording-status-callback',
        method: 'POST',
        url: 'http://h:1/recording-status',
        status: 200,
      },
      {
        type: 'error',
        at: at(11),
        code: 16102,
        name: 'RECORDING_SILENT',
        severity: 'warning',
        message: 'silent',
      },
      { type: 'webhook.responded', at: at(12), url: 'http://h:1/voice', status: null, code: 11205 },
      {
        type: 'token.failed',
        at: at(13),
        code: 'CALLRIG_TOKEN_RESPONSE_NO_TWILIO',
        message: 'no twilio object',
      },
      { type: 'push.dropped', at: at(14), code: 'CALLRIG_VOIP_DELIVERY_STOPPED', message: 'locked out' },
      { type: 'note', at: at(15), message: 'Gather speech is simulated' },
      { type: 'mystery.thing', at: at(16), answer: 42 },
      { type: 'caller.hangup', at: at(17) },
      { type: 'webhook.requested', at: at(18), method: 'POST', url: 'http://127.0.0.1:9/token' },
    ]);
    expect(lines).toEqual([
      '00:00.000 twilio → phone      call client:alice',
      '00:00.005 twilio → phone      call invite from client:support',
      '00:00.006 phone               callkit.reported',
      '00:00.010 twilio → helpdesk   POST /recording-status 200',
      '00:00.011 twilio              ⚠ 16102 RECORDING_SILENT: silent',
      '00:00.012 helpdesk → twilio   ✗ 11205',
      '00:00.013 token → phone       ✗ CALLRIG_TOKEN_RESPONSE_NO_TWILIO: no twilio object',
      '00:00.014 phone               ✗ push dropped: CALLRIG_VOIP_DELIVERY_STOPPED: locked out',
      '00:00.015 twilio              ℹ Gather speech is simulated',
      '00:00.016 twilio              mystery.thing answer=42',
      '00:00.017 caller              hangs up',
      '00:00.018 twilio → token      POST /token',
    ]);
  });
});

describe('run helpers', () => {
  it('summarises results by status', () => {
    const s = summarizeRun([failingResult(), passingResult(), timeoutResult()], 500);
    expect([s.total, s.passed, s.failed, s.errored, s.timedOut, s.durationMs, s.simulatedMs]).toEqual([
      3, 1, 1, 0, 1, 500, 42_600,
    ]);
  });

  it('fans every hook out to every reporter, in order', async () => {
    const calls: string[] = [];
    const spy = (name: string): ScenarioReporter => ({
      onRunStart: (n) => void calls.push(`${name}:start:${n}`),
      onScenarioStart: (i) => void calls.push(`${name}:scenario:${i.index}`),
      onEvent: (_s, e) => void calls.push(`${name}:event:${e.type}`),
      onScenarioEnd: (r) => void calls.push(`${name}:end:${r.status}`),
      onRunEnd: (s) => void calls.push(`${name}:done:${s.total}`),
    });
    const both = fanOut([spy('a'), spy('b')]);
    await both.onRunStart(1, {});
    await both.onScenarioStart({ name: 'x', file: 'x.yaml', index: 1, total: 1 });
    both.onEvent?.('x', { type: 'beep', at: 0 });
    await both.onScenarioEnd(passingResult());
    await both.onRunEnd(summarizeRun([passingResult()], 1));
    expect(calls).toEqual([
      'a:start:1',
      'b:start:1',
      'a:scenario:1',
      'b:scenario:1',
      'a:event:beep',
      'b:event:beep',
      'a:end:passed',
      'b:end:passed',
      'a:done:1',
      'b:done:1',
    ]);
  });
});
