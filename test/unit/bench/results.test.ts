import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeResult } from '../../../bench/results.ts';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'callrig-bench-results-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('writeResult', () => {
  it('writes a dated file without colons and merges each bench into latest.json', () => {
    const dir = tempDir();
    const at = new Date('2026-11-27T17:00:00.000Z');
    const file = writeResult(dir, 'engine', { tables: [], figures: { callsPerSec: 1 } }, at);
    writeResult(dir, 'http', { tables: [], figures: { ratio: 0.9 } }, at);
    writeResult(
      dir,
      'engine',
      { tables: [], figures: { callsPerSec: 2 } },
      new Date('2026-11-27T18:00:00.000Z'),
    );
    expect(file).toBe(join(dir, 'engine-2026-11-27T17-00-00.000Z.json'));
    expect(readdirSync(dir).sort()).toEqual([
      'engine-2026-11-27T17-00-00.000Z.json',
      'engine-2026-11-27T18-00-00.000Z.json',
      'http-2026-11-27T17-00-00.000Z.json',
      'latest.json',
    ]);
    const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf-8'));
    expect(latest.engine.figures).toEqual({ callsPerSec: 2 });
    expect(latest.http.figures).toEqual({ ratio: 0.9 });
    expect(latest.engine.machine.cpus).toBeGreaterThan(0);
  });

  it('starts latest.json afresh when the previous one is not valid JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'latest.json'), '{"engine": ');
    writeResult(dir, 'memory', { tables: [], figures: { heapGrowth: 10 } });
    const latest = JSON.parse(readFileSync(join(dir, 'latest.json'), 'utf-8'));
    expect(Object.keys(latest)).toEqual(['memory']);
  });
});
