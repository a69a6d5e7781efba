/** Time as the core sees it: the Clock port, a virtual clock and a real one. */
export type { Clock } from './clock.ts';
export { createRealClock } from './real-clock.ts';
export { createVirtualClock, DEFAULT_VIRTUAL_EPOCH_MS, type VirtualClock } from './virtual-clock.ts';
