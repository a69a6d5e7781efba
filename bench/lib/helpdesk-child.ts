/**
 * Entry point of a child process: the reference help desk alone, on 127.0.0.1, with its real
 * SQLite queue. The http bench drives it from another process so the server under load and
 * the load generator (callrig or autocannon) each get their own core, as in a real CI run.
 * Prints `HELPDESK_URL=<origin>` once listening; exits on SIGTERM.
 * argv: [sqlite|memory] — `memory` swaps in an indexed in-memory queue (no fsync per callback), to
 * show what the fake Twilio can drive once the user's database is not the bottleneck.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHelpDesk, loadHelpDeskConfig, referenceEnv } from '../../src/servers/index.ts';
import { createIndexedCallbackQueue } from './indexed-queue.ts';

const dir = mkdtempSync(join(tmpdir(), 'callrig-bench-helpdesk-'));
const config = loadHelpDeskConfig(referenceEnv({}, join(dir, 'helpdesk.sqlite')));
const queue = process.argv[2] === 'memory' ? createIndexedCallbackQueue() : undefined;
const app = buildHelpDesk(config, { logger: false, ...(queue ? { queue } : {}) });
const origin = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`HELPDESK_URL=${origin}\n`);

const shutdown = async (): Promise<void> => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());
