import { describe, expect, it } from 'vitest';
import { type CallKitFacts, judgeVoipHandler } from '../../../src/push/device/callkit-rule.ts';

const base: CallKitFacts = {
  report: 'callkit',
  reportDelayMs: 0,
  deadlineMs: 5000,
  pushKitRegistered: true,
  linkedSdk: 13,
  iosVersion: 17,
};

describe('judgeVoipHandler (catapush-apns.md §3.3)', () => {
  it('a report inside the deadline passes', () => {
    expect(judgeVoipHandler({ ...base, reportDelayMs: 5000 })).toEqual({
      kind: 'reported',
      afterMs: 5000,
      via: 'callkit',
    });
  });
  it('no report kills at the deadline; a late report kills at the deadline; completion-first kills at once', () => {
    expect(judgeVoipHandler({ ...base, report: 'none' })).toMatchObject({ kind: 'killed', afterMs: 5000 });
    expect(judgeVoipHandler({ ...base, reportDelayMs: 5001 })).toMatchObject({
      kind: 'killed',
      afterMs: 5000,
    });
    expect(judgeVoipHandler({ ...base, report: 'after-completion', reportDelayMs: 10 })).toMatchObject({
      kind: 'killed',
      afterMs: 10,
    });
  });
  it('no PushKit registry at hand-over kills', () => {
    expect(judgeVoipHandler({ ...base, pushKitRegistered: false })).toMatchObject({
      kind: 'killed',
      afterMs: 0,
    });
  });
  it('LiveCommunicationKit counts from iOS 17.4', () => {
    expect(judgeVoipHandler({ ...base, report: 'livecommunicationkit', iosVersion: 17.4 })).toMatchObject({
      kind: 'reported',
      via: 'livecommunicationkit',
    });
    expect(judgeVoipHandler({ ...base, report: 'livecommunicationkit', iosVersion: 17 })).toMatchObject({
      kind: 'killed',
    });
  });
  it('apps linked before the iOS 13 SDK only get a warning', () => {
    expect(judgeVoipHandler({ ...base, report: 'none', linkedSdk: 12 })).toMatchObject({ kind: 'tolerated' });
  });
});
