/**
 * prism: creating a call (`POST /2010-04-01/Accounts/{AC}/Calls.json`, form To/From/Url, Basic
 * auth) against Stoplight Prism mocking Twilio's published OpenAPI description, and against
 * callrig's fake REST API; same load generator (autocannon), same run, same connections.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEV_CREDENTIALS } from '../src/servers/index.ts';
import { freePort, type ReadyChild, spawnReady } from './lib/child.ts';
import { type LoadResult, load } from './lib/load.ts';
import { LOOPBACK, SHARED_DIR } from './lib/repo.ts';
import { waitForHttp } from './lib/wait-http.ts';
import { fmt, ratio } from './table.ts';
import type { Bench, BenchContext, BenchReport } from './types.ts';

const TARGET = 10;
const CONNECTIONS = 16;
const BUSY_NUMBER = '+15005550006';
const PATH = `/2010-04-01/Accounts/${DEV_CREDENTIALS.accountSid}/Calls.json`;

/** The request both servers get, byte for byte. */
function createCallRequest(voiceUrl: string) {
  const auth = Buffer.from(`${DEV_CREDENTIALS.accountSid}:${DEV_CREDENTIALS.authToken}`).toString('base64');
  return [
    {
      method: 'POST' as const,
      path: PATH,
      body: new URLSearchParams({ To: BUSY_NUMBER, From: '+15005550001', Url: voiceUrl }).toString(),
      headers: {
        authorization: `Basic ${auth}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
    },
  ];
}

/** Prism's CLI entry, from the installed package (never a download at run time). */
function prismEntry(repoRoot: string): string | null {
  try {
    const pkgPath = createRequire(join(repoRoot, 'package.json')).resolve(
      '@stoplight/prism-cli/package.json',
    );
    const entry = join(dirname(pkgPath), 'dist', 'index.js');
    return existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

async function sample(origin: string, req: ReturnType<typeof createCallRequest>[number]): Promise<string> {
  const res = await fetch(`${origin}${req.path}`, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  const sid = /"sid"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? '?';
  const status = /"status"\s*:\s*"([^"]+)"/.exec(text)?.[1] ?? '?';
  return `${res.status}, sid ${sid}, status ${status}`;
}

async function run(ctx: BenchContext): Promise<BenchReport> {
  const spec = join(SHARED_DIR, 'data', 'twilio-oai', 'twilio_api_v2010.json');
  if (!existsSync(spec)) return skipped(`Twilio's OpenAPI file not found at ${spec}`);
  const entry = prismEntry(ctx.repoRoot);
  if (!entry) return skipped('@stoplight/prism-cli is not installed (npm install -D @stoplight/prism-cli)');
  const seconds = Math.max(1, 4 * ctx.scale);
  let prism: ReadyChild | undefined;
  let fake: ReadyChild | undefined;
  try {
    const port = await freePort();
    const prismOrigin = `http://${LOOPBACK}:${port}`;
    const t0 = performance.now();
    // @note -v error: Prism logs every request at its default level; silencing it is Prism's best case.
    prism = await spawnReady(
      process.execPath,
      [entry, 'mock', '-h', LOOPBACK, '-p', String(port), '-v', 'error', spec],
      {
        cwd: ctx.repoRoot,
        readyPattern: null,
        timeoutMs: 60_000,
      },
    );
    await waitForHttp(`${prismOrigin}/`, 60_000, prism);
    const prismStartMs = performance.now() - t0;

    const config = {
      accounts: [{ sid: DEV_CREDENTIALS.accountSid, authToken: DEV_CREDENTIALS.authToken }],
      // @note A busy callee: the call ends after its 201 without fetching TwiML, so both servers
      // do the REST work only (Prism executes nothing); the http bench measures execution.
      callees: { [BUSY_NUMBER]: { outcome: 'busy' } },
    };
    // @note In its own process, as Prism is: the load generator gets this process's core for both.
    fake = await spawnReady(process.execPath, ['--import', 'tsx', 'bench/lib/twilio-child.ts'], {
      cwd: ctx.repoRoot,
      readyPattern: /TWILIO_URL=(\S+)/,
      timeoutMs: 20_000,
      env: { ...process.env, BENCH_TWILIO_CONFIG: JSON.stringify(config) },
    });
    const fakeOrigin = fake.match[1] as string;
    const requests = createCallRequest(`http://${LOOPBACK}:9/voice`);
    const samples = {
      prism: await sample(prismOrigin, requests[0] as never),
      callrig: await sample(fakeOrigin, requests[0] as never),
    };
    // @note Warm both (JIT, Prism's lazy spec work) before measuring.
    await load({ url: prismOrigin, connections: 4, durationSec: 1, requests });
    await load({ url: fakeOrigin, connections: 4, durationSec: 1, requests });
    const prismLoad = await load({
      url: prismOrigin,
      connections: CONNECTIONS,
      durationSec: seconds,
      requests,
    });
    const callrigLoad = await load({
      url: fakeOrigin,
      connections: CONNECTIONS,
      durationSec: seconds,
      requests,
    });
    return report(prismLoad, callrigLoad, samples, prismStartMs, seconds);
  } catch (err) {
    return skipped((err as Error).message);
  } finally {
    await fake?.stop();
    await prism?.stop();
  }
}

function report(
  prism: LoadResult,
  callrig: LoadResult,
  samples: { prism: string; callrig: string },
  prismStartMs: number,
  seconds: number,
): BenchReport {
  const row = (name: string, r: LoadResult, returns: string): string[] => [
    name,
    fmt(r.requestsPerSec),
    fmt(r.p50Ms, 1),
    fmt(r.p99Ms, 1),
    String(r.non2xx + r.errors),
    returns,
  ];
  const x = callrig.requestsPerSec / prism.requestsPerSec;
  return {
    tables: [
      {
        title: `prism: POST …/Calls.json, autocannon ${CONNECTIONS} connections, ${seconds} s each`,
        columns: ['server', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx+errors', 'first response'],
        rows: [
          row('Prism 5.14 mock (own process)', prism, samples.prism),
          row('callrig fake REST (own process)', callrig, samples.callrig),
        ],
        notes: [
          `callrig / Prism = ${ratio(x, 1)} (target ≥ ${TARGET}×) → ${x >= TARGET ? 'met' : 'MISSED'}`,
          "Prism validates the request against Twilio's OpenAPI file and returns the spec's example (same CAaaa… sid every time); it executes nothing",
          'callrig checks Basic auth and the form (Twilio error codes), mints a CallSid, registers the call, answers 201 queued, then dials the callee (busy here, so no TwiML is fetched)',
          `Prism needed ${fmt(prismStartMs / 1000, 1)} s to load the 1.9 MB spec and listen; it ran offline from node_modules`,
        ],
      },
    ],
    figures: { prism, callrig, ratio: x, target: TARGET, samples, prismStartMs, connections: CONNECTIONS },
  };
}

function skipped(reason: string): BenchReport {
  return {
    tables: [{ title: 'prism', columns: ['measure', 'result'], rows: [['prism', `skipped: ${reason}`]] }],
    figures: { skipped: reason },
  };
}

export const prismBench: Bench = {
  name: 'prism',
  summary: 'create-call req/s: Stoplight Prism mocking Twilio OpenAPI vs callrig fake REST API',
  run,
};
