/**
 * Entry point of the memory bench's second child (`node --expose-gc --import tsx`): help-desk
 * calls through the fake Twilio (connect + three signed webhooks to a help desk in a third
 * process), with `retention.maxCalls` set, and the heap after a full GC at each checkpoint.
 * Shows what the fake keeps per call below the cap, and that it stops growing past it.
 * argv: <maxCalls> <maxSeconds> <checkpoint>… ; prints one JSON line.
 */
import { createVirtualClock } from '../../src/core/index.ts';
import { createTwilioFake } from '../../src/twilio/index.ts';
import { runBounded } from './bounded.ts';
import { spawnReady } from './child.ts';
import { devCapabilityToken, devTwilioConfig, LEAVE_MESSAGE } from './helpdesk-call.ts';

const [maxCallsArg, maxSecondsArg, ...checkpointArgs] = process.argv.slice(2);
const maxCalls = Number(maxCallsArg ?? 1_000);
const maxMs = Number(maxSecondsArg ?? 25) * 1000;
const checkpoints = checkpointArgs.map(Number).filter((n) => n > 0);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const helpDesk = await spawnReady(
  process.execPath,
  ['--import', 'tsx', 'bench/lib/helpdesk-child.ts', 'sqlite'],
  {
    cwd: process.cwd(),
    readyPattern: /HELPDESK_URL=(\S+)/,
    timeoutMs: 20_000,
  },
);
try {
  const fake = await createTwilioFake({
    clock: createVirtualClock(Date.now()),
    config: devTwilioConfig(helpDesk.match[1] as string),
    // @note Only set when the fake knows the option; older fakes ignore unknown keys.
    ...({ retention: { maxCalls } } as object),
  });
  const token = devCapabilityToken();
  const call = async (): Promise<boolean> => (await fake.connect({ token, caller: LEAVE_MESSAGE })).ok;
  const t0 = performance.now();
  let done = 0;
  const points: Array<{ calls: number; heapUsed: number }> = [];
  for (const checkpoint of checkpoints) {
    const left = maxMs - (performance.now() - t0);
    if (left <= 0) break;
    const r = await runBounded({ concurrency: 8, maxCount: checkpoint - done, maxMs: left }, call);
    done += r.done;
    points.push({ calls: done, heapUsed: heap() });
  }
  process.stdout.write(`${JSON.stringify({ maxCalls, points, wallMs: performance.now() - t0 })}\n`);
  await fake.close();
} finally {
  await helpDesk.stop();
}
