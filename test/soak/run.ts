import { formatReport, runSoak } from './soak.ts';

/**
 * `npm run soak -- [--minutes 5] [--concurrency 8] [--no-restart]`
 * Concurrent help-desk calls through the fake Twilio against the reference servers; the help
 * desk runs from its start file and is SIGKILLed and restarted a third of the way in. Prints
 * calls, callbacks lost/doubled, descriptors, handles and heap; exits 1 on any loss.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const minutes = Number(arg('minutes') ?? 5);
const concurrency = Number(arg('concurrency') ?? 8);
const restart = !process.argv.includes('--no-restart');
if (!(minutes > 0) || !Number.isInteger(concurrency) || concurrency < 1) {
  console.error('usage: npm run soak -- [--minutes N] [--concurrency C] [--no-restart]');
  process.exit(2);
}
const durationMs = minutes * 60_000;
console.log(
  `soak: ${minutes} min, concurrency ${concurrency}, help desk in a child process${restart ? ', SIGKILL + restart at 1/3' : ''}`,
);
const report = await runSoak({
  durationMs,
  concurrency,
  helpDesk: 'process',
  ...(restart ? { restart: { atMs: Math.round(durationMs / 3), outageMs: 2000 } } : {}),
  log: (l) => console.log(`  ${l}`),
});
console.log(formatReport(report));
const a = report.audit;
const leakedFds = report.resources.after.fds - report.resources.before.fds;
const ok =
  a.lost.length === 0 &&
  a.doubled.length === 0 &&
  a.silent.length === 0 &&
  a.phantom.length === 0 &&
  leakedFds <= 0;
console.log(ok ? 'soak: OK' : 'soak: FAILED');
process.exitCode = ok ? 0 : 1;
