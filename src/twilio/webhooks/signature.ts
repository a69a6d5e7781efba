import { createHmac } from 'node:crypto';

/**
 * X-Twilio-Signature, as Twilio computes it for voice webhooks (shared/fidelity/twilio-voice.md §6).
 * @note The URL is never run through `new URL()`: WHATWG normalisation (lower-cased host, added
 * trailing slash, re-encoded quotes) would sign a string other than the one the app rebuilds.
 */

/** Splits `scheme://[user@]host[:port]rest` without normalising anything. */
export interface UrlParts {
  scheme: string;
  userInfo: string;
  host: string;
  /** With its leading colon, or '' when absent. */
  port: string;
  /** Path, query and fragment exactly as written. */
  rest: string;
}

/** Splits a URL into its raw parts, or null when it has no `scheme://` prefix. */
export function splitUrl(url: string): UrlParts | null {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return null;
  const [prefix, scheme = '', authority = ''] = match;
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  const colon = hostPort.indexOf(':', hostPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: at === -1 ? '' : authority.slice(0, at),
    host: colon === -1 ? hostPort : hostPort.slice(0, colon),
    port: colon === -1 ? '' : hostPort.slice(colon),
    rest: url.slice(prefix.length),
  };
}

/** Removes the `#fragment` (timer overrides live there, §5.1). */
export function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/**
 * The URL string Twilio signs: credentials and fragment removed, port dropped for https (§6.1 steps 1–3).
 * @example signedUrl('https://u:p@h.example:8443/v?x=1#rc=2') // 'https://h.example/v?x=1'
 */
export function signedUrl(url: string): string {
  const bare = stripFragment(url);
  const parts = splitUrl(bare);
  if (!parts) return bare;
  const port = parts.scheme.toLowerCase() === 'https://' ? '' : parts.port;
  return parts.scheme + parts.host + port + parts.rest;
}

/** The URL as it goes on the wire: credentials and fragment removed, port kept. */
export function wireUrl(url: string): string {
  const bare = stripFragment(url);
  const parts = splitUrl(bare);
  if (!parts) return bare;
  return parts.scheme + parts.host + parts.port + parts.rest;
}

/**
 * The string to sign for a POST: URL then `name + value` for each parameter sorted by name;
 * a repeated name contributes its de-duplicated, sorted values (twilio-node's rule).
 */
export function stringToSign(url: string, params: ReadonlyArray<readonly [string, string]>): string {
  const byName = new Map<string, Set<string>>();
  for (const [name, value] of params) {
    const set = byName.get(name) ?? new Set<string>();
    set.add(value);
    byName.set(name, set);
  }
  let data = url;
  for (const name of [...byName.keys()].sort()) {
    for (const value of [...(byName.get(name) ?? [])].sort()) data += name + value;
  }
  return data;
}

/**
 * HMAC-SHA1 of the string to sign, keyed with the account's auth token, base64 with padding.
 * For GET requests pass the full URL as sent (query included) and no params.
 */
export function computeSignature(
  authToken: string,
  url: string,
  params: ReadonlyArray<readonly [string, string]> = [],
): string {
  return createHmac('sha1', authToken)
    .update(Buffer.from(stringToSign(url, params), 'utf-8'))
    .digest('base64');
}

/**
 * Form encoding as Twilio sends it: everything but `A-Za-z0-9-_.~` percent-encoded, space as `+`.
 * @note URLSearchParams would leave `*` bare and encode `~`; Twilio does the opposite (§4.1).
 */
export function formEncode(params: ReadonlyArray<readonly [string, string]>): string {
  return params.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&');
}

function encodeComponent(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
