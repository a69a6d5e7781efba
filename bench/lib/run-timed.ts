import { spawn } from 'node:child_process';
import { track } from './child.ts';

/** Outcome of a process run to completion. */
export interface TimedRun {
  code: number | null;
  wallMs: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command to completion (killed after `timeoutMs`) and times it from spawn to exit. */
export function runTimed(
  command: string,
  args: string[],
  opts: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<TimedRun> {
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout = (stdout + c.toString('utf-8')).slice(-200_000);
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf-8')).slice(-50_000);
  });
  return new Promise((resolve) => {
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs);
    const end = (code: number | null): void => {
      clearTimeout(timer);
      resolve({ code, wallMs: performance.now() - t0, stdout, stderr, timedOut });
    };
    child.once('error', (err) => {
      stderr += String(err);
      end(null);
    });
    child.once('close', (code) => end(code));
  });
}
