import { buildSnapshot } from '../snapshot/build-snapshot.ts';
import { diffSnapshots } from '../snapshot/diff-snapshots.ts';
import {
  readSnapshot,
  serializeSnapshot,
  snapshotPathFor,
  writeSnapshot,
} from '../snapshot/snapshot-file.ts';
import type { ObservedRequest, SnapshotOutcome, TimelineEventLike } from '../types.ts';

/**
 * The golden-timeline check (STYLE practice 8): with `update`, writes `<scenario>.snap.yaml`
 * beside the file; otherwise compares with it when it exists. A scenario without a file, or
 * without a stored snapshot, is `skipped` (snapshots are opt-in: `--update` creates them).
 */
export async function checkSnapshot(
  input: {
    name: string;
    file: string | undefined;
    timeline: readonly TimelineEventLike[];
    requests: readonly ObservedRequest[];
  },
  update: boolean,
): Promise<SnapshotOutcome> {
  if (!input.file || !/\.ya?ml$/.test(input.file)) return { status: 'skipped' };
  const file = snapshotPathFor(input.file);
  const received = buildSnapshot({ name: input.name, timeline: input.timeline, requests: input.requests });
  const stored = await readSnapshot(file);
  if (update) {
    if (stored && serializeSnapshot(stored) === serializeSnapshot(received))
      return { status: 'matched', file };
    await writeSnapshot(file, received);
    return { status: stored ? 'updated' : 'written', file };
  }
  if (!stored) return { status: 'skipped', file };
  const diff = diffSnapshots(stored, received);
  return diff === '' ? { status: 'matched', file } : { status: 'mismatch', file, diff };
}
