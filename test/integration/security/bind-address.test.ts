import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIdSource, createVirtualClock } from '../../../src/core/index.ts';
import { buildFakeApns } from '../../../src/push/apns/fake-apns.ts';
import { buildCatapushFake } from '../../../src/push/catapush/plugin.ts';
import {
  loadHelpDeskConfig,
  loadTokenServerConfig,
  referenceEnv,
  startReferenceServers,
} from '../../../src/servers/index.ts';
import { createTwilioFake } from '../../../src/twilio/index.ts';

/**
 * Every server callrig starts listens on 127.0.0.1 unless told otherwise: checked on the
 * socket's own address, and by trying to reach each port through a non-loopback address of
 * this machine (which must be refused).
 */
const ROOT = join(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];
const dir = mkdtempSync(join(tmpdir(), 'callrig-bind-'));
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** A non-loopback IPv4 address of this machine, if it has one. */
const external = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

/** Resolves to the connect error code (ECONNREFUSED when nothing listens there). */
function reach(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setTimeout(2000, () => {
      s.destroy();
      resolve('TIMEOUT');
    });
    s.once('connect', () => {
      s.destroy();
      resolve('CONNECTED');
    });
    s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'ERROR'));
  });
}

async function expectLoopbackOnly(address: string | net.AddressInfo | null) {
  expect(address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
  const port = (address as net.AddressInfo).port;
  expect(await reach('127.0.0.1', port)).toBe('CONNECTED');
  if (external) expect(await reach(external, port)).toBe('ECONNREFUSED');
}

describe('default listen addresses', () => {
  it('config loaders default both reference servers to 127.0.0.1', () => {
    const env = referenceEnv({}, ':memory:');
    expect(loadTokenServerConfig(env).host).toBe('127.0.0.1');
    expect(loadHelpDeskConfig(env).host).toBe('127.0.0.1');
  });

  it('startReferenceServers: token server and help desk on 127.0.0.1 only', async () => {
    const servers = await startReferenceServers();
    try {
      await expectLoopbackOnly(servers.apps.token.server.address());
      await expectLoopbackOnly(servers.apps.helpDesk.server.address());
    } finally {
      await servers.close();
    }
  });

  it('fake Twilio listen() → 127.0.0.1 only', async () => {
    const fake = await createTwilioFake();
    try {
      await fake.listen();
      await expectLoopbackOnly(fake.app.server.address());
    } finally {
      await fake.close();
    }
  });

  it('fake APNs (sandbox and production) and fake Catapush → 127.0.0.1 only', async () => {
    const clock = createVirtualClock();
    const ids = createIdSource('bind');
    const apns = buildFakeApns({ clock, ids });
    await apns.listen();
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const catapush = buildCatapushFake({
      clock,
      ids,
      accounts: [],
      apns: { urls: apns.urls, ca: apns.certPem, keyId: 'K', teamId: 'T', privateKey },
    });
    try {
      for (const url of [apns.urls.sandbox, apns.urls.production])
        expect(new URL(url).hostname).toBe('127.0.0.1');
      for (const port of [apns.ports.sandbox, apns.ports.production])
        if (external) expect(await reach(external, port)).toBe('ECONNREFUSED');
      await catapush.listen();
      await expectLoopbackOnly(catapush.app.server.address());
    } finally {
      await catapush.close();
      await apns.close();
    }
  });

  it.each([
    [
      'src/servers/token/start.ts',
      /listening at http:\/\/([\d.]+):(\d+)/,
      { ...referenceEnv({}, join(dir, 't.sqlite')) },
    ],
    [
      'src/servers/helpdesk/start.ts',
      /listening at http:\/\/([\d.]+):(\d+)/,
      { ...referenceEnv({}, join(dir, 'h.sqlite')) },
    ],
    ['src/twilio/start.ts', /listening on http:\/\/([\d.]+):(\d+)/, { CALLRIG_TWILIO_PORT: '0' }],
  ])('start file %s listens on 127.0.0.1 only', async (file, pattern, env) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, file)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    const [host, port] = await new Promise<[string, number]>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (c) => {
        out += String(c);
        const m = pattern.exec(out);
        if (m) resolve([m[1] as string, Number(m[2])]);
      });
      child.on('close', (code) => reject(new Error(`${file} exited ${code}: ${out}`)));
    });
    expect(host).toBe('127.0.0.1');
    expect(await reach('127.0.0.1', port)).toBe('CONNECTED');
    if (external) expect(await reach(external, port)).toBe('ECONNREFUSED');
    child.kill('SIGTERM');
  });
});
