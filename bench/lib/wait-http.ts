import { type ReadyChild, tail } from './child.ts';

/**
 * Polls `url` until it answers any HTTP status (a 404 counts: the server is up), every `everyMs`,
 * for at most `timeoutMs`. Throws with the child's last output when it never answers.
 */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  child?: ReadyChild,
  everyMs = 100,
): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (child && (child.child.exitCode !== null || child.child.signalCode !== null)) {
      throw new Error(
        `exited (${child.child.exitCode ?? child.child.signalCode}) before answering; output: ${tail(child.output())}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      return performance.now() - t0;
    } catch {
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms; output: ${tail(child?.output() ?? '')}`);
}
