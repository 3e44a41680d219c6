import type { DecisionRecord, Visit } from '../../domain/visit';
import { VisitStore, type VisitWrite, type VisitWriteResult } from '../../visits/visit.store';

/** The decision log and visits in this process (single instance). Same contract as RedisVisitStore. */
export class MemoryVisitStore extends VisitStore {
  private readonly decisionsByRef = new Map<string, DecisionRecord>();
  private readonly visitsById = new Map<string, Visit>();
  /** external id → the content it was stored with and the visit's id. */
  private readonly byExternalId = new Map<string, { content: string; id: string }>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  recordDecision(decision: DecisionRecord, retentionSec: number): Promise<boolean> {
    const ref = refOf(decision);
    const isNew = !this.decisionsByRef.has(ref);
    if (isNew) {
      this.decisionsByRef.set(ref, structuredClone(decision));
    }
    const keepFrom = this.now() - retentionSec * 1000;
    for (const [k, d] of this.decisionsByRef) {
      if (d.at < keepFrom) {
        this.decisionsByRef.delete(k);
      }
    }
    return Promise.resolve(isNew);
  }

  decisions(refs: readonly { modemId: string; at: number }[]): Promise<(DecisionRecord | null)[]> {
    return Promise.resolve(refs.map((r) => clone(this.decisionsByRef.get(refOf(r))) ?? null));
  }

  latestDecision(modemId: string, sinceMs: number, untilMs: number): Promise<DecisionRecord | null> {
    const found = [...this.decisionsByRef.values()]
      .filter((d) => d.modemId === modemId && d.at >= sinceMs && d.at <= untilMs)
      .sort((a, b) => b.at - a.at)[0];
    return Promise.resolve(clone(found) ?? null);
  }

  decisionsBetween(fromMs: number, toMs: number): Promise<DecisionRecord[]> {
    return Promise.resolve(
      [...this.decisionsByRef.values()]
        .filter((d) => d.at >= fromMs && d.at < toMs)
        .sort((a, b) => a.at - b.at || byCode(refOf(a), refOf(b)))
        .map((d) => structuredClone(d)),
    );
  }

  recordVisits(writes: readonly VisitWrite[]): Promise<VisitWriteResult[]> {
    const pending = new Map<string, VisitWrite>();
    const results: VisitWriteResult[] = [];
    for (const w of writes) {
      const ext = w.visit.externalId;
      if (ext == null) {
        results.push({ outcome: 'created', visit: w.visit });
        continue;
      }
      const earlier = pending.get(ext);
      const stored = this.byExternalId.get(ext);
      if (earlier) {
        results.push({
          outcome: earlier.content === w.content ? 'duplicate' : 'conflict',
          visit: earlier.visit,
        });
      } else if (stored) {
        results.push({
          outcome: stored.content === w.content ? 'duplicate' : 'conflict',
          visit: this.visitsById.get(stored.id)!,
        });
      } else {
        pending.set(ext, w);
        results.push({ outcome: 'created', visit: w.visit });
      }
    }
    if (!results.some((r) => r.outcome === 'conflict')) {
      writes.forEach((w, i) => {
        if (results[i].outcome === 'created') {
          this.visitsById.set(w.visit.id, structuredClone(w.visit));
          if (w.visit.externalId != null) {
            this.byExternalId.set(w.visit.externalId, { content: w.content, id: w.visit.id });
          }
        }
      });
    }
    return Promise.resolve(results.map((r) => ({ outcome: r.outcome, visit: structuredClone(r.visit) })));
  }

  visitsOf(modemId: string): Promise<Visit[]> {
    return Promise.resolve(this.sorted((v) => v.modemId === modemId));
  }

  visitsBetween(fromMs: number, toMs: number): Promise<Visit[]> {
    return Promise.resolve(this.sorted((v) => v.visitedAt >= fromMs && v.visitedAt < toMs));
  }

  private sorted(keep: (v: Visit) => boolean): Visit[] {
    return [...this.visitsById.values()]
      .filter(keep)
      .sort((a, b) => a.visitedAt - b.visitedAt || byCode(a.id, b.id))
      .map((v) => structuredClone(v));
  }
}

function refOf(d: { modemId: string; at: number }): string {
  return `${d.modemId}|${d.at}`;
}

function clone<T>(value: T | undefined): T | undefined {
  return value === undefined ? undefined : structuredClone(value);
}

/** Redis' order of members with one score: by their bytes (ids are ASCII). */
function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
