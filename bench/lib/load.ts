import autocannon from 'autocannon';

/** One autocannon run, reduced to the figures the tables print. */
export interface LoadResult {
  requestsPerSec: number;
  total: number;
  non2xx: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  durationSec: number;
}

/** Options passed through to autocannon, bounded: every run has a duration. */
export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  requests: autocannon.Request[];
  /** Reconnect after this many requests (1 = a fresh socket per request, as Twilio does). */
  reconnectRate?: number;
  headers?: Record<string, string>;
}

/**
 * Runs autocannon in this process (its programmatic API) and resolves with the figures.
 * @note `requests` cycle in order on each connection, so a 3-request list replays one call.
 */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSec,
    requests: opts.requests,
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.reconnectRate ? { reconnectRate: opts.reconnectRate } : {}),
    timeout: 10,
  });
  // @note With reconnectRate 1 autocannon drops each response before counting it (it resets the
  // socket first), so `total` stays 0; every sent request but the last in flight per connection
  // was answered, which is what we count instead. Status codes are then not seen: the keep-alive
  // run with the same requests is the one that proves they are accepted.
  const total =
    opts.reconnectRate === 1 ? Math.max(0, result.requests.sent - opts.connections) : result.requests.total;
  return {
    // @note total / duration, not autocannon's per-second mean: short runs have a partial last second.
    requestsPerSec: total / Math.max(result.duration, 0.001),
    total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    durationSec: result.duration,
  };
}
