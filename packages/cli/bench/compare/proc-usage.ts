import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** A process's CPU seconds (user + system) so far, from /proc; null once it is gone. */
export async function processCpuSeconds(pid: number): Promise<number | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state: utime is 14th overall.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** A process's resident memory in bytes, from /proc; null once it is gone. */
export async function processRssBytes(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** CPU seconds of each process named `name` on the machine (PostgreSQL's backends), by pid. */
export async function cpuSecondsByPid(name: string): Promise<Map<number, number>> {
  const found = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const comm = (await readFile(`/proc/${entry}/comm`, 'utf8')).trim();
      const cpu = comm === name ? await processCpuSeconds(Number(entry)) : null;
      if (cpu !== null) found.set(Number(entry), cpu);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/**
 * The CPU seconds the processes alive at both readings used between them: a backend that
 * started or ended meanwhile (another client's, on a shared server) is left out.
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) {
    const earlier = before.get(pid);
    if (earlier !== undefined) total += Math.max(0, cpu - earlier);
  }
  return total;
}
