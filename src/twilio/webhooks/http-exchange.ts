import http from 'node:http';
import https from 'node:https';
import { splitUrl } from './signature.ts';

/**
 * One HTTP attempt with Twilio's separate timers (connect `ct`, first byte / between packets `rt`,
 * overall deadline). @note node:http rather than fetch/undici: fetch exposes neither a connect
 * timeout distinct from the response timeout nor the raw Transfer-Encoding, and it pools
 * connections; Twilio sends `Connection: close` on a fresh socket per attempt (`agent: false`).
 * The opt-in `webhooks.keepAlive` passes `agents` instead: sockets are pooled between attempts.
 */

/** Keep-alive pools for the opt-in `webhooks.keepAlive` (one per scheme: https needs its own). */
export interface KeepAliveAgents {
  http: http.Agent;
  https: https.Agent;
}

/** One keep-alive pool per scheme; `destroyAgents` closes their sockets. */
export function createKeepAliveAgents(): KeepAliveAgents {
  return { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
}

/** Closes every pooled socket (the fake's close). */
export function destroyAgents(agents: KeepAliveAgents): void {
  agents.http.destroy();
  agents.https.destroy();
}

export interface AttemptRequest {
  method: 'GET' | 'POST';
  /** Wire URL (no credentials, no fragment), query included. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Wall-clock timers for this attempt (already scaled). */
  connectTimeoutMs: number;
  responseTimeoutMs: number;
  deadlineMs: number;
  /** Stop reading after this many bytes (the 64 kB rule only needs to know it was exceeded). */
  maxBodyBytes: number;
  /** Accept self-signed certificates on https (webhooks.allowSelfSigned). */
  allowSelfSigned: boolean;
  /** Keep-alive pools; absent (Twilio's behaviour) = a fresh socket, destroyed after the attempt. */
  agents?: KeepAliveAgents;
}

/** How an attempt ended without a complete response; `retry` is the §5.1 retry-policy class. */
export type FailureClass = 'ct' | 'rt' | 'partial' | 'dns' | 'protocol' | 'tls' | 'deadline' | 'url';

export type AttemptOutcome =
  | {
      kind: 'response';
      status: number;
      headers: http.IncomingHttpHeaders;
      body: string;
      bodyBytes: number;
      chunked: boolean;
      wallMs: number;
    }
  | { kind: 'failure'; cls: FailureClass; code: number; message: string; wallMs: number };

const TLS_CODES: Record<string, number> = {
  ERR_TLS_CERT_ALTNAME_INVALID: 11235,
  CERT_HAS_EXPIRED: 11236,
  DEPTH_ZERO_SELF_SIGNED_CERT: 11237,
  SELF_SIGNED_CERT_IN_CHAIN: 11237,
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 11237,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 11237,
};

/**
 * Performs one attempt. Never rejects.
 * @note With `agents`, a pooled socket the server dropped fails like any lost connection (class
 * `ct`, retried under the default rp=ct) and is destroyed, so the retry gets a new socket. It is
 * deliberately not re-sent behind the retry policy's back: attempts and retries stay Twilio's.
 */
export function attempt(req: AttemptRequest): Promise<AttemptOutcome> {
  const started = performance.now();
  const wall = (): number => performance.now() - started;
  return new Promise<AttemptOutcome>((resolve) => {
    let settled = false;
    let gotHeaders = false;
    const timers: NodeJS.Timeout[] = [];
    let socket: import('node:net').Socket | undefined;
    let request: http.ClientRequest | undefined;
    const finish = (outcome: AttemptOutcome, keepSocket = false): void => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      // @note One socket per attempt (Connection: close). After a parse error node leaves it
      // half-open, so it is destroyed here rather than left to the peer. Only a pooled socket
      // whose response ended cleanly goes back to its agent; any failure destroys it, so a
      // retry never reuses a dead socket.
      if (!keepSocket) {
        socket?.destroy();
        request?.socket?.destroy();
      }
      resolve(outcome);
    };
    const fail = (cls: FailureClass, code: number, message: string): void => {
      finish({ kind: 'failure', cls, code, message, wallMs: wall() });
    };

    const parts = splitUrl(req.url);
    const scheme = parts?.scheme.toLowerCase();
    if (!parts || (scheme !== 'http://' && scheme !== 'https://') || parts.host === '') {
      fail('url', 11100, `Invalid URL format: ${req.url}`);
      return;
    }
    const hashless = parts.rest === '' ? '/' : parts.rest.startsWith('/') ? parts.rest : `/${parts.rest}`;
    const lib = scheme === 'https://' ? https : http;
    let created: http.ClientRequest;
    try {
      created = lib.request({
        host: parts.host.replace(/^\[|\]$/g, ''),
        port: parts.port ? Number(parts.port.slice(1)) : undefined,
        method: req.method,
        path: hashless,
        headers: req.headers,
        agent: req.agents ? (scheme === 'https://' ? req.agents.https : req.agents.http) : false,
        rejectUnauthorized: !req.allowSelfSigned,
      });
    } catch (err) {
      fail('url', 11100, `Invalid URL format: ${req.url} (${(err as Error).message})`);
      return;
    }
    request = created;

    const abort = (cls: FailureClass, code: number, message: string): void => {
      fail(cls, code, message);
      created.destroy();
    };
    timers.push(
      setTimeout(() => abort('deadline', 11200, 'Request exceeded its total time budget'), req.deadlineMs),
    );
    const connectTimer = setTimeout(
      () => abort('ct', 11205, `No connection within ct=${Math.round(req.connectTimeoutMs)}ms`),
      req.connectTimeoutMs,
    );
    timers.push(connectTimer);
    let responseTimer: NodeJS.Timeout | undefined;
    const armResponseTimer = (): void => {
      if (responseTimer) clearTimeout(responseTimer);
      responseTimer = setTimeout(
        () =>
          gotHeaders
            ? abort('partial', 11200, 'Response stalled between packets (rt)')
            : abort('rt', 11200, `No response within rt (${Math.round(req.responseTimeoutMs)}ms wall)`),
        req.responseTimeoutMs,
      );
      timers.push(responseTimer);
    };

    created.on('socket', (s) => {
      socket = s;
      const onConnected = (): void => {
        clearTimeout(connectTimer);
        armResponseTimer();
      };
      // @note A pooled socket is already connected: no connect event comes, rt starts now.
      if (created.reusedSocket) onConnected();
      else s.once(scheme === 'https://' ? 'secureConnect' : 'connect', onConnected);
    });

    created.on('response', (res) => {
      gotHeaders = true;
      armResponseTimer();
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        armResponseTimer();
        bytes += chunk.length;
        if (bytes <= req.maxBodyBytes) chunks.push(chunk);
        else {
          // @note Enough to know the 64 kB rule is broken; no need to buffer a huge body.
          finish(responseOutcome(res, chunks, bytes, wall()));
          created.destroy();
        }
      });
      res.on('end', () => finish(responseOutcome(res, chunks, bytes, wall()), req.agents !== undefined));
      res.on('error', (err) => fail('partial', 11200, `Connection lost mid-response: ${err.message}`));
      res.on('aborted', () => fail('partial', 11200, 'Connection lost mid-response'));
    });

    created.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME')
        fail('dns', 11210, `Host name does not resolve: ${parts.host}`);
      else if (code.startsWith('HPE_')) fail('protocol', 11206, `Not an HTTP response (${code})`);
      else if (code in TLS_CODES) fail('tls', TLS_CODES[code] ?? 11220, `TLS failure: ${err.message}`);
      else if (code === 'EPROTO' || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))
        fail('tls', 11220, `TLS handshake failed: ${err.message}`);
      else if (gotHeaders) fail('partial', 11200, `Connection lost mid-response: ${err.message}`);
      // @note Refused, reset before any response, unreachable: one class, retried under rp=ct (§5.2).
      else fail('ct', 11205, `Connection failed: ${code || err.message}`);
    });

    if (req.body !== undefined) created.end(req.body);
    else created.end();
  });
}

function responseOutcome(
  res: http.IncomingMessage,
  chunks: Buffer[],
  bytes: number,
  wallMs: number,
): AttemptOutcome {
  return {
    kind: 'response',
    status: res.statusCode ?? 0,
    headers: res.headers,
    body: Buffer.concat(chunks).toString('utf-8'),
    bodyBytes: bytes,
    chunked: /chunked/i.test(String(res.headers['transfer-encoding'] ?? '')),
    wallMs,
  };
}
