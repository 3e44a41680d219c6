import { SweepStore, type SweepOutcome, type SweepState } from '../../sweep/sweep.store';
import { MemoryDocs } from './memory-docs';

const MAX_SWEEPS = 50;

/** Sweeps in this process (single instance). Same contract as RedisSweepStore. */
export class MemorySweepStore extends SweepStore {
  private readonly sweeps = new Map<string, { state: SweepState; seen: Set<string> }>();
  private readonly triggers: MemoryDocs<unknown>;

  constructor(now: () => number = Date.now) {
    super();
    this.triggers = new MemoryDocs(now);
  }

  createSweep(sweep: SweepState): Promise<void> {
    this.sweeps.set(sweep.id, { state: structuredClone(sweep), seen: new Set() });
    while (this.sweeps.size > MAX_SWEEPS) {
      this.sweeps.delete(this.sweeps.keys().next().value!);
    }
    return Promise.resolve();
  }

  recordSweepOutcomes(sweepId: string, outcomes: readonly SweepOutcome[], now: number): Promise<void> {
    const sweep = this.sweeps.get(sweepId);
    if (sweep) {
      const s = sweep.state;
      for (const o of outcomes) {
        if (sweep.seen.has(o.modemId)) {
          continue;
        }
        sweep.seen.add(o.modemId);
        if (o.verdict) {
          s.done++;
          s.byVerdict[o.verdict] = (s.byVerdict[o.verdict] ?? 0) + 1;
        } else {
          s.failed++;
        }
      }
      if (s.finishedAt == null && s.done + s.failed >= s.total) {
        s.finishedAt = now;
      }
    }
    return Promise.resolve();
  }

  getSweep(id: string): Promise<SweepState | null> {
    const sweep = this.sweeps.get(id);
    return Promise.resolve(sweep ? structuredClone(sweep.state) : null);
  }

  listSweeps(limit: number): Promise<SweepState[]> {
    const all = [...this.sweeps.values()].map((s) => structuredClone(s.state));
    return Promise.resolve(all.sort((a, b) => b.createdAt - a.createdAt).slice(0, limit));
  }

  putTrigger(id: string, trigger: unknown, ttlSec: number): Promise<void> {
    return this.triggers.put(id, trigger, ttlSec);
  }

  async getTrigger<T>(id: string): Promise<T | null> {
    return (await this.triggers.get(id)) as T | null;
  }
}
