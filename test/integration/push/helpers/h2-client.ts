import http2 from 'node:http2';

export interface H2Reply {
  status: number;
  headers: http2.IncomingHttpHeaders;
  body: string;
}

/** One raw HTTP/2 request on an existing session (so per-connection rules can be exercised). */
export function h2Request(
  session: http2.ClientHttp2Session,
  path: string,
  headers: Record<string, string | string[]>,
  body?: string | Buffer,
  method = 'POST',
): Promise<H2Reply> {
  return new Promise((resolve, reject) => {
    const req = session.request(
      { ':method': method, ':path': path, ...headers },
      { endStream: body === undefined },
    );
    let status = 0;
    let respHeaders: http2.IncomingHttpHeaders = {};
    let data = '';
    req.on('response', (h) => {
      status = Number(h[':status']);
      respHeaders = h;
    });
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      data += c;
    });
    req.on('end', () => resolve({ status, headers: respHeaders, body: data }));
    req.on('error', reject);
    if (body !== undefined) req.end(body);
  });
}

export function h2Connect(url: string, ca?: string): http2.ClientHttp2Session {
  const s = http2.connect(url, ca ? { ca } : {});
  s.on('error', () => {});
  return s;
}
