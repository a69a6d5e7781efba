import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/fuzz.ts';
import { httpTarget } from '../../fuzz/targets/http-target.ts';
import type { FuzzTarget } from '../../fuzz/types.ts';

/** The fuzzer must catch what it claims to catch: a leaked stack trace, a 5xx, an unhandled rejection. */
function brokenService(behaviour: (req: http.IncomingMessage, res: http.ServerResponse) => void): FuzzTarget {
  return httpTarget('broken', 1, async () => {
    const server = http.createServer(behaviour);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      shape: { paths: ['/a', '/b'] },
      close: () => new Promise<void>((r) => server.close(() => r())),
    };
  });
}

describe('the fuzz harness detects failures', () => {
  it('a stack trace in a 400 body, shrunk to a counterexample with a replayable seed', async () => {
    const target = brokenService((req, res) => {
      if (req.url?.startsWith('/b')) res.writeHead(400).end(new Error('leak').stack);
      else res.writeHead(200).end('ok');
    });
    const [r] = await runFuzz({ runs: 200, seed: 1, timeLimitMs: 20_000, targets: [target] });
    expect(r).toMatchObject({ failed: true });
    expect(r?.failure).toMatch(/stack trace/);
    expect(r?.counterexample).toMatch(/"\/b/);
  });

  it('a 500 without a stack', async () => {
    const target = brokenService((_req, res) => res.writeHead(500).end('{"error":"Internal"}'));
    const [r] = await runFuzz({ runs: 20, seed: 1, timeLimitMs: 20_000, targets: [target] });
    expect(r?.failure).toMatch(/HTTP 500/);
  });

  it('an unhandled rejection inside the code under test', async () => {
    const target: FuzzTarget = {
      name: 'rejects',
      weight: 1,
      async open() {
        return {
          arbitrary: fc.nat(5),
          async run(n) {
            if (n === 3) void Promise.reject(new Error('forgotten promise'));
          },
          async close() {},
        };
      },
    };
    const [r] = await runFuzz({ runs: 50, seed: 5, timeLimitMs: 20_000, targets: [target] });
    expect(r?.tripwires.join()).toMatch(/unhandledRejection: Error: forgotten promise/);
    expect(r?.failed).toBe(true);
  });
});
