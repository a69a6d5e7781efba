import net from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A fault-injecting HTTP/1.1 server on loopback, written on node:net so it can misbehave in
 * ways node:http would not let it (reset mid-body, lie about Content-Encoding, omit
 * Content-Type, trickle bytes, stall before the status line). Routes are matched on the path
 * without its query; each route decides what to do with the raw socket.
 */

/** One request as the server saw it. */
export interface FaultHit {
  method: string;
  path: string;
  /** Path with query, as on the request line. */
  target: string;
  headers: Record<string, string>;
  body: string;
}

/** What a route handler can do with the connection. */
export interface FaultExchange {
  readonly hit: FaultHit;
  /** A complete response; `Content-Length` is added unless `chunked` or given. */
  respond(r: FaultResponse): void;
  /** Bytes as they are, then nothing (the caller decides whether to end or reset). */
  write(bytes: string | Buffer): void;
  /** TCP RST: the peer sees ECONNRESET. */
  reset(): void;
  /** FIN after whatever was written. */
  end(): void;
  /** Never answer (the socket stays open until the client gives up or the server closes). */
  stall(): void;
}

export interface FaultResponse {
  status: number;
  /** Header name → value; a `null` value sends nothing for that header. */
  headers?: Record<string, string | null>;
  body?: string | Buffer;
  /** Send the body with Transfer-Encoding: chunked in one chunk (or none if empty). */
  chunked?: boolean;
}

export type FaultHandler = (x: FaultExchange) => void;

export interface FaultServer {
  /** `http://host:port`. */
  readonly origin: string;
  readonly hits: FaultHit[];
  /** TCP connections accepted since start (for "never connected" checks). */
  connections(): number;
  /** Sockets currently open. */
  openSockets(): number;
  route(path: string, handler: FaultHandler): void;
  /** Resolves once no socket is open (or rejects after `ms`). */
  drained(ms?: number): Promise<void>;
  close(): Promise<void>;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const MAX_HEAD = 64 * 1024;

/** Starts a fault server on `host` (default 127.0.0.1), any free port. */
export async function startFaultServer(host = '127.0.0.1'): Promise<FaultServer> {
  const routes = new Map<string, FaultHandler>();
  const hits: FaultHit[] = [];
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    let done = false;
    const onData = (chunk: Buffer): void => {
      if (done) return;
      buf = Buffer.concat([buf, chunk]);
      const headEnd = buf.indexOf('\r\n\r\n');
      if (headEnd < 0) {
        if (buf.length > MAX_HEAD) socket.destroy();
        return;
      }
      const head = buf.subarray(0, headEnd).toString('latin1').split('\r\n');
      const [method = '', target = ''] = (head[0] ?? '').split(' ');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length - headEnd - 4 < length) return;
      done = true;
      socket.off('data', onData);
      const hit: FaultHit = {
        method,
        target,
        path: target.split('?')[0] ?? target,
        headers,
        body: buf.subarray(headEnd + 4, headEnd + 4 + length).toString('utf-8'),
      };
      hits.push(hit);
      const handler =
        routes.get(hit.path) ??
        ((x: FaultExchange) =>
          x.respond({ status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'no route' }));
      handler(exchange(socket, hit));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    origin: `http://${host}:${port}`,
    hits,
    connections: () => accepted,
    openSockets: () => sockets.size,
    route(path, handler) {
      routes.set(path, handler);
    },
    async drained(ms = 5000) {
      const until = Date.now() + ms;
      while (sockets.size > 0) {
        if (Date.now() > until)
          throw new Error(`fault server: ${sockets.size} socket(s) still open after ${ms} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function exchange(socket: net.Socket, hit: FaultHit): FaultExchange {
  const write = (bytes: string | Buffer): void => {
    if (!socket.destroyed) socket.write(bytes);
  };
  return {
    hit,
    respond(r) {
      write(responseBytes(r));
      socket.end();
    },
    write,
    reset() {
      if (!socket.destroyed) socket.resetAndDestroy();
    },
    end() {
      socket.end();
    },
    stall() {},
  };
}

/** Serialises a response exactly as given (no header is added but Content-Length / chunking). */
export function responseBytes(r: FaultResponse): Buffer {
  const body =
    r.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(r.body) ? r.body : Buffer.from(r.body, 'utf-8');
  const lines = [`HTTP/1.1 ${r.status} ${STATUS_TEXT[r.status] ?? 'Status'}`, 'Connection: close'];
  const given = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [k, v] of Object.entries(r.headers ?? {})) if (v !== null) lines.push(`${k}: ${v}`);
  let payload = body;
  if (r.chunked) {
    lines.push('Transfer-Encoding: chunked');
    payload = Buffer.concat([
      body.length > 0 ? Buffer.from(`${body.length.toString(16)}\r\n`) : Buffer.alloc(0),
      body,
      Buffer.from(body.length > 0 ? '\r\n0\r\n\r\n' : '0\r\n\r\n'),
    ]);
  } else if (!('content-length' in given)) lines.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

/** A port on `host` that nothing listens on (bound, then released). */
export async function closedPort(host = '127.0.0.1'): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, host, () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const XML = { 'Content-Type': 'text/xml' };

/** The canned faults of issue 10, by name; each is a handler to mount with `route()`. */
export const faults = {
  /** Valid TwiML. */
  twiml:
    (doc: string): FaultHandler =>
    (x) =>
      x.respond({ status: 200, headers: XML, body: doc }),
  status:
    (status: number, body = 'error', type = 'text/html'): FaultHandler =>
    (x) =>
      x.respond({ status, headers: { 'Content-Type': type }, body }),
  redirect:
    (status: number, location: string): FaultHandler =>
    (x) =>
      x.respond({ status, headers: { Location: location, 'Content-Type': 'text/html' }, body: '' }),
  /** Reads the request, then RST before any byte of response. */
  resetBeforeResponse: (): FaultHandler => (x) => x.reset(),
  /** Status line, headers promising 400 bytes, 20 bytes of body, then RST. */
  resetMidBody: (): FaultHandler => (x) => {
    x.write(
      'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 400\r\nConnection: close\r\n\r\n<Response><Say>half',
    );
    setTimeout(() => x.reset(), 20);
  },
  /** Never answers. */
  stall: (): FaultHandler => (x) => x.stall(),
  /** Headers then part of the body, then silence. */
  stallMidBody: (): FaultHandler => (x) =>
    x.write(
      'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 400\r\nConnection: close\r\n\r\n<Response>',
    ),
  /** The body in `pieces` writes, `gapMs` apart (chunked encoding). */
  trickle:
    (doc: string, pieces: number, gapMs: number): FaultHandler =>
    (x) => {
      x.write(
        'HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n',
      );
      const size = Math.ceil(doc.length / pieces);
      let i = 0;
      const next = (): void => {
        const part = doc.slice(i * size, (i + 1) * size);
        i++;
        if (part.length === 0) {
          x.write('0\r\n\r\n');
          x.end();
          return;
        }
        x.write(`${Buffer.byteLength(part).toString(16)}\r\n${part}\r\n`);
        setTimeout(next, gapMs);
      };
      next();
    },
  /** A well-formed TwiML document of more than `bytes` bytes. */
  huge:
    (bytes: number, chunked = false): FaultHandler =>
    (x) => {
      const say = `<Say>${'a'.repeat(1000)}</Say>`;
      const body = `<Response>${say.repeat(Math.ceil(bytes / say.length))}</Response>`;
      x.respond({ status: 200, headers: XML, body, chunked });
    },
  contentType:
    (type: string | null, body = '<Response><Say>typed</Say></Response>'): FaultHandler =>
    (x) =>
      x.respond({ status: 200, headers: { 'Content-Type': type }, body }),
  /** Content-Encoding: gzip with bytes that are not gzip. */
  badGzip: (): FaultHandler => (x) =>
    x.respond({
      status: 200,
      headers: { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' },
      body: Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x01, 0x02]),
    }),
  /** Content-Encoding: gzip with a real gzip of valid TwiML (Twilio sends no Accept-Encoding). */
  gzip:
    (doc: string): FaultHandler =>
    (x) =>
      x.respond({
        status: 200,
        headers: { 'Content-Type': 'text/xml', 'Content-Encoding': 'gzip' },
        body: gzipSync(doc),
      }),
};
