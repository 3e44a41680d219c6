import { Logger } from '@nestjs/common';

export interface SweepChunk {
  sweepId: string;
  modemIds: string[];
  /** Start no earlier than this long after submission (scheduled sweeps spread over their interval). */
  delayMs?: number;
}

export type ChunkProcessor = (chunk: SweepChunk) => Promise<void>;
/** Called once for a chunk the runner gave up on (every attempt failed), so that its sweep can still end. */
export type ChunkAbandoner = (chunk: SweepChunk, reason: string) => Promise<void>;

/** Where sweep chunks run: in this process, or on any worker instance through BullMQ. */
export abstract class SweepRunner {
  protected processor: ChunkProcessor | undefined;
  protected abandoner: ChunkAbandoner | undefined;

  setProcessor(processor: ChunkProcessor, abandoner?: ChunkAbandoner): void {
    this.processor = processor;
    this.abandoner = abandoner;
  }

  /** Hands a chunk given up on to the abandoner; what fails there is logged, never thrown. */
  protected abandon(chunk: SweepChunk, reason: string, log: Logger): Promise<void> {
    return (this.abandoner?.(chunk, reason) ?? Promise.resolve()).catch((error: unknown) =>
      log.error(
        `could not close out a chunk of ${chunk.sweepId}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  abstract submit(chunks: SweepChunk[]): Promise<void>;
  /** Chunks waiting and running, for the queue-depth metric. */
  abstract depth(): Promise<{ waiting: number; active: number }>;
  abstract close(): Promise<void>;
}

/** Why the chunks an in-process runner had not started are given up on when it closes. */
export const SHUTDOWN_REASON = 'the service is shutting down: not checked';

/**
 * Without Redis: one instance, chunks one after another in the background. Closing it (shutdown) takes no further
 * chunk: it waits only for the chunk already running (its polls are bounded by the poll budget) and gives up on the
 * rest at once, one batch per sweep, so that their modems count as failed and their sweeps end.
 */
export class InProcessSweepRunner extends SweepRunner {
  private readonly log = new Logger('SweepRunner');
  private readonly queue: { chunk: SweepChunk; startAt: number }[] = [];
  private active: SweepChunk | undefined;
  private draining: Promise<void> | undefined;
  private closed = false;
  /** Ends the wait for a delayed chunk early (on close). */
  private wake: (() => void) | undefined;

  async submit(chunks: SweepChunk[]): Promise<void> {
    if (this.closed) {
      await this.giveUp(chunks);
      return;
    }
    const submittedAt = Date.now();
    this.queue.push(...chunks.map((chunk) => ({ chunk, startAt: submittedAt + (chunk.delayMs ?? 0) })));
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    while (!this.closed && this.queue.length > 0) {
      // Chunks run in the order of their start times (a scheduled sweep's are spread over its interval).
      const next = this.queue.reduce((a, b) => (b.startAt < a.startAt ? b : a));
      if (next.startAt > Date.now()) {
        await this.sleep(next.startAt - Date.now());
        continue;
      }
      this.queue.splice(this.queue.indexOf(next), 1);
      this.active = next.chunk;
      try {
        await this.processor!(next.chunk);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.log.error(`chunk of ${next.chunk.sweepId} failed: ${reason}`);
        await this.abandon(next.chunk, reason, this.log);
      } finally {
        this.active = undefined;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** The chunks not run, merged per sweep: each sweep's modems are given up on in one go. */
  private async giveUp(chunks: readonly SweepChunk[]): Promise<void> {
    const bySweep = new Map<string, string[]>();
    for (const c of chunks) {
      const ids = bySweep.get(c.sweepId) ?? [];
      ids.push(...c.modemIds);
      bySweep.set(c.sweepId, ids);
    }
    for (const [sweepId, modemIds] of bySweep) {
      await this.abandon({ sweepId, modemIds }, SHUTDOWN_REASON, this.log);
    }
  }

  depth(): Promise<{ waiting: number; active: number }> {
    return Promise.resolve({ waiting: this.queue.length, active: this.active ? 1 : 0 });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.draining;
    await this.giveUp(this.queue.splice(0).map((q) => q.chunk));
  }
}
