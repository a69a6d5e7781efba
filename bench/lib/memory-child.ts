/**
 * Entry point of the memory bench's child (`node --expose-gc --import tsx`): runs help-desk
 * calls through bench/engine.ts in one process and prints, as one JSON line, the heap and RSS
 * after a full GC at 1,000 calls and at the target count (default 100,000).
 * argv: [targetCalls] [maxSeconds]
 */
import { runEngineBench } from '../engine.ts';

const target = Number(process.argv[2] ?? 100_000);
const maxMs = Number(process.argv[3] ?? 120) * 1000;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const settle = (): NodeJS.MemoryUsage => {
  // @note Two passes: the first can leave weak/finalizable objects for the second.
  gc();
  gc();
  return process.memoryUsage();
};

const t0 = performance.now();
await runEngineBench({ calls: 1_000 });
const at1k = settle();
let done = 1_000;
const CHUNK = 9_900;
while (done < target && performance.now() - t0 < maxMs) {
  const n = Math.min(CHUNK, target - done);
  await runEngineBench({ calls: n });
  done += n;
}
const atEnd = settle();
const pick = (m: NodeJS.MemoryUsage) => ({
  heapUsed: m.heapUsed,
  heapTotal: m.heapTotal,
  rss: m.rss,
  external: m.external,
});
process.stdout.write(
  `${JSON.stringify({ calls: done, wallMs: performance.now() - t0, at1k: pick(at1k), atEnd: pick(atEnd) })}\n`,
);
