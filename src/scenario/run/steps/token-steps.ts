import { fetchTwilioToken } from '../../../push/device/token-fetch.ts';
import { tokenRequestHeaders } from '../../../runtime/reference-servers.ts';
import { mintToken as mintWithTwilio } from '../../../servers/index.ts';
import { referenceEnv } from '../../../servers/reference.ts';
import { loadTokenServerConfig } from '../../../servers/token/config.ts';
import { parseDuration } from '../../load/duration.ts';
import type { Failure, FetchTokenStep, MintTokenStep, TokenOutcome } from '../../types.ts';
import type { StepContext, StepHandler } from '../types.ts';

/** A TwiML App SID that exists in no account (for "token for the wrong app"). */
export const FOREIGN_APP_SID = `AP${'f'.repeat(32)}`;

/** The outcome of one token fetch, as `expect` compares it. */
interface Fetched {
  ok: boolean;
  code?: string;
  status?: number;
  message?: string;
}

/**
 * The app asks the token server for a token (the brief's `POST /token`, read `twilio.token`).
 * The token is kept for the next `call`.
 */
export const fetchToken: StepHandler<FetchTokenStep['fetchToken']> = async (ctx, arg, where) => {
  const opts = arg === true ? {} : arg;
  const got = await fetchAppToken(ctx, opts.identity);
  return compareTokenOutcome(opts.expect ?? 'ok', got, where);
};

/** Fetches a token as the app does, emitting `token.fetched` / `token.failed`. */
export async function fetchAppToken(ctx: StepContext, identity?: string): Promise<Fetched> {
  const { harness } = ctx;
  const url = harness.urls.token;
  const headers = tokenRequestHeaders(harness.config);
  const res = await fetchTwilioToken(url, identity === undefined ? {} : { identity }, headers);
  const device = harness.config.device.id;
  if (res.ok) {
    ctx.token = res.token;
    ctx.emit({ type: 'token.fetched', device, url, tokenKind: res.kind });
    return { ok: true };
  }
  const status = /HTTP (\d{3})/.exec(res.message)?.[1];
  ctx.emit({
    type: 'token.failed',
    device,
    url,
    code: res.code,
    message: res.message,
    ...(status ? { status: Number(status) } : {}),
  });
  return { ok: false, code: res.code, message: res.message, ...(status ? { status: Number(status) } : {}) };
}

function compareTokenOutcome(expect: TokenOutcome, got: Fetched, where: string): Failure[] {
  const describe = got.ok ? 'a token' : `${got.code}: ${got.message}`;
  if (expect === 'ok')
    return got.ok
      ? []
      : [{ where, message: `expected a token, got ${describe}`, expected: 'ok', actual: got }];
  if (typeof expect === 'string') {
    return got.code === expect
      ? []
      : [
          {
            where,
            message: `expected the token fetch to fail with ${expect}, got ${describe}`,
            expected: expect,
            actual: got,
          },
        ];
  }
  const statusOk = got.status === expect.status;
  const codeOk =
    expect.code === undefined || got.code === expect.code || (got.message ?? '').includes(expect.code);
  return statusOk && codeOk
    ? []
    : [
        {
          where,
          message: `expected the token server to answer HTTP ${expect.status}${expect.code ? ` (${expect.code})` : ''}, got ${describe}`,
          expected: expect,
          actual: got,
        },
      ];
}

/**
 * Mints a token directly with twilio's own jwt classes, bypassing the token server: expired,
 * for an App that does not exist, tampered with, … The token is kept for the next `call`.
 */
export const mintToken: StepHandler<MintTokenStep['mintToken']> = async (ctx, arg) => {
  const { harness, clock } = ctx;
  const c = harness.config;
  const ttl =
    arg.ttl === undefined ? undefined : Math.max(1, Math.round((parseDuration(arg.ttl) ?? 1000) / 1000));
  const kind = arg.kind ?? c.device.tokenKind;
  const env = {
    ...referenceEnv({ tokenKind: kind }, ':memory:'),
    TWILIO_ACCOUNT_SID: c.twilio.accountSid,
    TWILIO_AUTH_TOKEN: c.twilio.authToken,
    TWILIO_TWIML_APP_SID: arg.wrongApp ? FOREIGN_APP_SID : c.twilio.appSid,
    TWILIO_API_KEY_SID: c.twilio.apiKeySid,
    TWILIO_API_KEY_SECRET: c.twilio.apiKeySecret,
    TWILIO_PUSH_CREDENTIAL_SID: c.twilio.pushCredentialSid,
    ...(ttl === undefined ? {} : { TOKEN_TTL_SECONDS: String(ttl) }),
    ...(arg.incoming ? { TOKEN_ALLOW_INCOMING: 'true' } : {}),
  };
  const config = loadTokenServerConfig(env);
  // @note Expired: minted far enough in the past that its exp is behind the fake's clock.
  const nowMs = arg.expired ? clock.now() - (config.ttlSeconds + 60) * 1000 : clock.now();
  let token = mintWithTwilio(config, { identity: arg.identity, nowMs });
  if (arg.tamper) token = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
  ctx.token = token;
  ctx.emit({
    type: 'device.token-minted',
    device: c.device.id,
    tokenKind: kind,
    ...(arg.expired ? { expired: true } : {}),
    ...(arg.wrongApp ? { appSid: FOREIGN_APP_SID } : {}),
    ...(arg.tamper ? { tampered: true } : {}),
  });
  return [];
};
