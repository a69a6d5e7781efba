import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../bench/lib/repo.ts';

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf-8',
    timeout: 30_000,
  });

describe('npm run bench (arguments)', () => {
  it('lists the six benchmarks on --help', () => {
    const r = bench('--help');
    expect(r.status).toBe(0);
    for (const name of ['engine', 'http', 'suite', 'prism', 'startup', 'memory'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it('refuses an unknown name with exit 2 and names the known ones, running nothing', () => {
    const r = bench('engin');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown bench: engin (known: engine, http, suite, prism, startup, memory)');
    expect(r.stdout).not.toContain('[bench]');
  });
});
