import { createVirtualClock, type VirtualClock } from '../../../src/core/index.ts';
import { DEV_CREDENTIALS, type ReferenceServers, startReferenceServers } from '../../../src/servers/index.ts';
import type { TokenKind } from '../../../src/servers/token/config.ts';
import { createTwilioFake, type TwilioFake, type TwilioFakeOptions } from '../../../src/twilio/index.ts';

/** The reference servers plus the fake Twilio, on 127.0.0.1, sharing one virtual clock. */
export interface Stack {
  clock: VirtualClock;
  servers: ReferenceServers;
  fake: TwilioFake;
  origin: string;
  token(): Promise<string>;
  connect(body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

export const DEV = DEV_CREDENTIALS;

/** Starts the token server, the help desk and the fake, wired with the dev credentials. */
export async function startStack(
  opts: { tokenKind?: TokenKind; fake?: TwilioFakeOptions } = {},
): Promise<Stack> {
  // @note Tokens are stamped with the clock's time; start it at wall time so twilio's own
  // classes (which read Date.now) and the token server agree with the fake.
  const clock = createVirtualClock(Date.now());
  const servers = await startReferenceServers({
    tokenKind: opts.tokenKind ?? 'capability',
    now: () => clock.now(),
  });
  const fake = await createTwilioFake({
    clock,
    config: {
      accounts: [
        {
          sid: DEV.accountSid,
          authToken: DEV.authToken,
          apiKeys: [{ sid: DEV.apiKeySid, secret: DEV.apiKeySecret }],
        },
      ],
      apps: [
        {
          sid: DEV.appSid,
          accountSid: DEV.accountSid,
          voiceUrl: `${servers.helpDeskUrl}/voice`,
          statusCallback: `${servers.helpDeskUrl}/status-callback`,
        },
      ],
    },
    ...opts.fake,
  });
  const origin = await fake.listen();
  return {
    clock,
    servers,
    fake,
    origin,
    async token() {
      const res = await fetch(servers.tokenUrl, { method: 'POST' });
      const json = (await res.json()) as { twilio: { token: string } };
      return json.twilio.token;
    },
    async connect(body) {
      const res = await fetch(`${origin}/callrig/v1/connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    async close() {
      await fake.close();
      await servers.close();
    },
  };
}
