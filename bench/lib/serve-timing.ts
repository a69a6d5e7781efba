import { DEV_CREDENTIALS } from '../../src/servers/index.ts';
import type { BenchContext } from '../types.ts';
import { freePort, type ReadyChild, spawnReady } from './child.ts';
import { LOOPBACK } from './repo.ts';

/** One startup figure. */
export interface Timing {
  label: string;
  /** First launch (cold tsx cache for this file set), then the median of the next ones. */
  firstMs: number | null;
  medianMs: number | null;
  ok: boolean;
  note: string;
}

/**
 * `callrig serve --with-reference` on a free port: ms from spawn to its banner, and to the first
 * accepted request (an authenticated `GET …/Calls.json` answered 200).
 */
export async function serveTiming(ctx: BenchContext): Promise<Timing[]> {
  const label = '`node bin/callrig.js serve --with-reference`';
  let child: ReadyChild | undefined;
  try {
    const port = await freePort();
    const t0 = performance.now();
    child = await spawnReady(
      process.execPath,
      ['bin/callrig.js', 'serve', '--with-reference', '--port', String(port)],
      {
        cwd: ctx.repoRoot,
        readyPattern: /callrig serve/,
        timeoutMs: 30_000,
      },
    );
    const bannerMs = performance.now() - t0;
    const auth = Buffer.from(`${DEV_CREDENTIALS.accountSid}:${DEV_CREDENTIALS.authToken}`).toString('base64');
    const url = `http://${LOOPBACK}:${port}/2010-04-01/Accounts/${DEV_CREDENTIALS.accountSid}/Calls.json`;
    // @note Poll every 10 ms so the figure is not rounded up to a coarse interval.
    while (performance.now() - t0 < 30_000) {
      const status = await fetch(url, {
        headers: { authorization: `Basic ${auth}` },
        signal: AbortSignal.timeout(1000),
      })
        .then(async (res) => {
          await res.arrayBuffer();
          return res.status;
        })
        .catch(() => 0);
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const firstMs = performance.now() - t0;
    return [
      { label: `${label} → banner printed`, firstMs: bannerMs, medianMs: null, ok: true, note: '' },
      {
        label: `${label} → first accepted request`,
        firstMs,
        medianMs: null,
        ok: firstMs < 30_000,
        note: 'GET …/Calls.json (Basic auth) → 200',
      },
    ];
  } catch (err) {
    return [{ label, firstMs: null, medianMs: null, ok: false, note: (err as Error).message.slice(0, 200) }];
  } finally {
    await child?.stop();
  }
}
