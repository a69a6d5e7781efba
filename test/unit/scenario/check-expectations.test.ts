import { describe, expect, it } from 'vitest';
import { checkExpectations, matches } from '../../../src/scenario/index.ts';
import type { Expectation, Observed } from '../../../src/scenario/types.ts';
import { CALL, pressesKeyTimeline, REC, T0 } from './fixtures/sample-results.ts';

const observed = (over: Partial<Observed> = {}): Observed => ({
  timeline: pressesKeyTimeline(),
  requests: [
    { server: 'helpdesk', method: 'POST', path: '/voice', status: 200, params: [['CallSid', CALL]] },
    {
      server: 'helpdesk',
      method: 'POST',
      path: '/recording-callback',
      status: 500,
      params: [
        ['Digits', '#'],
        ['RecordingDuration', '8'],
      ],
    },
  ],
  callbacks: [{ callSid: CALL, recordingUrl: `https://x/${REC}`, digits: '#' }],
  errors: [{ code: 11200, severity: 'error', message: 'HTTP 500', at: T0 + 21_560 }],
  recordings: [{ sid: REC, duration: 8, status: 'completed' }],
  ...over,
});
const check = (expect: Expectation, over?: Partial<Observed>) =>
  checkExpectations({ expect }, observed(over));

describe('matches', () => {
  it.each([
    [12, '12', true],
    ['#', '#', true],
    [true, 'true', true],
    [12, 13, false],
    [{ regex: '^You have' }, 'You have reached', true],
    [{ regex: 'REACHED', flags: 'i' }, 'You have reached', true],
    [{ range: [10, 14] }, 12, true],
    [{ range: [10, 14] }, '9', false],
    [{ range: [0, 1] }, undefined, false],
    [{ oneOf: ['key', 'silence'] }, 'silence', true],
    [{ absent: true }, undefined, true],
    [{ absent: true }, '', false],
    [{ absent: false }, 'x', true],
    [{ where: { url: { regex: '/voice$' } } }, { where: { url: 'http://h/voice', line: 2 } }, true],
    [['a', 1], ['a', '1'], true],
    [['a'], ['a', 'b'], false],
    [null, null, true],
    ['x', { x: 1 }, false],
  ] as const)('matcher %j vs %j → %s', (m, actual, want) => {
    expect(matches(m as never, actual)).toBe(want);
  });
});

describe('timeline subsequence', () => {
  it('passes when the events occur in order with others in between', () => {
    const failures = check({
      timeline: [
        { type: 'call.started', from: 'client:alice' },
        { type: 'say', voice: 'woman', text: { regex: '^You have reached' } },
        { type: 'record.ended', reason: 'key', duration: { range: [7, 9] }, digits: '#' },
        { type: 'call.ended', reason: { oneOf: ['application-error', 'hangup-verb'] } },
      ],
      errors: [11200],
    });
    expect(failures).toEqual([]);
  });

  it('matches t against the offset from the first event and reaches into nested fields', () => {
    expect(
      check({
        timeline: [
          { type: 'beep', t: 13_030 },
          { type: 'error', 'where.url': { regex: 'recording-callback' } },
        ],
        errors: [11200],
      }),
    ).toEqual([]);
    expect(check({ timeline: [{ type: 'beep', t: 13_020 }], errors: [11200] })).toHaveLength(1);
  });

  it('reports the first missing event with the closest candidate', () => {
    const failures = check({
      timeline: [
        { type: 'call.started' },
        { type: 'say' },
        { type: 'record.ended', reason: 'silence', duration: 12 },
        { type: 'call.ended' },
      ],
      errors: [11200],
    });
    expect(failures).toEqual([
      expect.objectContaining({
        message:
          'expected event #3 {type: record.ended, reason: silence, duration: 12} — not found after 00:00.030; nearest: record.ended at 00:21.530 with reason=key, duration=8',
        where: 'expect.timeline[2]',
      }),
    ]);
  });

  it('does not match events out of order, and says the candidate came before', () => {
    const failures = check({ timeline: [{ type: 'record.ended' }, { type: 'beep' }], errors: [11200] });
    expect(failures[0]?.message).toBe(
      'expected event #2 {type: beep} — not found after 00:21.530; nearest: beep at 00:13.030 (before the previous match)',
    );
  });

  it('suggests a type name when no event has the type', () => {
    const failures = check({ timeline: [{ type: 'record.end' }], errors: [11200] });
    expect(failures[0]?.message).toBe(
      'expected event #1 {type: record.end} — not found from the start; no event of that type; did you mean record.ended?',
    );
  });
});

describe('requests, callbacks, recordings, errors', () => {
  it('checks requests by path, method, params and count', () => {
    expect(
      check({
        requests: [
          { path: '/voice', method: 'POST', count: 1 },
          {
            path: '/recording-callback',
            params: { Digits: '#', RecordingDuration: 8, CallStatus: { absent: true } },
          },
        ],
        errors: [11200],
      }),
    ).toEqual([]);
    const failures = check({
      requests: [{ path: '/recording-callback', params: { Digits: 'hangup' } }],
      errors: [11200],
    });
    expect(failures[0]?.message).toBe(
      'expected request {path: /recording-callback, params: {Digits: hangup}} at least 1 time(s) — received 0; to that path: POST /recording-callback → 500 [Digits=# RecordingDuration=8]',
    );
  });

  it('checks callback and recording counts and items in order', () => {
    expect(
      check({
        callbacks: { count: 1, items: [{ digits: '#' }] },
        recordings: { items: [{ duration: 8 }] },
        errors: [11200],
      }),
    ).toEqual([]);
    const failures = check({
      callbacks: { count: 2 },
      recordings: { items: [{ duration: 12 }] },
      errors: [11200],
    });
    expect(failures.map((f) => f.message)).toEqual([
      'expected 2 callback(s) — found 1',
      'expected recording #1 {duration: 12} — not found; nearest: duration=8',
    ]);
  });

  it('fails on unexpected errors by default, not on warnings unless asked', () => {
    expect(check({}).map((f) => f.message)).toEqual([
      'unexpected error 11200 (HTTP retrieval failure) at 00:21.560: HTTP 500',
    ]);
    expect(check({ noOtherErrors: false })).toEqual([]);
    const warning = { errors: [{ code: 16102, severity: 'warning' as const }] };
    expect(check({}, warning)).toEqual([]);
    expect(check({ noOtherWarnings: true }, warning).map((f) => f.message)).toEqual([
      'unexpected warning 16102 (Recording absent: silent)',
    ]);
  });

  it('requires listed errors, with counts', () => {
    expect(check({ errors: [{ code: 11200, count: 2 }] }).map((f) => f.message)).toEqual([
      'expected error 11200 (HTTP retrieval failure) 2 time(s) — seen 1 time(s); codes seen: 11200',
    ]);
    expect(check({ errors: ['CALLRIG_LOOP_LIMIT', 11200] })[0]?.message).toBe(
      'expected error CALLRIG_LOOP_LIMIT — seen 0 time(s); codes seen: 11200',
    );
  });
});
