import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { processMemory } from './proc-stats';

const MB = 2 ** 20;

/**
 * Peaks of this process's heap (process.memoryUsage().heapUsed, sampled while the event loop turns) and resident
 * set (VmHWM, exact) over a stretch of work such as building and registering a fleet.
 */
export class MemorySampler {
  private peakHeapUsed = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly started = performance.now();

  /** With `resetPeak`, the resident set's peak (VmHWM) starts again from now, so stop() gives this stretch's own. */
  constructor(options: { resetPeak?: boolean; intervalMs?: number } = {}) {
    if (options.resetPeak) {
      // Linux: writing 5 to clear_refs resets the process's peak resident set size to its current one.
      writeFileSync('/proc/self/clear_refs', '5');
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), options.intervalMs ?? 20).unref();
  }

  stop(): { seconds: number; peakRssMb: number; peakHeapUsedMb: number } {
    this.sample();
    clearInterval(this.timer);
    return {
      seconds: Math.round((performance.now() - this.started) / 100) / 10,
      peakRssMb: Math.round(processMemory('self').peakRssMb),
      peakHeapUsedMb: Math.round(this.peakHeapUsed / MB),
    };
  }

  private sample(): void {
    this.peakHeapUsed = Math.max(this.peakHeapUsed, process.memoryUsage().heapUsed);
  }
}

/** The heap still in use after a full garbage collection: what is live, without the garbage not yet collected. */
export function liveHeapMb(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  return Math.round(process.memoryUsage().heapUsed / MB);
}
