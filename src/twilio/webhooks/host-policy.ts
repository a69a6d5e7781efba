import { splitUrl } from './signature.ts';

/**
 * Which hosts the webhook client may call (issue 10). @note Without this, a TwiML `action`
 * or `<Redirect>` written by anyone who controls a webhook response could make callrig fetch
 * arbitrary addresses from the developer's machine (SSRF). Default: loopback plus the hosts
 * of configured App URLs; `allowedHosts` widens it.
 */
export interface HostPolicy {
  /** True when the URL's host may be requested. */
  allows(url: string): boolean;
  /** Adds a host (lower-cased, no port), e.g. when an App is created through the admin API. */
  allowHost(host: string): void;
  /** Adds the host of a URL; ignores malformed URLs (they fail later with 11100). */
  allowUrlHost(url: string): void;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/** `allowedHosts` entries may be `*` (anything), a host, or `*.suffix`. */
export function createHostPolicy(allowedHosts: readonly string[] = []): HostPolicy {
  const exact = new Set<string>(LOOPBACK);
  const suffixes: string[] = [];
  let any = false;
  const allowHost = (host: string): void => {
    const h = host.toLowerCase();
    if (h === '*') any = true;
    else if (h.startsWith('*.')) suffixes.push(h.slice(1));
    else exact.add(h);
  };
  for (const h of allowedHosts) allowHost(h);
  return {
    allows(url) {
      if (any) return true;
      const host = splitUrl(url)?.host.toLowerCase();
      if (!host) return true; // @note malformed URLs are refused later with 11100, which is more precise
      // @note Only the exact loopback names: other 127/8 aliases are separate hosts a test or an
      // attacker may have bound, so they must be allowed explicitly.
      if (exact.has(host)) return true;
      return suffixes.some((s) => host.endsWith(s));
    },
    allowHost,
    allowUrlHost(url) {
      const host = splitUrl(url)?.host;
      if (host) allowHost(host);
    },
  };
}
