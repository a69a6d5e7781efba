/**
 * The http bench's measurements and their table: one `Level` per help-desk queue and
 * concurrency, each with callrig's rate and the two autocannon ceilings, plus CPU time per
 * unit of work on both sides (the figure that survives a busy machine).
 */
import { fmt, ratio } from '../table.ts';
import type { BenchReport, BenchTable } from '../types.ts';
import type { LoadResult } from './load.ts';

export type QueueKind = 'sqlite' | 'memory';

/** One autocannon ceiling, with the help desk's CPU per request while it ran. */
export interface Ceiling extends LoadResult {
  helpDeskCpuUsPerRequest: number | null;
}

/** One callrig measurement at a level: Twilio-faithful (new sockets) or with `webhooks.keepAlive`. */
export interface CallrigRun {
  calls: number;
  failed: number;
  callsPerSec: number;
  requestsPerSec: number;
  callrigCpuMsPerCall: number;
  helpDeskCpuUsPerRequest: number | null;
}

export interface Level {
  queue: QueueKind;
  concurrency: number;
  calls: number;
  failed: number;
  callsPerSec: number;
  requestsPerSec: number;
  /** Simulated length of one call (its status callback's CallDuration). */
  callDurationSec: number;
  /** CPU of this process (fake Twilio + engine + driver) per completed call. */
  callrigCpuMsPerCall: number;
  /** Help-desk CPU per request while callrig drove it. */
  helpDeskCpuUsPerRequest: number | null;
  keepAlive: Ceiling;
  newSocket: Ceiling;
  /** The same calls with `webhooks.keepAlive: true`, compared with the keep-alive ceiling. */
  pooled: CallrigRun;
}

/** Keeps the faster of two rounds for each of the three measurements separately. */
export function bestOf(a: Level, b: Level): Level {
  const callrig = b.callsPerSec > a.callsPerSec ? b : a;
  const pooled = b.pooled.callsPerSec > a.pooled.callsPerSec ? b.pooled : a.pooled;
  return {
    ...callrig,
    failed: a.failed + b.failed,
    pooled: { ...pooled, failed: a.pooled.failed + b.pooled.failed },
    keepAlive: b.keepAlive.requestsPerSec > a.keepAlive.requestsPerSec ? b.keepAlive : a.keepAlive,
    newSocket: b.newSocket.requestsPerSec > a.newSocket.requestsPerSec ? b.newSocket : a.newSocket,
  };
}

const us = (v: number | null): string => (v === null ? '–' : fmt(v, 0));

/** The http bench's report: rates and ratios, then the CPU cost table. */
export function httpReport(levels: Level[], seconds: number, rounds: number, target: number): BenchReport {
  const label = (l: Level): string => (l.queue === 'sqlite' ? 'SQLite (as shipped)' : 'in-memory, no fsync');
  const rates: BenchTable = {
    title: `http: help-desk calls through the fake Twilio vs the autocannon ceiling (best of ${rounds} interleaved ${fmt(seconds, 1)} s rounds)`,
    columns: [
      'help desk queue',
      'conc',
      'callrig webhooks',
      'calls/s',
      'callrig req/s',
      'matching ceiling',
      'ceiling req/s',
      'ratio',
      'errors',
    ],
    rows: levels.flatMap((l) => [
      [
        label(l),
        String(l.concurrency),
        'new socket (Twilio)',
        fmt(l.callsPerSec, 1),
        fmt(l.requestsPerSec, 0),
        'new socket',
        fmt(l.newSocket.requestsPerSec, 0),
        ratio(l.requestsPerSec / l.newSocket.requestsPerSec),
        String(l.failed + l.newSocket.errors),
      ],
      [
        label(l),
        String(l.concurrency),
        'keepAlive (opt-in)',
        fmt(l.pooled.callsPerSec, 1),
        fmt(l.pooled.requestsPerSec, 0),
        'keep-alive',
        fmt(l.keepAlive.requestsPerSec, 0),
        ratio(l.pooled.requestsPerSec / l.keepAlive.requestsPerSec),
        String(l.pooled.failed + l.keepAlive.non2xx + l.keepAlive.errors),
      ],
    ]),
    notes: [
      `3 signed requests per call (voice, recording-callback, status-callback); target ratio ≥ ${target}, each callrig mode against its matching ceiling`,
      'ceiling = autocannon replaying the same bodies, re-signed, a fresh RecordingSid each time (the queue dedupes on it)',
      '"new socket" = Twilio\'s behaviour and callrig\'s default: Connection: close on a fresh socket per request; autocannon reconnects per request',
      '"keepAlive" = callrig with webhooks.keepAlive: true (pooled sockets); autocannon keeps its connections open',
      'the help desk runs in its own process; SQLite queue = synchronous=FULL, one fsync per recording callback on the event loop',
    ],
  };
  const fastest = levels.reduce((a, b) => (b.callsPerSec > a.callsPerSec ? b : a));
  rates.notes?.push(
    `one call simulates ${fmt(fastest.callDurationSec)} s, so ${fmt(fastest.callsPerSec)} calls/s = ${fmt(fastest.callsPerSec * fastest.callDurationSec)} simulated s per wall s over real HTTP`,
  );
  const cpu: BenchTable = {
    title: 'http: CPU time per unit of work (steadier than rates on a shared machine)',
    columns: [
      'help desk queue',
      'conc',
      'callrig ms/call',
      'calls/s per core',
      'keepAlive ms/call',
      'help desk µs/req: callrig',
      'callrig keepAlive',
      'ceiling keep-alive',
      'ceiling new socket',
    ],
    rows: levels.map((l) => [
      label(l),
      String(l.concurrency),
      fmt(l.callrigCpuMsPerCall, 2),
      fmt(1000 / l.callrigCpuMsPerCall, 0),
      fmt(l.pooled.callrigCpuMsPerCall, 2),
      us(l.helpDeskCpuUsPerRequest),
      us(l.pooled.helpDeskCpuUsPerRequest),
      us(l.keepAlive.helpDeskCpuUsPerRequest),
      us(l.newSocket.helpDeskCpuUsPerRequest),
    ]),
    notes: [
      'callrig ms/call = CPU of the process running the fake Twilio, the engine and the driver (token check, 3 signed requests on fresh sockets); keepAlive ms/call = the same with pooled sockets',
      'help desk µs/req = the help-desk process CPU (from /proc) divided by requests served; the server cost of a new socket shows here',
    ],
  };
  return {
    tables: [rates, cpu],
    figures: {
      target,
      levels: levels.map((l) => ({
        ...l,
        ratioKeepAlive: l.requestsPerSec / l.keepAlive.requestsPerSec,
        ratioNewSocket: l.requestsPerSec / l.newSocket.requestsPerSec,
        ratioPooledKeepAlive: l.pooled.requestsPerSec / l.keepAlive.requestsPerSec,
      })),
    },
  };
}
