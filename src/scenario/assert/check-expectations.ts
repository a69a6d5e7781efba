import type { Failure, Observed, Scenario } from '../types.ts';
import { checkErrors } from './check-errors.ts';
import { checkItems } from './check-items.ts';
import { checkRequests } from './check-requests.ts';
import { matchTimeline } from './timeline-match.ts';

/**
 * Compares what a run observed with the scenario's `expect` block and returns every
 * failure (an empty list means the scenario passed). Pure: plain data in, plain data out.
 * @example const failures = checkExpectations(scenario, { timeline, requests, callbacks, errors, recordings });
 */
export function checkExpectations(scenario: Pick<Scenario, 'expect'>, observed: Observed): Failure[] {
  const expect = scenario.expect ?? {};
  const start = observed.timeline[0]?.at ?? 0;
  return [
    ...matchTimeline(expect.timeline ?? [], observed.timeline),
    ...checkRequests(expect.requests ?? [], observed.requests),
    ...(expect.callbacks ? checkItems('callback', expect.callbacks, observed.callbacks) : []),
    ...(expect.recordings ? checkItems('recording', expect.recordings, observed.recordings) : []),
    ...checkErrors(expect, observed.errors, start),
  ];
}
