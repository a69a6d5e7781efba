/**
 * Time as the simulation sees it. Everything in `core` reads time through this port so a
 * 60 s recording costs no wall time in virtual mode (the default) and real seconds in
 * real-time mode (browser phone, load runs).
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, in this clock's time. */
  now(): number;
  /** Resolves once `ms` of this clock's time has passed. */
  sleep(ms: number): Promise<void>;
  /** `virtual` clocks jump; `real` clocks wait. Reporters print it. */
  readonly kind: 'virtual' | 'real';
}
