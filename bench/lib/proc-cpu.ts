import { readFileSync } from 'node:fs';

/**
 * CPU time (user + system, ms) a process has used so far, read from /proc/<pid>/stat; null off
 * Linux. @note CPU time per request barely moves when other work shares the machine, unlike
 * requests per second, so it is the figure to trust on a busy CI box.
 * @note utime/stime are in USER_HZ ticks, which Linux fixes at 100 per second for user space.
 */
export function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf-8');
    // @note The command name (field 2) may hold spaces; count fields after its closing paren.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * 10 : null;
  } catch {
    return null;
  }
}

/** This process's CPU time (user + system, ms). */
export const selfCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
