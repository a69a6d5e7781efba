import { formatOffset } from '../assert/describe.ts';
import type { ObservedRequest, TimelineEventLike } from '../types.ts';
import { createNormaliser, type NormaliseOptions, normaliseTimeline } from './normalise.ts';
import type { Snapshot } from './snapshot-file.ts';

/**
 * The snapshot of one run: its normalised timeline and, when given, the requests the user's
 * servers received. One normaliser covers both, so `<CallSid#1>` means the same call in each.
 */
export function buildSnapshot(
  input: { name: string; timeline: readonly TimelineEventLike[]; requests?: readonly ObservedRequest[] },
  options: NormaliseOptions = {},
): Snapshot {
  const start = input.timeline[0]?.at ?? 0;
  const normalise = createNormaliser(start, options);
  const snapshot: Snapshot = {
    scenario: input.name,
    timeline: normaliseTimeline(input.timeline, { normalise }),
  };
  if (input.requests) {
    snapshot.requests = input.requests.map((req) => {
      const { at, ...rest } = req;
      return normalise(at === undefined ? rest : { t: formatOffset(at - start), ...rest });
    });
  }
  return snapshot;
}
