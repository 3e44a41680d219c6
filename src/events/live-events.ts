import type { Verdict } from '../domain/diagnosis';

/** A line got a new verdict (API check, sweep, or reboot follow-up). */
export interface DiagnosisEvent {
  modemId: string;
  verdict: Verdict;
  cmtsId: string | null;
  serviceGroupId: string | null;
}

/** A sweep's progress after one of its chunks. */
export interface SweepEvent {
  sweepId: string;
  total: number;
  done: number;
  failed: number;
  finished: boolean;
}

/** What changed in the last flush interval, for live dashboards: they refresh what these touch. */
export interface LiveBatch {
  at: number;
  diagnoses: DiagnosisEvent[];
  /** Diagnoses beyond the ones listed (a busy sweep): the batch says how many, not which. */
  moreDiagnoses: number;
  sweeps: SweepEvent[];
}

const FLUSH_MS = 500;
const MAX_LISTED = 200;

/**
 * Live events, coalesced: publishers call diagnosis()/sweep() as often as they like; at most one batch per
 * FLUSH_MS goes out (to this process, or to every instance through Redis pub/sub), so a sweep of thousands of
 * modems costs a few messages a second, not one per modem.
 */
export abstract class LiveEvents {
  private pending: LiveBatch | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(batch: LiveBatch) => void>();

  diagnosis(e: DiagnosisEvent): void {
    const batch = this.open();
    if (batch.diagnoses.length < MAX_LISTED) {
      batch.diagnoses.push(e);
    } else {
      batch.moreDiagnoses++;
    }
  }

  sweep(e: SweepEvent): void {
    const batch = this.open();
    batch.sweeps = [...batch.sweeps.filter((s) => s.sweepId !== e.sweepId), e];
  }

  subscribe(listener: (batch: LiveBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.pending = null;
    await this.closeTransport();
  }

  /** Hands a batch to every subscriber of this process. Transports call it for what they receive. */
  protected deliver(batch: LiveBatch): void {
    for (const listener of this.listeners) {
      listener(batch);
    }
  }

  protected abstract send(batch: LiveBatch): void;
  protected abstract closeTransport(): Promise<void>;

  private open(): LiveBatch {
    if (!this.pending) {
      this.pending = { at: 0, diagnoses: [], moreDiagnoses: 0, sweeps: [] };
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      this.timer.unref();
    }
    return this.pending;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = null;
    this.timer = null;
    if (batch) {
      this.send({ ...batch, at: Date.now() });
    }
  }
}

/** One instance: batches go straight to this process's subscribers. */
export class InProcessLiveEvents extends LiveEvents {
  protected send(batch: LiveBatch): void {
    this.deliver(batch);
  }

  protected closeTransport(): Promise<void> {
    return Promise.resolve();
  }
}
