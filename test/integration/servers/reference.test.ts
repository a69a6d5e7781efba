import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { DEV_CREDENTIALS, startReferenceServers } from '../../../src/servers/reference.ts';
import { verifyJwt } from '../../unit/servers/jwt-oracle.ts';
import { tempDir } from './temp-dir.ts';

describe('startReferenceServers', () => {
  it('starts both servers on 127.0.0.1 with the dev credentials and cleans up its temp database', async () => {
    const servers = await startReferenceServers({ now: () => Date.UTC(2032, 0, 1) });
    expect(new URL(servers.tokenUrl).hostname).toBe('127.0.0.1');
    expect(new URL(servers.helpDeskUrl).hostname).toBe('127.0.0.1');
    expect(servers.configs.token).toMatchObject({ accountSid: DEV_CREDENTIALS.accountSid, authMode: 'open' });
    expect(servers.configs.helpDesk).toMatchObject({
      authToken: DEV_CREDENTIALS.authToken,
      validateSignatures: true,
    });

    const tokenRes = await fetch(servers.tokenUrl, { method: 'POST' });
    const { twilio: body } = (await tokenRes.json()) as { twilio: { token: string } };
    const { payload } = verifyJwt(body.token, DEV_CREDENTIALS.authToken, Date.UTC(2032, 0, 1) / 1000);
    expect(payload).toMatchObject({
      iss: DEV_CREDENTIALS.accountSid,
      scope: `scope:client:outgoing?appSid=${DEV_CREDENTIALS.appSid}`,
      exp: Date.UTC(2032, 0, 1) / 1000 + 300,
    });

    const url = `${servers.helpDeskUrl}/voice`;
    const params = { CallSid: 'CA00000000000000000000000000000002', From: 'client:Anonymous' };
    const voice = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilio.getExpectedTwilioSignature(DEV_CREDENTIALS.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(voice.status).toBe(200);
    expect(await voice.text()).toContain(`action="${servers.helpDeskUrl}/recording-callback"`);

    const dbDir = dirname(servers.configs.helpDesk.dbPath);
    expect(existsSync(servers.configs.helpDesk.dbPath)).toBe(true);
    await servers.close();
    expect(existsSync(dbDir)).toBe(false);
  });

  it('issues access tokens when asked and keeps a given database file', async () => {
    const dir = tempDir();
    const dbPath = join(dir.path, 'h.sqlite');
    const servers = await startReferenceServers({ tokenKind: 'access', dbPath });
    const res = await fetch(servers.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'alice' }),
    });
    const { twilio: body } = (await res.json()) as { twilio: { token: string } };
    expect(verifyJwt(body.token, DEV_CREDENTIALS.apiKeySecret).payload).toMatchObject({
      iss: DEV_CREDENTIALS.apiKeySid,
      sub: DEV_CREDENTIALS.accountSid,
      grants: { identity: 'alice' },
    });
    await servers.close();
    expect(existsSync(dbPath)).toBe(true);
    dir.remove();
  });
});
