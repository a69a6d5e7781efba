import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { HELPDESK_ENV, TOKEN_ENV } from '../../unit/servers/fixtures.ts';
import { tempDir } from './temp-dir.ts';

const ROOT = join(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs a start file with only the given environment (plus PATH), loaded through tsx. */
function start(file: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, file)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

function exited(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk);
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

function listening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const match = /listening at (http:\/\/[\d.]+:\d+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('close', (code) => reject(new Error(`exited with ${code} before listening: ${out}`)));
  });
}

describe('start files', () => {
  it('token server: a malformed variable stops start-up with one line and exit code 2', async () => {
    const result = await exited(
      start('src/servers/token/start.ts', { ...TOKEN_ENV, TWILIO_ACCOUNT_SID: 'AC12' }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'token server: TWILIO_ACCOUNT_SID must be the Account SID: "AC" followed by 32 hex digits',
    ]);
  });

  it('help desk: a malformed variable stops start-up with one line and exit code 2', async () => {
    const result = await exited(start('src/servers/helpdesk/start.ts', { HELPDESK_PUBLIC_URL: 'nope' }));
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('help desk: callbacks acknowledged before a SIGKILL are all there after restart', async () => {
    const dir = tempDir();
    const env = {
      TWILIO_AUTH_TOKEN: HELPDESK_ENV.TWILIO_AUTH_TOKEN,
      HELPDESK_DB_PATH: join(dir.path, 'helpdesk.sqlite'),
      HELPDESK_PORT: '0',
    };
    const first = start('src/servers/helpdesk/start.ts', env);
    const base = await listening(first);
    const acknowledged: string[] = [];
    for (let i = 0; i < 20; i++) {
      const params = { CallSid: `CA${i}`, RecordingSid: `RE${i}`, From: `+1555000${i}` };
      const url = `${base}/recording-callback`;
      const res = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': twilio.getExpectedTwilioSignature(
            HELPDESK_ENV.TWILIO_AUTH_TOKEN,
            url,
            params,
          ),
        },
        body: new URLSearchParams(params).toString(),
      });
      if (res.status === 200) acknowledged.push(params.RecordingSid);
    }
    first.kill('SIGKILL');
    await exited(first);

    const second = start('src/servers/helpdesk/start.ts', env);
    const list = (await (await fetch(`${await listening(second)}/callbacks`)).json()) as {
      callbacks: { recordingSid: string }[];
    };
    expect(acknowledged).toHaveLength(20);
    expect(list.callbacks.map((c) => c.recordingSid)).toEqual(acknowledged);
    second.kill('SIGTERM');
    await exited(second);
    dir.remove();
  });
});
