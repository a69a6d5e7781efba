import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEV_CREDENTIALS } from '../../src/servers/index.ts';

const ROOT = join(import.meta.dirname, '../..');

/** The help desk as the user runs it: its own process, from its start file, env-configured. */
export interface HelpDeskProcess {
  readonly url: string;
  /** SIGKILL (no chance to flush or answer), then wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** Spawns src/servers/helpdesk/start.ts on 127.0.0.1:`port` with the SQLite queue at `dbPath`. */
export async function spawnHelpDesk(port: number, dbPath: string): Promise<HelpDeskProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/servers/helpdesk/start.ts')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
        HELPDESK_DB_PATH: dbPath,
        HELPDESK_PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (c) => {
    stderr += String(c);
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`help desk did not start within 20 s: ${out} ${stderr}`)),
      20_000,
    );
    child.stdout?.on('data', (c) => {
      out += String(c);
      const m = /listening at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`help desk exited (${code}) before listening: ${out} ${stderr}`));
    });
  });
  const signal = async (sig: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return { url, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
