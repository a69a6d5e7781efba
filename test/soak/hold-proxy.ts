import net from 'node:net';

/**
 * A TCP pass-through in front of the help desk that can hold new connections (bytes
 * buffered, upstream not yet dialled). Holding for a moment before killing the help desk
 * guarantees that recording callbacks are in flight when it dies, so the outage is seen by
 * calls mid-recording, not only by calls that had not started.
 * @note Plain TCP: the Host header still names the proxy, which is the URL the fake signed.
 */
export interface HoldProxy {
  readonly port: number;
  /** Holds new connections whose request line matches `pattern` (all, by default). */
  hold(pattern?: RegExp): void;
  /** Dials upstream for every held connection; a refused dial resets the client (RST). */
  release(): void;
  held(): number;
  /** Request lines of the held connections, e.g. `POST /recording-callback HTTP/1.1`. */
  heldRequests(): string[];
  close(): Promise<void>;
}

export async function startHoldProxy(upstreamPort: number): Promise<HoldProxy> {
  let holding: RegExp | null = null;
  const waiting: Array<{ dial: () => void; head: () => string }> = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    // @note Buffer what arrives while held, so the request line can be read (heldRequests).
    const early: Buffer[] = [];
    const collect = (c: Buffer): void => {
      early.push(c);
    };
    client.on('data', collect);
    const dial = (): void => {
      const up = net.connect({ host: '127.0.0.1', port: upstreamPort });
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      up.once('connect', () => {
        client.off('data', collect);
        up.write(Buffer.concat(early));
        client.pipe(up);
        up.pipe(client);
      });
      up.on('error', () => {
        if (!client.destroyed) client.resetAndDestroy();
      });
      client.on('close', () => up.destroy());
      up.on('end', () => client.end());
    };
    const head = (): string => Buffer.concat(early).toString('latin1').split('\r\n')[0] ?? '';
    // @note Decide on the request line, so only matching requests wait and the others flow.
    client.once('data', () => {
      if (holding?.test(head())) waiting.push({ dial, head });
      else dial();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    hold(pattern = /.*/) {
      holding = pattern;
    },
    release() {
      holding = null;
      for (const w of waiting.splice(0)) w.dial();
    },
    held: () => waiting.length,
    heldRequests: () => waiting.map((w) => w.head()),
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
