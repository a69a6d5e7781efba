import { describe, expect, it } from 'vitest';
import {
  type ApnsRequestFacts,
  type ApnsRuleDeps,
  decideApnsRequest,
  payloadLimit,
} from '../../../src/push/apns/voip-rules.ts';

const B = 'com.example.helpdesk';
const PUSHKIT = 'a'.repeat(64);
const APNS = 'b'.repeat(64);
const DEAD = 'c'.repeat(64);
const enc = new TextEncoder();

const facts = (
  over: Partial<ApnsRequestFacts> = {},
  headers: ApnsRequestFacts['headers'] = {},
): ApnsRequestFacts => ({
  method: 'POST',
  path: `/3/device/${PUSHKIT}`,
  duplicateHeader: null,
  headers: { topic: `${B}.voip`, pushType: 'voip', priority: '10', ...headers },
  body: enc.encode('{"aps":{}}'),
  ...over,
});

const deps = (over: Partial<ApnsRuleDeps> = {}): ApnsRuleDeps => ({
  authenticate: () => ({ ok: true, teamId: 'T', topics: [B] }),
  lookupToken: (t) =>
    t === PUSHKIT
      ? { known: true, topic: `${B}.voip`, invalidatedAt: null }
      : t === APNS
        ? { known: true, topic: B, invalidatedAt: null }
        : t === DEAD
          ? { known: true, topic: `${B}.voip`, invalidatedAt: 1_700_000_000_123 }
          : { known: false },
  ...over,
});

const reason = (f: ApnsRequestFacts, d = deps()) => {
  const r = decideApnsRequest(f, d);
  return 'reason' in r ? `${r.status} ${r.reason}` : String(r.status);
};

describe('APNs pairing table (catapush-apns.md §2.4)', () => {
  it.each([
    [PUSHKIT, `${B}.voip`, 'voip', '200'],
    [PUSHKIT, `${B}.voip`, 'alert', '400 InvalidPushType'],
    [PUSHKIT, B, 'alert', '400 DeviceTokenNotForTopic'],
    [APNS, B, 'alert', '200'],
    [APNS, B, 'background', '200'],
    [APNS, `${B}.voip`, 'voip', '400 DeviceTokenNotForTopic'],
    [APNS, B, 'voip', '400 InvalidPushType'],
  ])('token %s… topic %s type %s → %s', (token, topic, pushType, expected) => {
    const priority = pushType === 'background' ? '5' : '10';
    expect(reason(facts({ path: `/3/device/${token}` }, { topic, pushType, priority }))).toBe(expected);
  });
});

describe('validation order (§2.7): the first failure wins', () => {
  it('path before method before headers before auth', () => {
    expect(reason(facts({ path: '/4/device/x', method: 'GET', duplicateHeader: 'apns-topic' }))).toBe(
      '404 BadPath',
    );
    expect(reason(facts({ method: 'GET', duplicateHeader: 'apns-topic' }))).toBe('405 MethodNotAllowed');
    const noAuth = deps({ authenticate: () => ({ ok: false, status: 403, reason: 'MissingProviderToken' }) });
    expect(reason(facts({ duplicateHeader: 'apns-topic' }), noAuth)).toBe('400 DuplicateHeaders');
    expect(reason(facts({}, { apnsId: 'nope' }), noAuth)).toBe('400 BadMessageId');
    expect(reason(facts({}, { topic: undefined }), noAuth)).toBe('403 MissingProviderToken');
  });

  it('does not call authenticate before steps 1–3 pass', () => {
    let called = false;
    decideApnsRequest(
      facts({ method: 'GET' }),
      deps({
        authenticate: () => {
          called = true;
          return { ok: true, teamId: 'T', topics: [B] };
        },
      }),
    );
    expect(called).toBe(false);
  });

  it('topic before push type before priority before token before body', () => {
    expect(reason(facts({ body: new Uint8Array() }, { topic: 'com.other.app', pushType: 'fax' }))).toBe(
      '400 TopicDisallowed',
    );
    expect(reason(facts({ body: new Uint8Array() }, { pushType: 'fax', priority: '7' }))).toBe(
      '400 InvalidPushType',
    );
    expect(reason(facts({ path: '/3/device/zz', body: new Uint8Array() }, { priority: '7' }))).toBe(
      '400 BadPriority',
    );
    expect(reason(facts({ path: `/3/device/${'d'.repeat(64)}`, body: new Uint8Array() }))).toBe(
      '400 BadDeviceToken',
    );
    expect(reason(facts({ path: `/3/device/${DEAD}`, body: new Uint8Array() }))).toBe('410 Unregistered');
  });

  it('410 carries the invalidation timestamp in milliseconds', () => {
    expect(decideApnsRequest(facts({ path: `/3/device/${DEAD}` }), deps())).toMatchObject({
      status: 410,
      timestamp: 1_700_000_000_123,
    });
  });

  it('background with priority 10 is BadPriority; expiration must be digits; collapse id ≤ 64 bytes', () => {
    expect(reason(facts({ path: `/3/device/${APNS}` }, { topic: B, pushType: 'background' }))).toBe(
      '400 BadPriority',
    );
    expect(reason(facts({}, { expiration: '-1' }))).toBe('400 BadExpirationDate');
    expect(reason(facts({}, { collapseId: 'é'.repeat(32) }))).toBe('200');
    expect(reason(facts({}, { collapseId: `${'é'.repeat(32)}x` }))).toBe('400 BadCollapseId');
  });

  it('strict settings: token length exactly 64, push type required', () => {
    const long = 'a'.repeat(66);
    expect(reason(facts({ path: `/3/device/${long}` }), deps({ strictTokenLength: true }))).toBe(
      '400 BadDeviceToken',
    );
    expect(reason(facts({}, { pushType: undefined }), deps({ strictPushType: true }))).toBe(
      '400 InvalidPushType',
    );
    const inferred = decideApnsRequest(facts({}, { pushType: undefined }), deps());
    expect(inferred).toMatchObject({
      status: 200,
      pushType: 'voip',
      warnings: [expect.stringContaining('inferred "voip"')],
    });
  });

  it('payload limits: 5120 for voip, 4096 for the rest', () => {
    expect([payloadLimit('voip'), payloadLimit('alert'), payloadLimit('background')]).toEqual([
      5120, 4096, 4096,
    ]);
  });
});
