import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

/** A stored, normalised run: the scenario name plus normalised sections (`timeline`, and optionally `requests`...). */
export interface Snapshot {
  scenario: string;
  timeline: Record<string, unknown>[];
  [section: string]: unknown;
}

export type SnapshotFormat = 'yaml' | 'json';

/** `scenarios/help-desk/x.yaml` → `scenarios/help-desk/x.snap.yaml` (or `.snap.json`). */
export function snapshotPathFor(scenarioFile: string, format: SnapshotFormat = 'yaml'): string {
  return `${scenarioFile.replace(/\.ya?ml$/, '')}.snap.${format}`;
}

const HEADER =
  '# callrig snapshot: normalised timeline (SIDs, ports, JWTs and UUIDs replaced; t = virtual offset).\n';

/**
 * Text of a snapshot. @note Long strings are never folded (`lineWidth: 0`) and keys keep the
 * order `normaliseTimeline` gave them, so the same run always gives the same bytes.
 */
export function serializeSnapshot(snapshot: Snapshot, format: SnapshotFormat = 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(snapshot, null, 2)}\n`;
  return HEADER + stringify(snapshot, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** Parses snapshot text; throws a message naming the problem when it is not a snapshot. */
export function parseSnapshot(text: string, format: SnapshotFormat = 'yaml'): Snapshot {
  const data = format === 'json' ? JSON.parse(text) : parse(text);
  if (
    !data ||
    typeof data !== 'object' ||
    typeof data.scenario !== 'string' ||
    !Array.isArray(data.timeline)
  ) {
    throw new Error('not a callrig snapshot: expected `scenario` (string) and `timeline` (list)');
  }
  return data as Snapshot;
}

/** Reads a snapshot file; `undefined` when it does not exist yet. Format follows the extension. */
export async function readSnapshot(path: string): Promise<Snapshot | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return parseSnapshot(text, formatOf(path));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** Writes a snapshot file (creating its folder), in the format its extension names. */
export async function writeSnapshot(path: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, serializeSnapshot(snapshot, formatOf(path)), 'utf8');
}

function formatOf(path: string): SnapshotFormat {
  return path.endsWith('.json') ? 'json' : 'yaml';
}
