import { describe, expect, it } from 'vitest';
import { AccountStore, TwilioConfigError } from '../../../src/twilio/accounts/account-store.ts';
import { createHostPolicy } from '../../../src/twilio/webhooks/host-policy.ts';
import { parseOverrides } from '../../../src/twilio/webhooks/url-overrides.ts';

describe('connection overrides in the URL fragment (§5.1)', () => {
  it('defaults: ct 5000, rt 15000, tt 15000, rc 1, rp ct', () => {
    const o = parseOverrides('http://h/x');
    expect(o).toMatchObject({ ct: 5000, rt: 15000, tt: 15000, rc: 1, ttExplicit: false });
    expect([...o.rp]).toEqual(['ct']);
  });

  it('reads and clamps values; invalid rp → 11243 warning and default', () => {
    const o = parseOverrides('http://h/x?q=1#ct=50&rt=99999&rc=9&rp=4xx,5xx&tt=2000');
    expect(o).toMatchObject({ ct: 100, rt: 15000, rc: 5, tt: 2000, ttExplicit: true });
    expect([...o.rp]).toEqual(['4xx', '5xx']);
    expect(o.warnings.length).toBe(3);
    const bad = parseOverrides('http://h/x#rp=sometimes');
    expect(bad.warnings[0]?.code).toBe(11243);
    expect([...bad.rp]).toEqual(['ct']);
    expect([...parseOverrides('http://h/#rp=all').rp].sort()).toEqual(['4xx', '5xx', 'ct', 'rt']);
  });
});

describe('host policy (issue 10)', () => {
  it('allows loopback and configured hosts only', () => {
    const p = createHostPolicy(['*.example.org']);
    expect(p.allows('http://127.0.0.1:3000/x')).toBe(true);
    expect(p.allows('http://localhost/x')).toBe(true);
    expect(p.allows('https://help.example.org/x')).toBe(true);
    expect(p.allows('http://169.254.169.254/latest')).toBe(false);
    expect(p.allows('http://evil.test/')).toBe(false);
    p.allowUrlHost('https://u:p@Desk.Example.com:8443/voice');
    expect(p.allows('https://desk.example.com/other')).toBe(true);
  });

  it('learns App URL hosts from the account store', () => {
    const p = createHostPolicy();
    const store = new AccountStore((app) => p.allowUrlHost(app.voiceUrl));
    store.load({
      accounts: [{ sid: `AC${'1'.repeat(32)}`, authToken: 't' }],
      apps: [
        {
          sid: `AP${'1'.repeat(32)}`,
          accountSid: `AC${'1'.repeat(32)}`,
          voiceUrl: 'https://ivr.example.net/voice',
        },
      ],
    });
    expect(p.allows('https://ivr.example.net/recording-callback')).toBe(true);
  });
});

describe('config validation names every bad field', () => {
  it('collects all problems', () => {
    const store = new AccountStore();
    try {
      store.load({
        accounts: [{ sid: 'AC1', authToken: '' }],
        apps: [{ sid: 'APx', voiceUrl: 'ftp://x', extra: 1 }],
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(TwilioConfigError);
      const paths = (err as TwilioConfigError).problems.map((p) => p.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          '/accounts/0/sid',
          '/accounts/0/authToken',
          '/apps/0/sid',
          '/apps/0/voiceUrl',
          '/apps/0',
        ]),
      );
    }
  });

  it('refuses an App for an unknown account', () => {
    const store = new AccountStore();
    expect(() =>
      store.addApp({
        sid: `AP${'2'.repeat(32)}`,
        accountSid: `AC${'2'.repeat(32)}`,
        voiceUrl: 'http://127.0.0.1/v',
      }),
    ).toThrow(/accountSid/);
  });
});
