import { readdirSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * Process resources the soak compares before and after: open file descriptors, active
 * handles (sockets, servers, timers) and the heap after a full GC.
 */
export interface ResourceSnapshot {
  fds: number;
  handles: number;
  /** Handle kinds, e.g. { Socket: 3, Server: 1 }. */
  handleKinds: Record<string, number>;
  heapUsedBytes: number;
}

let gcFn: (() => void) | null = null;

/** `global.gc` even when node was started without --expose-gc. */
export function gc(): void {
  if (!gcFn) {
    const g = (globalThis as { gc?: () => void }).gc;
    if (g) gcFn = g;
    else {
      // @note Turning the flag on at run time, then fetching `gc` from a fresh context, is the
      // documented way to get it without restarting node with --expose-gc.
      v8.setFlagsFromString('--expose-gc');
      gcFn = vm.runInNewContext('gc') as () => void;
    }
  }
  gcFn();
}

export async function snapshot(): Promise<ResourceSnapshot> {
  // @note Closed sockets release their fds a tick or two after 'close'; let them settle.
  await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const handles = (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles();
  const handleKinds: Record<string, number> = {};
  for (const h of handles) {
    const kind = h.constructor?.name ?? 'unknown';
    handleKinds[kind] = (handleKinds[kind] ?? 0) + 1;
  }
  return {
    fds: readdirSync('/proc/self/fd').length,
    handles: handles.length,
    handleKinds,
    heapUsedBytes: process.memoryUsage().heapUsed,
  };
}
