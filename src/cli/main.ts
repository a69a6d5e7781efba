/**
 * The `callrig` entry point: the only file that reads `process` (argv, env, streams, signals).
 * Everything else receives them through `CliIo`.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const interrupted = new Promise<void>((resolve) => {
  process.once('SIGINT', () => resolve());
  process.once('SIGTERM', () => resolve());
});

const code = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), interrupted },
  pkg.version,
);

// @note Exit explicitly once output is flushed: a user's server that never answered may leave a
// webhook timer running, and a finished run must not wait for it.
process.stdout.write('', () => process.exit(code));
