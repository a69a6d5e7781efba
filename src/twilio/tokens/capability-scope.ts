/**
 * Parses a capability token's `scope` claim (twilio-voice.md §7.2):
 * `scope:client:outgoing?appSid=AP…&clientName=alice&appParams=<double-encoded>`.
 */

export interface CapabilityScopes {
  outgoing?: { appSid?: string; clientName?: string; params: [string, string][] };
  incoming?: { clientName?: string };
}

/** Reads every scope URI; unknown scopes (e.g. stream:subscribe) are ignored. */
export function parseScope(scope: string): CapabilityScopes {
  const out: CapabilityScopes = {};
  for (const uri of scope.split(' ').filter(Boolean)) {
    const q = uri.indexOf('?');
    const name = q === -1 ? uri : uri.slice(0, q);
    const query = parseQuery(q === -1 ? '' : uri.slice(q + 1));
    if (name === 'scope:client:outgoing') {
      const appParams = query.get('appParams');
      out.outgoing = {
        appSid: query.get('appSid'),
        clientName: query.get('clientName'),
        // @note appParams is encoded twice: once decoded by parseQuery, once more here.
        params: appParams ? [...parseQuery(appParams).entries()] : [],
      };
    } else if (name === 'scope:client:incoming') {
      out.incoming = { clientName: query.get('clientName') };
    }
  }
  return out;
}

/**
 * `a=1&b=2` with percent-decoding of each value. @note Not URLSearchParams: it turns `+` into a
 * space, while the scope encoder (JavaScript `escape`) leaves `+` bare.
 */
function parseQuery(query: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of query.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const key = safeDecode(eq === -1 ? pair : pair.slice(0, eq));
    map.set(key, safeDecode(eq === -1 ? '' : pair.slice(eq + 1)));
  }
  return map;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return unescape(value);
  }
}
