import net from 'node:net';

/** One HTTP/1.1 request as bytes on the wire (Content-Length always right, Connection: close). */
export interface RawRequest {
  method: string;
  /** Request target, already encoded as it goes on the request line. */
  target: string;
  headers: Array<[string, string]>;
  body: Buffer;
}

export type RawResponse =
  | { kind: 'response'; status: number; head: string; body: string }
  | { kind: 'no-response'; reason: string };

/** Sends `req` to `origin` over a fresh socket; never rejects. */
export function sendRaw(origin: string, req: RawRequest, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(origin);
  const lines = [`${req.method} ${req.target} HTTP/1.1`, `Host: ${hostname}:${port}`, 'Connection: close'];
  for (const [k, v] of req.headers) lines.push(`${k}: ${v}`);
  lines.push(`Content-Length: ${req.body.length}`);
  const bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), req.body]);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (r: RawResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const socket = net.connect({ host: hostname, port: Number(port) });
    const timer = setTimeout(
      () =>
        finish(parse(chunks) ?? { kind: 'no-response', reason: `no complete answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      finish(parse(chunks) ?? { kind: 'no-response', reason: `socket error ${e.code ?? e.message}` }),
    );
    socket.on('close', () =>
      finish(parse(chunks) ?? { kind: 'no-response', reason: 'connection closed without a response' }),
    );
    socket.write(bytes);
  });
}

function parse(chunks: Buffer[]): RawResponse | null {
  const text = Buffer.concat(chunks).toString('utf-8');
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
  if (!m) return null;
  const end = text.indexOf('\r\n\r\n');
  return {
    kind: 'response',
    status: Number(m[1]),
    head: end < 0 ? text : text.slice(0, end),
    body: end < 0 ? '' : text.slice(end + 4),
  };
}
