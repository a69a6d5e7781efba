import twilio from 'twilio';
import type { TokenServerConfig } from './config.ts';
import { atInstant } from './pin-clock.ts';

const { AccessToken, ClientCapability } = twilio.jwt;
const { VoiceGrant } = AccessToken;

/** What one token request resolved to. */
export interface MintRequest {
  /** The caller's identity; undefined only in open mode with no default (the brief's anonymous caller). */
  readonly identity: string | undefined;
  /** Epoch ms of "now"; undefined means the real clock. */
  readonly nowMs: number | undefined;
}

/**
 * Mints the configured kind of token with twilio's own jwt classes.
 *
 * Capability: `scope:client:outgoing?appSid=…[&clientName=<identity>][&appParams=…]`, plus
 * `scope:client:incoming?clientName=<identity>` when incoming is on and there is an identity.
 * Access: a VoiceGrant with the outgoing App (and params), `incoming.allow` and the push
 * credential; identity defaults to `Anonymous`, since Access Tokens require one.
 */
export function mintToken(config: TokenServerConfig, request: MintRequest): string {
  const build =
    config.kind === 'access' ? () => accessToken(config, request) : () => capabilityToken(config, request);
  return request.nowMs === undefined ? build() : atInstant(request.nowMs, build);
}

function capabilityToken(config: TokenServerConfig, { identity }: MintRequest): string {
  const capability = new ClientCapability({
    accountSid: config.accountSid,
    authToken: config.authToken,
    ttl: config.ttlSeconds,
  });
  capability.addScope(
    new ClientCapability.OutgoingClientScope({
      applicationSid: config.appSid,
      ...(identity === undefined ? {} : { clientName: identity }),
      // @note twilio's scope type says `params?: any`; it escapes each key/value itself.
      ...(config.appParams === undefined ? {} : { params: { ...config.appParams } }),
    }),
  );
  if (config.allowIncoming && identity !== undefined) {
    capability.addScope(new ClientCapability.IncomingClientScope(identity));
  }
  return capability.toJwt();
}

function accessToken(config: TokenServerConfig, { identity }: MintRequest): string {
  // @note The loader guarantees both for kind=access; the checks keep the types honest.
  if (config.apiKeySid === undefined || config.apiKeySecret === undefined) {
    throw new Error('access tokens need TWILIO_API_KEY_SID and TWILIO_API_KEY_SECRET');
  }
  const token = new AccessToken(config.accountSid, config.apiKeySid, config.apiKeySecret, {
    identity: identity ?? 'Anonymous',
    ttl: config.ttlSeconds,
  });
  token.addGrant(
    new VoiceGrant({
      outgoingApplicationSid: config.appSid,
      ...(config.appParams === undefined ? {} : { outgoingApplicationParams: { ...config.appParams } }),
      incomingAllow: config.allowIncoming,
      ...(config.pushCredentialSid === undefined ? {} : { pushCredentialSid: config.pushCredentialSid }),
    }),
  );
  return token.toJwt();
}
