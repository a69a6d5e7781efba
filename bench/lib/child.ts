import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { LOOPBACK } from './repo.ts';

const live = new Set<ChildProcess>();
let hooked = false;

/** Kills every child still running; safe to call twice. Runs on exit and on Ctrl-C too. */
export function killAllChildren(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
}

/** Registers a child so it is killed at exit or Ctrl-C; removed again once it exits. */
export function track(child: ChildProcess): void {
  hookExit();
  live.add(child);
  child.once('exit', () => live.delete(child));
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // @note A bench that throws half way must never leave a Prism or help desk listening behind it.
  process.once('exit', killAllChildren);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren();
      process.exit(130);
    });
  }
}

/** A free TCP port on 127.0.0.1 (bound then released; the caller binds it next). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A started child and the output line that said it was ready. */
export interface ReadyChild {
  child: ChildProcess;
  /** The match of `readyPattern` on stdout. */
  match: RegExpExecArray;
  /** Everything printed so far (stdout + stderr), for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns a process and resolves once a line of its stdout matches `readyPattern` (at once when
 * null: then poll it with `waitForHttp`). Rejects (and kills it) when it exits first or
 * `timeoutMs` passes.
 */
export function spawnReady(
  command: string,
  args: string[],
  opts: { cwd: string; readyPattern: RegExp | null; timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<ReadyChild> {
  hookExit();
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let text = '';
  const stop = async (): Promise<void> => {
    live.delete(child);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  if (opts.readyPattern === null) {
    child.stdout?.on('data', (c: Buffer) => {
      text = (text + c.toString('utf-8')).slice(-20_000);
    });
    child.stderr?.on('data', (c: Buffer) => {
      text = (text + c.toString('utf-8')).slice(-20_000);
    });
    child.once('exit', () => live.delete(child));
    return Promise.resolve({ child, match: /^/.exec('') as RegExpExecArray, output: () => text, stop });
  }
  const pattern = opts.readyPattern;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(
        new Error(
          `${command} ${args.join(' ')} not ready within ${opts.timeoutMs} ms; output: ${tail(text)}`,
        ),
      );
    }, opts.timeoutMs);
    const onData = (chunk: Buffer): void => {
      text += chunk.toString('utf-8');
      const match = pattern.exec(text);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // @note Keep draining: a child whose pipe fills up blocks on its next log line.
        child.stdout?.on('data', (c: Buffer) => {
          text = (text + c.toString('utf-8')).slice(-20_000);
        });
        resolve({ child, match, output: () => text, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      text = (text + c.toString('utf-8')).slice(-20_000);
    });
    child.once('error', (err) => {
      clearTimeout(timer);
      live.delete(child);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      reject(new Error(`${command} exited (${code ?? signal}) before it was ready; output: ${tail(text)}`));
    });
  });
}

/** The last lines of a child's output, short enough for an error message. */
export const tail = (s: string): string => s.trim().split('\n').slice(-6).join(' | ').slice(-600);
