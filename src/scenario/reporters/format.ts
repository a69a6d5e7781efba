import type { ScenarioResult } from '../types.ts';

/** Wall time: `850 ms`, `1.2 s`, `1m 05s`. */
export function formatWall(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatSimulated(ms);
}

/** Simulated time, human-sized: `40s`, `6m 40s`, `1h 02m`. */
export function formatSimulated(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** `help-desk/message-left` for `scenarios/help-desk/message-left.yaml`; the name when there is no file. */
export function scenarioId(result: Pick<ScenarioResult, 'file' | 'name'>): string {
  if (!result.file) return result.name;
  const rel = result.file.replace(/\\/g, '/').replace(/^\.\//, '');
  const inScenarios = rel.lastIndexOf('scenarios/');
  return (inScenarios >= 0 ? rel.slice(inScenarios + 'scenarios/'.length) : rel).replace(/\.ya?ml$/, '');
}

/** `a.b.c=value` lines for a nested configuration record, sorted. */
export function flattenConfig(config: Readonly<Record<string, unknown>>, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const key of Object.keys(config).sort()) {
    const value = config[key];
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      out.push(...flattenConfig(value as Record<string, unknown>, name));
    } else {
      out.push([name, typeof value === 'string' ? value : JSON.stringify(value)]);
    }
  }
  return out;
}

/** Colour decision for an entry point: NO_COLOR wins, then FORCE_COLOR, then "is it a TTY". */
export function colorEnabled(
  isTTY: boolean,
  env: Readonly<Record<string, string | undefined>> = {},
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}
