import { isSid } from '../../core/index.ts';
import type { AccountStore } from '../accounts/account-store.ts';
import type { AccountConfig, TwimlAppConfig } from '../accounts/types.ts';
import { parseScope } from './capability-scope.ts';
import { decodeJwt, isDecoded, isSupportedAlg, verifyHmac } from './jwt.ts';

/** A token Twilio would accept: who is calling, through which App, with which token params. */
export interface AcceptedToken {
  ok: true;
  kind: 'access' | 'capability';
  account: AccountConfig;
  app: TwimlAppConfig;
  /** `client:<identity>` without the prefix; `Anonymous` when a capability scope has no clientName. */
  identity: string;
  /** `grants.voice.outgoing.params` or capability `appParams`, in token order. */
  tokenParams: [string, string][];
  /** Non-fatal notes (identity characters outside [A-Za-z0-9_]). */
  warnings: string[];
}

/** A refusal: root cause (20xxx/21218) and what the SDK would show (31xxx). */
export interface RefusedToken {
  ok: false;
  code: number;
  sdkCode: number;
  message: string;
}

export type TokenCheck = AcceptedToken | RefusedToken;

export interface TokenCheckContext {
  accounts: AccountStore;
  /** Now, in epoch ms, from the fake's clock (virtual time). */
  nowMs: number;
  /** Tolerance for exp/nbf (tokens.clockSkewSeconds, default 0). */
  clockSkewSeconds?: number;
}

const ACCESS_CTY = 'twilio-fpa;v=1';
const DAY = 86_400;

const refuse = (code: number, sdkCode: number, message: string): RefusedToken => ({
  ok: false,
  code,
  sdkCode,
  message,
});

/**
 * Checks a Voice SDK token in Twilio's order (twilio-voice.md §7.4); the first failure wins.
 * @example checkToken(jwt, { accounts, nowMs: clock.now() })
 */
export function checkToken(token: unknown, ctx: TokenCheckContext): TokenCheck {
  if (typeof token !== 'string' || token.trim() === '') return refuse(31102, 31102, 'No token was presented');
  const decoded = decodeJwt(token.trim());
  if (!isDecoded(decoded)) {
    const capability = decoded.header !== undefined && decoded.header.cty === undefined;
    return capability
      ? refuse(20160, 31204, 'Capability token is not a JWT: payload is not base64url JSON')
      : refuse(20101, 31204, `Token is not a JWT: ${decoded.part} is not base64url JSON`);
  }
  const { header, payload } = decoded;
  const hasGrants = typeof payload.grants === 'object' && payload.grants !== null;
  const isAccess = header.cty === ACCESS_CTY || hasGrants;
  if (!isAccess && typeof payload.scope !== 'string')
    return refuse(20101, 31204, 'Token has neither grants nor scope');
  const now = ctx.nowMs / 1000;
  const skew = ctx.clockSkewSeconds ?? 0;

  // 3. header
  if (isAccess) {
    if (header.cty !== ACCESS_CTY)
      return refuse(20102, 31204, `Access Token header cty must be "${ACCESS_CTY}"`);
    if (!isSupportedAlg(header.alg, ['HS256', 'HS384', 'HS512']))
      return refuse(20102, 31204, `Unsupported alg ${String(header.alg)}`);
  } else if (header.cty !== undefined || header.alg !== 'HS256') {
    return refuse(20152, 31204, 'Capability token header must be {"alg":"HS256","typ":"JWT"} without cty');
  }

  // 4. issuer / subject, 5. signature
  let account: AccountConfig | undefined;
  if (isAccess) {
    const iss = String(payload.iss ?? '');
    const sub = String(payload.sub ?? '');
    const key = isSid(iss, 'SK') ? ctx.accounts.apiKey(iss) : undefined;
    account = isSid(sub, 'AC') ? ctx.accounts.account(sub) : undefined;
    if (!account) return refuse(20103, 31203, `Unknown account in sub: ${sub || '(missing)'}`);
    if (!key || key.account.sid !== account.sid)
      return refuse(20103, 31203, `API key ${iss || '(missing)'} is unknown or not owned by ${sub}`);
    if (!verifyHmac(decoded, key.secret))
      return refuse(20107, 31202, 'Access Token signature does not match the API key secret');
  } else {
    const iss = String(payload.iss ?? '');
    account = isSid(iss, 'AC') ? ctx.accounts.account(iss) : undefined;
    if (!account) return refuse(20153, 31203, `Unknown account in iss: ${iss || '(missing)'}`);
    if (!verifyHmac(decoded, account.authToken))
      return refuse(20159, 31202, "Capability token signature does not match the account's auth token");
  }

  // 6.–8. lifetime, on the fake's clock
  const exp = payload.exp;
  if (typeof exp !== 'number' || exp + skew <= now) {
    return isAccess
      ? refuse(20104, 31205, 'Access Token expired')
      : refuse(20156, 31205, 'Capability token expired');
  }
  if (exp - now > DAY + skew) {
    return isAccess
      ? refuse(20104, 31207, 'Access Token ttl exceeds 24 hours')
      : refuse(20157, 31207, 'Capability token expires more than 24 hours from now');
  }
  if (isAccess && typeof payload.nbf === 'number' && payload.nbf - skew > now)
    return refuse(20105, 31204, 'Access Token not yet valid (nbf)');

  // 9. outgoing grant, 10. App
  const warnings: string[] = [];
  let appSid: string | undefined;
  let identity = 'Anonymous';
  let tokenParams: [string, string][] = [];
  if (isAccess) {
    const grants = payload.grants as {
      identity?: unknown;
      voice?: { outgoing?: { application_sid?: unknown; params?: unknown } };
    };
    const outgoing = grants.voice?.outgoing;
    if (!outgoing || typeof outgoing.application_sid !== 'string')
      return refuse(20106, 31204, 'No voice.outgoing grant with an application_sid');
    appSid = outgoing.application_sid;
    if (typeof grants.identity === 'string' && grants.identity !== '') identity = grants.identity;
    if (outgoing.params && typeof outgoing.params === 'object') {
      tokenParams = Object.entries(outgoing.params as Record<string, unknown>).map(([k, v]) => [
        k,
        String(v),
      ]);
    }
  } else {
    const scopes = parseScope(String(payload.scope));
    if (!scopes.outgoing?.appSid)
      return refuse(20106, 31204, 'Capability token has no scope:client:outgoing with an appSid');
    appSid = scopes.outgoing.appSid;
    if (scopes.outgoing.clientName) identity = scopes.outgoing.clientName;
    tokenParams = scopes.outgoing.params;
  }
  if (identity.length > 256) return refuse(31105, 31105, 'Client identity longer than 256 characters');
  if (!/^[A-Za-z0-9_]+$/.test(identity))
    warnings.push(
      `[callrig] identity "${identity}" has characters outside [A-Za-z0-9_]; mobile SDKs refuse it`,
    );
  const app = ctx.accounts.app(appSid);
  if (!app || app.accountSid !== account.sid)
    return refuse(21218, 31001, `Application ${appSid} not found in account ${account.sid}`);
  return {
    ok: true,
    kind: isAccess ? 'access' : 'capability',
    account,
    app,
    identity,
    tokenParams,
    warnings,
  };
}
