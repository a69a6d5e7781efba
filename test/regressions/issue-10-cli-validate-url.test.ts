import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { memoryStream } from '../../src/cli/io.ts';
import { type FaultServer, startFaultServer } from '../helpers/fault-server.ts';

/**
 * Issue 10: `callrig validate <url>` read the body outside its error handling, so a server
 * that dropped the connection mid-body made the CLI print "[callrig] internal error" with a
 * stack instead of the diagnostic a real call would get (11200, incomplete response).
 */
let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
  server.route('/reset-mid-body', (x) => {
    x.write('HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 300\r\n\r\n<Response><Say>half');
    setTimeout(() => x.reset(), 10);
  });
});
afterAll(async () => {
  await server.close();
});

describe('callrig validate <url> against a server that fails mid-body', () => {
  it('reports 11200 as a diagnostic (exit 1), not an internal error', async () => {
    const stdout = memoryStream();
    const stderr = memoryStream();
    const code = await runCli(
      ['validate', `${server.origin}/reset-mid-body`],
      { stdout, stderr, env: {}, cwd: process.cwd() },
      '0.0.0',
    );
    expect(stderr.text()).not.toMatch(/internal error|\n\s+at /);
    expect(stdout.text()).toMatch(/ 11200 error /);
    expect(code).toBe(1);
  });
});
