import { describe, expect, it } from 'vitest';
import { catapushPush } from '../../../src/push/catapush/push-payload.ts';
import { validateSendMessage } from '../../../src/push/catapush/validate-message.ts';
import { tokenKind } from '../../../src/push/device/token-fetch.ts';

const body = { mobileAppId: 318, text: 't', recipients: [{ identifier: 'alice' }] };

describe('Catapush push shapes (catapush-apns.md §1.11, §5.1)', () => {
  it('voip mode: .voip topic, type voip, minimal aps', () => {
    expect(catapushPush('voip', 'com.x', 'id-1', body, 'You have a new message')).toEqual({
      topic: 'com.x.voip',
      pushType: 'voip',
      priority: 10,
      payload: { aps: { alert: 'You have a new message' }, sender: 'catapush', catapushID: 'id-1' },
    });
  });
  it('alert mode: bare topic, mutable-content, banner from devicesData.ios.alert before notificationText', () => {
    const shape = catapushPush(
      'alert',
      'com.x',
      'id-2',
      { ...body, notificationText: 'n', devicesData: { ios: { alert: 'a', badge: 3 } } },
      'd',
    );
    expect(shape).toEqual({
      topic: 'com.x',
      pushType: 'alert',
      priority: 10,
      payload: {
        aps: { alert: 'a', 'mutable-content': 1, badge: 3, sound: 'default' },
        sender: 'catapush',
        catapushID: 'id-2',
      },
    });
    expect(
      catapushPush('alert', 'com.x', 'i', { ...body, notificationText: 'n' }, 'd').payload.aps,
    ).toMatchObject({ alert: 'n' });
  });
});

describe('validateSendMessage', () => {
  it('accepts a minimal body and warns about unknown fields', () => {
    expect(validateSendMessage({ ...body, validity: 60 })).toEqual({
      ok: true,
      body: { ...body, validity: 60 },
      warnings: ['[callrig] unknown field "validity" in POST /1/messages was ignored'],
    });
  });
  it('allows TAB, LF and CR but not other controls; limits lengths', () => {
    expect(validateSendMessage({ ...body, text: 'a\tb\nc\r' }).ok).toBe(true);
    expect(validateSendMessage({ ...body, text: 'a\u0085' }).ok).toBe(false);
    expect(validateSendMessage({ ...body, text: 'x'.repeat(10_001) }).ok).toBe(false);
    expect(validateSendMessage({ ...body, messageRef: 'r'.repeat(256) }).ok).toBe(false);
  });
  it('checks notifyCallback', () => {
    const v = validateSendMessage({ ...body, notifyCallback: { method: 'PUT', url: 'ftp://x' } });
    expect(v.ok ? [] : v.errors.map((e) => e.field)).toEqual(['notifyCallback.method', 'notifyCallback.url']);
  });
});

describe('tokenKind (twilio-voice.md §7.1)', () => {
  const jwt = (h: object, c: object) =>
    `${Buffer.from(JSON.stringify(h)).toString('base64url')}.${Buffer.from(JSON.stringify(c)).toString('base64url')}.sig`;
  it('tells Access Tokens from capability tokens', () => {
    expect(tokenKind(jwt({ alg: 'HS256', cty: 'twilio-fpa;v=1' }, {}))).toBe('access');
    expect(tokenKind(jwt({ alg: 'HS256' }, { scope: 'scope:client:outgoing?appSid=AP1' }))).toBe(
      'capability',
    );
    expect(tokenKind('garbage')).toBe('unknown');
  });
});
