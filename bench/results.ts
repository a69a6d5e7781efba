import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import type { BenchReport } from './types.ts';

/** The machine a figure was measured on: numbers from different machines do not compare. */
export function machineInfo(): Record<string, unknown> {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${platform()}-${arch()}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    totalMemMb: Math.round(totalmem() / 1_048_576),
  };
}

/**
 * Writes `bench/results/<name>-<ISO date>.json` and merges the same entry into
 * `bench/results/latest.json`, so two runs can be compared file to file.
 * @returns the path of the dated file.
 */
export function writeResult(dir: string, name: string, report: BenchReport, at: Date = new Date()): string {
  mkdirSync(dir, { recursive: true });
  const iso = at.toISOString();
  const entry = { name, at: iso, machine: machineInfo(), figures: report.figures, tables: report.tables };
  // @note Colons are not allowed in file names on every OS; the ISO date keeps its order.
  const file = join(dir, `${name}-${iso.replace(/:/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(entry, null, 2)}\n`);
  const latestPath = join(dir, 'latest.json');
  const latest = readLatest(latestPath);
  latest[name] = entry;
  writeFileSync(latestPath, `${JSON.stringify(latest, null, 2)}\n`);
  return file;
}

function readLatest(path: string): Record<string, unknown> {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf-8'));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    // @note A half-written latest.json (a killed run) must not stop the next run: start afresh.
    return {};
  }
}
