import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createVirtualClock, type TimelineEvent } from '../../src/core/index.ts';
import {
  buildHelpDesk,
  buildTokenServer,
  DEV_CREDENTIALS,
  loadHelpDeskConfig,
  loadTokenServerConfig,
  referenceEnv,
} from '../../src/servers/index.ts';
import { createTwilioFake } from '../../src/twilio/index.ts';
import { closedPort } from '../helpers/fault-server.ts';
import { type Audit, audit } from './audit.ts';
import { type CallOutcome, callerScript, PATHS, readOutcome } from './call-outcome.ts';
import { type HelpDeskProcess, spawnHelpDesk } from './helpdesk-process.ts';
import { type HoldProxy, startHoldProxy } from './hold-proxy.ts';
import { httpJson } from './http-json.ts';
import { type ResourceSnapshot, snapshot } from './resources.ts';

export interface SoakOptions {
  durationMs: number;
  concurrency: number;
  /** Stop after this many calls even if time remains. */
  maxCalls?: number;
  /** `process`: the help desk runs from its start file in a child process (needed for restarts). */
  helpDesk: 'in-process' | 'process';
  /**
   * Process mode: SIGKILL the help desk once `atMs` have passed or `afterCalls` calls are done
   * (whichever comes first), restart it `outageMs` later on the same port and database.
   */
  restart?: { atMs?: number; afterCalls?: number; outageMs: number };
  log?: (line: string) => void;
}

export interface SoakReport {
  durationMs: number;
  byPath: Record<string, number>;
  audit: Audit;
  restarts: number;
  resources: {
    before: ResourceSnapshot;
    warm: ResourceSnapshot;
    loaded: ResourceSnapshot;
    after: ResourceSnapshot;
  };
  callsAtWarm: number;
}

const DEV = DEV_CREDENTIALS;

/**
 * Concurrent help-desk calls through the fake Twilio (real sockets) against the reference token
 * server and help desk (SQLite on a temp file), then a reconciliation of every recording
 * callback with the database, and the process's descriptors, handles and heap.
 */
export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const before = await snapshot();
  const dir = mkdtempSync(join(tmpdir(), 'callrig-soak-'));
  const dbPath = join(dir, 'helpdesk.sqlite');
  try {
    // @note Driven in its own function so that, once it returns, nothing it built is reachable
    // and the "after" heap measures what the servers really left behind.
    const run = await drive(opts, dbPath);
    const ledger = audit(dbPath, run.outcomes);
    // @note The per-call ledger is the load generator's, not the servers': drop it before measuring.
    run.outcomes.length = 0;
    const after = await snapshot();
    return {
      durationMs: run.durationMs,
      byPath: run.byPath,
      audit: ledger,
      restarts: run.restarts,
      resources: { before, warm: run.warm, loaded: run.loaded, after },
      callsAtWarm: run.callsAtWarm,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface DriveResult {
  outcomes: CallOutcome[];
  byPath: Record<string, number>;
  restarts: number;
  durationMs: number;
  warm: ResourceSnapshot;
  loaded: ResourceSnapshot;
  callsAtWarm: number;
}

async function drive(opts: SoakOptions, dbPath: string): Promise<DriveResult> {
  const log = opts.log ?? (() => {});
  const clock = createVirtualClock(Date.now());
  const env = referenceEnv({ tokenKind: 'access' }, dbPath);
  const tokenApp = buildTokenServer(loadTokenServerConfig(env), { now: () => clock.now() });
  const tokenUrl = `${await tokenApp.listen({ host: '127.0.0.1', port: 0 })}/token`;
  const helpDeskPort = await closedPort();
  let inProcess: FastifyInstance | null = null;
  let child: HelpDeskProcess | null = null;
  let proxy: HoldProxy | null = null;
  if (opts.helpDesk === 'process') {
    child = await spawnHelpDesk(helpDeskPort, dbPath);
    proxy = await startHoldProxy(helpDeskPort);
  } else {
    inProcess = buildHelpDesk(loadHelpDeskConfig({ ...env, HELPDESK_PORT: String(helpDeskPort) }), {
      now: () => clock.now(),
    });
    await inProcess.listen({ host: '127.0.0.1', port: helpDeskPort });
  }
  const helpDeskUrl = `http://127.0.0.1:${proxy ? proxy.port : helpDeskPort}`;
  const fake = await createTwilioFake({
    clock,
    config: {
      accounts: [
        {
          sid: DEV.accountSid,
          authToken: DEV.authToken,
          apiKeys: [{ sid: DEV.apiKeySid, secret: DEV.apiKeySecret }],
        },
      ],
      apps: [
        {
          sid: DEV.appSid,
          accountSid: DEV.accountSid,
          voiceUrl: `${helpDeskUrl}/voice`,
          statusCallback: `${helpDeskUrl}/status-callback`,
        },
      ],
    },
  });
  const origin = await fake.listen();

  const outcomes: CallOutcome[] = [];
  const byPath: Record<string, number> = {};
  let next = 0;
  let restarts = 0;
  const started = Date.now();
  const deadline = started + opts.durationMs;
  const more = (): boolean => Date.now() < deadline && (opts.maxCalls === undefined || next < opts.maxCalls);

  const oneCall = async (n: number): Promise<CallOutcome> => {
    const kind = PATHS[n % PATHS.length] ?? 'message';
    byPath[kind] = (byPath[kind] ?? 0) + 1;
    const fail = (why: string): CallOutcome => ({
      ...readOutcome(n, kind, '', 'none', []),
      callSid: null,
      connectError: why,
    });
    try {
      const t = await httpJson('POST', tokenUrl);
      const token = (t.json as { twilio?: { token?: string } } | null)?.twilio?.token;
      if (!token) return fail(`token server answered ${t.status}`);
      const c = await httpJson('POST', `${origin}/callrig/v1/connect`, {
        token,
        caller: callerScript(kind, n),
      });
      const body = c.json as {
        callSid?: string;
        status?: string;
        timeline?: TimelineEvent[];
        message?: string;
      };
      if (c.status !== 200 || !body.callSid)
        return fail(`connect answered ${c.status}: ${body.message ?? ''}`);
      return readOutcome(n, kind, body.callSid, body.status ?? '', body.timeline ?? []);
    } catch (e) {
      return fail((e as Error).message);
    }
  };
  const worker = async (): Promise<void> => {
    while (more()) outcomes.push(await oneCall(next++));
  };
  const restarter = async (): Promise<void> => {
    if (!opts.restart || !child || !proxy) return;
    const at = Date.now() + (opts.restart.atMs ?? Number.POSITIVE_INFINITY);
    const afterCalls = opts.restart.afterCalls ?? Number.POSITIVE_INFINITY;
    while (Date.now() < at && outcomes.length < afterCalls && more())
      await new Promise((r) => setTimeout(r, 5));
    if (!more()) return;
    // @note Hold new connections until a recording callback is in flight, then kill: calls that
    // are mid-recording must see the outage too, not only calls that have not started.
    proxy.hold(/ \/recording-callback /);
    const holdUntil = Date.now() + 3000;
    while (proxy.held() === 0 && Date.now() < holdUntil) await new Promise((r) => setTimeout(r, 5));
    log(
      `killing the help desk (SIGKILL) after ${outcomes.length} calls; in flight: ${proxy
        .heldRequests()
        .map((l) => l.split(' ')[1])
        .join(', ')}`,
    );
    await child.kill();
    proxy.release();
    await new Promise((r) => setTimeout(r, opts.restart?.outageMs));
    child = await spawnHelpDesk(helpDeskPort, dbPath);
    restarts++;
    log(`help desk restarted on the same port and database after ${outcomes.length} calls`);
  };

  // @note Warm up first (JIT, SQLite pages, lazy requires), so the heap baseline is not start-up noise.
  const warmCalls = Math.min(opts.concurrency * 4, opts.maxCalls ?? Number.POSITIVE_INFINITY);
  while (next < warmCalls && Date.now() < deadline) outcomes.push(await oneCall(next++));
  const warm = await snapshot();
  const callsAtWarm = outcomes.length;
  const progress = setInterval(
    () => log(`${outcomes.length} calls, ${Math.round((Date.now() - started) / 1000)} s`),
    15_000,
  );
  await Promise.all([...Array.from({ length: opts.concurrency }, worker), restarter()]);
  clearInterval(progress);
  await new Promise((r) => setTimeout(r, 200)); // late status callbacks
  const loaded = await snapshot();

  await fake.close();
  await tokenApp.close();
  if (inProcess) await inProcess.close();
  if (child) await (child as HelpDeskProcess).stop();
  if (proxy) await proxy.close();
  return { outcomes, byPath, restarts, durationMs: Date.now() - started, warm, loaded, callsAtWarm };
}

/** The figures, one per line, for the CLI and for test failure messages. */
export function formatReport(r: SoakReport): string {
  const a = r.audit;
  const mb = (b: number) => `${(b / 1_048_576).toFixed(1)} MB`;
  const { before, warm, loaded, after } = r.resources;
  const perCall = (loaded.heapUsedBytes - warm.heapUsedBytes) / Math.max(1, a.calls - r.callsAtWarm);
  return [
    `calls: ${a.calls} in ${(r.durationMs / 1000).toFixed(1)} s (${Object.entries(r.byPath)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}); connect errors: ${a.connectErrors}`,
    `recorded: ${a.recorded}, callbacks acknowledged (200): ${a.acknowledged}, failed with a code in the timeline: ${a.failedWithCode}, help-desk restarts: ${r.restarts}`,
    `database rows: ${a.rows}; LOST: ${a.lost.length}; DOUBLED: ${a.doubled.length}; phantom rows: ${a.phantom.length}; failed silently: ${a.silent.length}; stored though unacknowledged: ${a.storedUnacknowledged}; calls that met the help desk down (11205): ${a.refusedCalls}`,
    `fds: ${before.fds} before, ${loaded.fds} under load, ${after.fds} after; active handles: ${before.handles} before, ${after.handles} after ${JSON.stringify(after.handleKinds)}`,
    `heap after GC: ${mb(before.heapUsedBytes)} before, ${mb(warm.heapUsedBytes)} warm, ${mb(loaded.heapUsedBytes)} at the end (${(perCall / 1024).toFixed(1)} kB/call retained while the fake holds every call), ${mb(after.heapUsedBytes)} after teardown (growth ${mb(after.heapUsedBytes - before.heapUsedBytes)})`,
    ...a.lost.slice(0, 10).map((s) => `  lost: ${s}`),
    ...a.doubled.slice(0, 10).map((s) => `  doubled: ${s}`),
    ...a.silent.slice(0, 10).map((s) => `  silent: ${s}`),
  ].join('\n');
}
