import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { Clock } from '../../core/clock/clock.ts';
import type { IdSource } from '../../core/ids/id-source.ts';
import type { ApnsEnvironment } from '../types.ts';
import { type ApnsAttempt, type ApnsFault, handleExchange } from './apns-exchange.ts';
import { DeviceRegistry } from './device-registry.ts';
import {
  newSessionAuthState,
  type ProviderCertificate,
  ProviderCredentials,
  type ProviderKey,
  type SessionAuthState,
} from './provider-auth.ts';
import { generateSelfSignedCertificate } from './x509.ts';

/**
 * The fake APNs provider API over real HTTP/2 (catapush-apns.md §2).
 *
 * @note Plain node:http2 rather than Fastify `http2: true`: the rules need things Fastify's
 * request abstraction hides or makes awkward — per-connection auth state (one team per
 * connection, the 20-minute token-update rule), `rawHeaders` to spot repeated headers, the TLS
 * client certificate, GOAWAY with JSON debug data on shutdown, and two listeners (sandbox and
 * production) sharing one token registry. The pure decisions live in voip-rules.ts.
 */
export type { ApnsAttempt, ApnsFault } from './apns-exchange.ts';

export interface FakeApnsOptions {
  clock: Clock;
  ids: IdSource;
  keys?: ProviderKey[];
  certificates?: ProviderCertificate[];
  /** Also open a cleartext h2c listener for the sandbox (raw-protocol tests). */
  h2c?: boolean;
  /** `apns.jwtClock`: judge JWT `iat` on the wall clock (default) or the injected clock. */
  jwtClock?: 'wall' | 'virtual';
  /** Wall time source (tests may pin it). Defaults to Date.now. */
  wallNow?: () => number;
  tokenUpdateMinIntervalSeconds?: number;
  jwtFutureSkewSeconds?: number;
  strictTokenLength?: boolean;
  strictPushType?: boolean;
  host?: string;
}

export interface FakeApns {
  listen(): Promise<void>;
  close(): Promise<void>;
  /** Sandbox HTTPS origin, e.g. `https://127.0.0.1:54321`. */
  readonly url: string;
  readonly urls: { sandbox: string; production: string; h2c: string | null };
  readonly ports: { sandbox: number; production: number; h2c: number | null };
  /** PEM of the self-signed server certificate: pass it as `ca` to clients. */
  readonly certPem: string;
  readonly attempts: readonly ApnsAttempt[];
  /** Attempts matching every given field (e.g. `{ token, status: 410 }`). */
  findAttempts(filter: Partial<ApnsAttempt>): ApnsAttempt[];
  readonly devices: DeviceRegistry;
  readonly credentials: ProviderCredentials;
  injectFault(fault: ApnsFault): void;
}

type Listener = {
  env: ApnsEnvironment;
  transport: 'h2' | 'h2c';
  server: http2.Http2Server | http2.Http2SecureServer;
};

/** Builds the fake APNs (not listening). */
export function buildFakeApns(opts: FakeApnsOptions): FakeApns {
  const host = opts.host ?? '127.0.0.1';
  const wallNow = opts.wallNow ?? Date.now;
  const tls = generateSelfSignedCertificate({
    commonName: 'callrig fake APNs',
    dnsNames: ['localhost'],
    ipAddresses: ['127.0.0.1'],
    // @note TLS judges validity on the wall clock, so the certificate uses wall time, not `clock`.
    notBefore: new Date(wallNow() - 86_400_000),
    validDays: 365,
    serialHex: `7f${opts.ids.hex(14)}`,
  });
  const credentials = new ProviderCredentials();
  for (const k of opts.keys ?? []) credentials.addKey(k);
  for (const c of opts.certificates ?? []) credentials.addCertificate(c);
  const devices = new DeviceRegistry(opts.clock, opts.ids);
  const attempts: ApnsAttempt[] = [];
  const faults: ApnsFault[] = [];
  const sessions = new Set<http2.ServerHttp2Session>();
  const authState = new WeakMap<http2.Http2Session, SessionAuthState>();

  const secure = (env: ApnsEnvironment): Listener => ({
    env,
    transport: 'h2',
    server: http2.createSecureServer({
      cert: tls.certPem,
      key: tls.keyPem,
      allowHTTP1: false,
      requestCert: true,
      rejectUnauthorized: false,
    }),
  });
  const listeners: Listener[] = [secure('sandbox'), secure('production')];
  if (opts.h2c) listeners.push({ env: 'sandbox', transport: 'h2c', server: http2.createServer() });

  const stateOf = (session: http2.Http2Session): SessionAuthState => {
    let s = authState.get(session);
    if (!s) {
      const socket = session.socket as TLSSocket;
      const peer = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : null;
      s = newSessionAuthState(peer?.fingerprint256 ? peer.fingerprint256 : null);
      authState.set(session, s);
    }
    return s;
  };

  const exchange = (l: Listener) => ({
    env: l.env,
    transport: l.transport,
    opts,
    wallNow,
    credentials,
    devices,
    attempts,
    faults,
    sessionState: stateOf,
  });
  for (const l of listeners) {
    l.server.on('session', (s: http2.ServerHttp2Session) => {
      sessions.add(s);
      s.on('close', () => sessions.delete(s));
      s.on('error', () => {});
    });
    // @note Node would answer a non-h2 client with an HTTP/1.0 403 text; Apple just drops it.
    l.server.on('unknownProtocol', (socket: { destroy(): void }) => socket.destroy());
    l.server.on(
      'stream',
      (stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders, _flags: number, raw: string[]) =>
        handleExchange(exchange(l), stream, headers, raw),
    );
  }

  const port = (l: Listener | undefined): number =>
    l ? ((l.server.address() as AddressInfo | null)?.port ?? 0) : 0;
  const api: FakeApns = {
    async listen() {
      for (const l of listeners) {
        await new Promise<void>((resolve, reject) => {
          l.server.once('error', reject);
          l.server.listen(0, host, () => resolve());
        });
      }
    },
    async close() {
      for (const s of sessions) {
        if (!s.closed && !s.destroyed)
          s.goaway(http2.constants.NGHTTP2_NO_ERROR, 0, Buffer.from('{"reason":"Shutdown"}'));
        s.close();
      }
      await Promise.all(listeners.map((l) => new Promise<void>((r) => l.server.close(() => r()))));
    },
    get url() {
      return `https://${host}:${port(listeners[0])}`;
    },
    get urls() {
      const h2c = listeners[2];
      return {
        sandbox: `https://${host}:${port(listeners[0])}`,
        production: `https://${host}:${port(listeners[1])}`,
        h2c: h2c ? `http://${host}:${port(h2c)}` : null,
      };
    },
    get ports() {
      return {
        sandbox: port(listeners[0]),
        production: port(listeners[1]),
        h2c: listeners[2] ? port(listeners[2]) : null,
      };
    },
    certPem: tls.certPem,
    attempts,
    findAttempts: (filter) =>
      attempts.filter((a) => Object.entries(filter).every(([k, v]) => a[k as keyof ApnsAttempt] === v)),
    devices,
    credentials,
    injectFault(f) {
      faults.push({ ...f, times: f.times ?? 1 });
    },
  };
  return api;
}
