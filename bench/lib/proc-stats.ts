import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Linux /proc readers: CPU time and memory of a process other than this one, which process.cpuUsage() and
// process.memoryUsage() cannot see.

const DEFAULT_CLOCK_TICKS = 100;
const KIB_PER_MB = 1024;

export function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isSafeInteger(ticks) && ticks > 0 ? ticks : DEFAULT_CLOCK_TICKS;
  } catch {
    return DEFAULT_CLOCK_TICKS;
  }
}

/** utime + stime of a process in milliseconds. */
export function processCpuMs(pid: number, ticksPerSecond: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces and parentheses; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond;
}

/** CPU time all processes on the machine spent busy (every state but idle and iowait), in milliseconds. */
export function machineBusyMs(ticksPerSecond: number): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // cpu user nice system idle iowait irq softirq ...; steal is the hypervisor's, guest time is inside user.
  const [user, nice, system, , , irq, softirq] = line.trim().split(/\s+/).slice(1).map(Number);
  return ((user + nice + system + irq + softirq) * 1000) / ticksPerSecond;
}

export interface MemoryFigures {
  peakRssMb: number;
  rssMb: number;
}

/** VmHWM (peak resident set) and VmRSS of a process; pid 'self' for this one. */
export function processMemory(pid: number | 'self'): MemoryFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    peakRssMb: statusKib(status, 'VmHWM') / KIB_PER_MB,
    rssMb: statusKib(status, 'VmRSS') / KIB_PER_MB,
  };
}

function statusKib(status: string, key: string): number {
  const match = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match) {
    throw new Error(`${key} missing from /proc status`);
  }
  return Number(match[1]);
}
