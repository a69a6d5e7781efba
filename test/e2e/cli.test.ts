import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildHelpDesk,
  createMemoryCallbackQueue,
  DEV_CREDENTIALS,
  loadHelpDeskConfig,
} from '../../src/servers/index.ts';
import { startBrokenHelpDesk } from '../fixtures/broken-helpdesk/broken-helpdesk.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Spawns the published entry (`node bin/callrig.js …`) from the repository root. */
function callrig(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/callrig.js'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        NO_COLOR: '1',
        PACT_DO_NOT_TRACK: 'true',
        TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => {
      stdout += c;
    });
    child.stderr.on('data', (c) => {
      stderr += c;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'callrig-e2e-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

type JsonReport = {
  summary: {
    total: number;
    passed: number;
    results: Array<{ name: string; status: string; config: Record<string, unknown> }>;
  };
};

describe('callrig CLI', () => {
  it('run on scenarios/ passes every shipped scenario, exits 0 and prints the summary', async () => {
    const { code, stdout } = await callrig('run', 'scenarios');
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ help-desk\/message-left/);
    expect(stdout).toMatch(/✓ push\/voip-push-wakes-terminated-app/);
    expect(stdout).toMatch(/Scenarios (\d+) passed \(\1\)/);
    expect(stdout).not.toMatch(/failed|✗/);
  });

  it('--reporter junit --output-file junit=<file> writes valid JUnit XML', async () => {
    const file = join(tmp, 'out', 'junit.xml');
    const { code } = await callrig('run', '--reporter', 'junit', '--output-file', `junit=${file}`);
    expect(code).toBe(0);
    const xml = await readFile(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(/<testsuites name="callrig" tests="\d+" failures="0" errors="0"/);
    expect(xml).toContain('<testcase classname="help-desk" name="no-message"');
  });

  it('the JSON report carries the [rig] defaults in force', async () => {
    const { code, stdout } = await callrig(
      'run',
      'scenarios/help-desk/no-message.yaml',
      '--reporter',
      'json',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.summary.results[0]?.config).toMatchObject({
      engine: {
        record: { silentRecording: 'fall-through', digitsWhenNoKey: 'absent', hangupResponse: 'ignore' },
      },
      device: { callKitReportDeadlineMs: 5000, voipStrikeLimit: 3 },
    });
  });

  it('--shard 1/2 and 2/2 cover every scenario, disjointly', async () => {
    const names = async (...args: string[]) => {
      const { code, stdout } = await callrig('run', '--reporter', 'json', ...args);
      expect(code).toBe(0);
      return (JSON.parse(stdout) as JsonReport).summary.results.map((r) => r.name);
    };
    const [all, one, two] = await Promise.all([names(), names('--shard', '1/2'), names('--shard', '2/2')]);
    expect(one.length).toBeGreaterThan(0);
    expect(two.length).toBeGreaterThan(0);
    expect(one.filter((n) => two.includes(n))).toEqual([]);
    expect([...one, ...two].sort()).toEqual([...all].sort());
  });

  it('JUnit files of --shard 1/2 and 2/2 merge into one report covering every scenario', async () => {
    const [a, b, merged] = ['a.xml', 'b.xml', 'merged.xml'].map((f) => join(tmp, f)) as [
      string,
      string,
      string,
    ];
    const runs = await Promise.all([
      callrig('run', '--shard', '1/2', '--reporter', 'junit', '--output-file', `junit=${a}`),
      callrig('run', '--shard', '2/2', '--reporter', 'junit', '--output-file', `junit=${b}`),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const { code } = await callrig('merge-junit', a, b, '-o', merged);
    expect(code).toBe(0);
    const xml = await readFile(merged, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const total = Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)?.[1]);
    expect(total).toBe((xml.match(/<testcase /g) ?? []).length);
    const scenarioFiles = (await callrig('run', '--reporter', 'json')).stdout;
    expect(total).toBe((JSON.parse(scenarioFiles) as JsonReport).summary.total);
  });

  it('--helpdesk-url runs a scenario against your own help desk and reports what it got wrong', async () => {
    const desk = await startBrokenHelpDesk('missing-hangup');
    try {
      const { code, stdout } = await callrig(
        'run',
        'scenarios/help-desk/no-message.yaml',
        '--helpdesk-url',
        desk.url,
      );
      expect(code).toBe(1);
      expect(stdout).toContain('✗ help-desk/no-message');
      expect(stdout).toContain('reason=end-of-document');
    } finally {
      await desk.close();
    }
  });

  it('validate on a broken TwiML file exits 1 with file:line:col and the Twilio code', async () => {
    const file = join(tmp, 'broken.xml');
    await writeFile(file, '<Response>\n  <Say voice="woman">Hello\n</Response>\n');
    const { code, stdout } = await callrig('validate', file);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^${file}:\\d+:\\d+ 12100 error `, 'm'));
  });

  it('validate <url> fetches with GET and classifies the answer as Twilio does', async () => {
    const server = createServer((req, res) => {
      res.setHeader('content-type', req.url === '/json' ? 'application/json' : 'text/xml');
      res.end(req.url === '/json' ? '{}' : '<Response><Say>Hi</Say></Response>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await callrig('validate', `${origin}/voice`);
      expect(ok.code).toBe(0);
      expect(ok.stderr).toContain(`GET ${origin}/voice → 200 text/xml`);
      const json = await callrig('validate', `${origin}/json`);
      expect(json.code).toBe(1);
      expect(json.stdout).toContain(`${origin}/json 12300 error Invalid Content-Type 'application/json'`);
    } finally {
      server.close();
    }
  });

  it('validate on a clean document exits 0', async () => {
    const file = join(tmp, 'ok.xml');
    await writeFile(file, '<Response><Say voice="woman">Hi</Say><Hangup/></Response>');
    const { code, stderr } = await callrig('validate', file);
    expect(code).toBe(0);
    expect(stderr).toContain('0 errors, 0 warnings');
  });

  it('schema prints the scenario JSON Schema', async () => {
    const { code, stdout } = await callrig('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as { title: string; required: string[] };
    expect(schema.title).toBe('callrig scenario');
    expect(schema.required).toEqual(['name', 'story', 'steps']);
  });

  it('a bad flag exits 2 with a did-you-mean', async () => {
    const { code, stderr } = await callrig('run', '--reportr', 'json');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--reportr'");
    expect(stderr).toContain('--reporter');
  });

  it('an invalid scenario file exits 2 with file:line and a did-you-mean for the unknown step', async () => {
    const file = join(tmp, 'bad.yaml');
    await writeFile(
      file,
      'name: bad\nstory: A typo in a step name.\nsteps:\n  - fetchTokn: true\n  - call: {}\n',
    );
    const { code, stderr } = await callrig('run', file);
    expect(code).toBe(2);
    expect(stderr).toContain(`${file}:4:5`);
    expect(stderr).toContain('unknown step "fetchTokn" — did you mean "fetchToken"?');
  });

  it('serve --with-reference prints the URLs and SIDs, answers REST calls and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/callrig.js'), 'serve', '--with-reference'], {
      cwd: ROOT,
    });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (c) => {
        out += c;
        if (out.includes('device')) resolve();
      });
    });
    expect(out).toMatch(/help desk {4}http:\/\/127\.0\.0\.1:\d+ {3}\[reference\]/);
    expect(out).toContain('TwiML App    AP00000000000000000000000000000004');
    const twilio = /Twilio {7}(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    const sid = 'AC00000000000000000000000000000001';
    const auth = Buffer.from(`${sid}:0123456789abcdef0123456789abcdef`).toString('base64');
    const res = await fetch(`${twilio}/2010-04-01/Accounts/${sid}/Calls.json`, {
      headers: { authorization: `Basic ${auth}` },
    });
    expect(res.status).toBe(200);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('verify --provider helpdesk-ivr replays the pacts against a running help desk', async () => {
    const publicUrl = 'https://help.example.test';
    const app = buildHelpDesk(
      loadHelpDeskConfig({ TWILIO_AUTH_TOKEN: DEV_CREDENTIALS.authToken, HELPDESK_PUBLIC_URL: publicUrl }),
      {
        queue: createMemoryCallbackQueue(),
      },
    );
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const { code, stdout } = await callrig(
        'verify',
        '--provider',
        'helpdesk-ivr',
        '--url',
        url,
        '--public-url',
        publicUrl,
      );
      expect(stdout).toMatch(new RegExp(`✓ helpdesk-ivr at ${url}: all \\d+ interactions passed`));
      expect(code).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('verify with an unknown provider is a usage error', async () => {
    const { code, stderr } = await callrig('verify', '--provider', 'ivr', '--url', 'http://127.0.0.1:9');
    expect(code).toBe(2);
    expect(stderr).toContain('--provider must be one of helpdesk-ivr, token-server');
  });

  it('--version prints the package version and --help lists the commands', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await callrig('--version')).stdout.trim()).toBe(pkg.version);
    const help = await callrig('--help');
    expect(help.code).toBe(0);
    for (const command of ['run', 'serve', 'validate', 'schema', 'verify'])
      expect(help.stdout).toContain(command);
  });
});
