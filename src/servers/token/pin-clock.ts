/**
 * Runs `fn` with the global `Date` reporting `nowMs` as the current time, then restores it.
 *
 * @note Why this exists: twilio's `AccessToken.toJwt()` and `ClientCapability.toJwt()` read
 * the wall clock themselves (`Date.now()` and `new Date()`), and jsonwebtoken derives `iat`
 * from `Date.now()` too; none of them takes a clock. Shifting `ttl` by (virtual − real)
 * would fix `exp` but leave `iat`/`jti` on wall time, break determinism, and hit
 * ClientCapability's `ttl || 3600` when the shift is exactly zero. So we pin `Date` for
 * the duration of ONE synchronous call: both toJwt() are synchronous (jsonwebtoken's sign
 * without a callback), so no other code can run while the pin is in place, and the finally
 * block always restores the real `Date`. Only the injected-clock path uses it; with the
 * real clock the twilio classes run untouched.
 */
export function atInstant<T>(nowMs: number, fn: () => T): T {
  const RealDate = globalThis.Date;
  // @note A subclass keeps `Date.UTC`, `Date.parse`, `instanceof Date` and `new Date(x)`.
  class PinnedDate extends RealDate {
    // biome-ignore lint/suspicious/noExplicitAny: Date's constructor overloads need a rest of any
    constructor(...args: any[]) {
      if (args.length === 0) super(nowMs);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return nowMs;
    }
  }
  globalThis.Date = PinnedDate as DateConstructor;
  try {
    return fn();
  } finally {
    globalThis.Date = RealDate;
  }
}
