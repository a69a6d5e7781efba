import type { PactV3, PactV4 } from '@pact-foundation/pact';

/** The pact-core handle both DSLs keep in a private `pact` field. */
interface ConsumerHandle {
  mockServerMatchedSuccessfully(port: number): boolean;
}

const MAX_WAIT_MS = 2000;

/**
 * Resolves once the Pact mock server on `url` has recorded every expected request as matched,
 * or after 2 s (then `executeTest` reports the real mismatch as usual).
 *
 * @note Workaround for pact-reference#535 / pact-core-mock-server#13 (libpact_ffi 0.5.4):
 * the mock server answers the client first and records the match on another task, so
 * `executeTest` can check too early and fail with "expected but not received" for a request
 * it logged as matched. Seen here about 1 run in 15 on a busy 2-core box. Call it as the last
 * step of an `executeTest` callback; remove it once the upstream fix ships.
 */
export async function mockServerSettled(pact: PactV3 | PactV4, url: string): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: reads the DSL's private pact-core handle (see @note)
  const handle = (pact as any).pact as ConsumerHandle | undefined;
  const port = Number(new URL(url).port);
  if (!handle || typeof handle.mockServerMatchedSuccessfully !== 'function') return;
  const deadline = Date.now() + MAX_WAIT_MS;
  while (!handle.mockServerMatchedSuccessfully(port) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
