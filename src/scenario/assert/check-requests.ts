import type { Failure, Matcher, ObservedRequest, RequestExpectation } from '../types.ts';
import { describeValue } from './describe.ts';
import { matches } from './matchers.ts';

/** Form parameters as a record; for a repeated name the first value counts. */
export function paramsOf(req: ObservedRequest): Record<string, string> {
  if (!req.params) return {};
  if (!Array.isArray(req.params)) return req.params as Record<string, string>;
  const out: Record<string, string> = {};
  for (const [k, v] of req.params as ReadonlyArray<readonly [string, string]>) if (!(k in out)) out[k] = v;
  return out;
}

function requestMatches(want: RequestExpectation, req: ObservedRequest): boolean {
  return (
    matches(want.path, req.path) &&
    matches(want.method, req.method) &&
    matches(want.server, req.server) &&
    matches(want.status, req.status) &&
    Object.entries(want.params ?? {}).every(([k, m]) => matches(m, paramsOf(req)[k]))
  );
}

/** Count rule: a number is exact, a matcher is applied, absent means "at least one". */
export function countOk(count: number | Matcher | undefined, n: number): boolean {
  if (count === undefined) return n >= 1;
  return typeof count === 'number' ? n === count : matches(count, n);
}

/** Checks each expected request against everything the user's servers received. */
export function checkRequests(
  expected: readonly RequestExpectation[],
  seen: readonly ObservedRequest[],
): Failure[] {
  const failures: Failure[] = [];
  expected.forEach((want, i) => {
    const hits = seen.filter((req) => requestMatches(want, req));
    if (countOk(want.count, hits.length)) return;
    const { count: _count, ...shape } = want;
    const samePath = seen.filter((req) => matches(want.path, req.path));
    const near =
      samePath.length > 0
        ? `; to that path: ${samePath.map(describeRequest).join('; ')}`
        : `; seen: ${seen.map((r) => `${r.method} ${r.path}`).join(', ') || 'no requests'}`;
    const wanted = want.count === undefined ? 'at least 1' : describeValue(want.count);
    failures.push({
      message: `expected request ${describeValue(shape)} ${wanted} time(s) — received ${hits.length}${near}`,
      expected: want,
      actual: samePath,
      where: `expect.requests[${i}]`,
    });
  });
  return failures;
}

function describeRequest(req: ObservedRequest): string {
  const params = Object.entries(paramsOf(req))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return `${req.method} ${req.path}${req.status ? ` → ${req.status}` : ''}${params ? ` [${params}]` : ''}`;
}
