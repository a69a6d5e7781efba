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
}

/** Keeps the faster of two rounds for each of the three measurements separately. */
export function bestOf(a: Level, b: Level): Level {
  const callrig = b.callsPerSec > a.callsPerSec ? b : a;
  return {
    ...callrig,
    failed: a.failed + b.failed,
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
      'calls/s',
      'callrig req/s',
      'ceiling keep-alive',
      'ratio',
      'ceiling new socket',
      'ratio',
      'errors',
    ],
    rows: levels.map((l) => [
      label(l),
      String(l.concurrency),
      fmt(l.callsPerSec, 1),
      fmt(l.requestsPerSec, 0),
      fmt(l.keepAlive.requestsPerSec, 0),
      ratio(l.requestsPerSec / l.keepAlive.requestsPerSec),
      fmt(l.newSocket.requestsPerSec, 0),
      ratio(l.requestsPerSec / l.newSocket.requestsPerSec),
      String(l.failed + l.keepAlive.non2xx + l.keepAlive.errors + l.newSocket.errors),
    ]),
    notes: [
      `3 signed requests per call (voice, recording-callback, status-callback); target ratio ≥ ${target}`,
      'ceiling = autocannon replaying the same bodies, re-signed, a fresh RecordingSid each time (the queue dedupes on it)',
      '"new socket" = autocannon reconnecting per request, as Twilio (and callrig) send Connection: close on a fresh socket',
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
      'help desk µs/req: callrig',
      'keep-alive',
      'new socket',
    ],
    rows: levels.map((l) => [
      label(l),
      String(l.concurrency),
      fmt(l.callrigCpuMsPerCall, 2),
      fmt(1000 / l.callrigCpuMsPerCall, 0),
      us(l.helpDeskCpuUsPerRequest),
      us(l.keepAlive.helpDeskCpuUsPerRequest),
      us(l.newSocket.helpDeskCpuUsPerRequest),
    ]),
    notes: [
      'callrig ms/call = CPU of the process running the fake Twilio, the engine and the driver (token check, 3 signed requests on fresh sockets)',
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
      })),
    },
  };
}
