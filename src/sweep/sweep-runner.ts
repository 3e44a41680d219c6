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

/** Without Redis: one instance, chunks one after another in the background. */
export class InProcessSweepRunner extends SweepRunner {
  private readonly log = new Logger('SweepRunner');
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  submit(chunks: SweepChunk[]): Promise<void> {
    const submittedAt = Date.now();
    for (const chunk of chunks) {
      this.pending++;
      const startAt = submittedAt + (chunk.delayMs ?? 0);
      this.tail = this.tail.then(() =>
        wait(startAt - Date.now())
          .then(() => this.processor!(chunk))
          .catch((error: unknown) => {
            const reason = error instanceof Error ? error.message : String(error);
            this.log.error(`chunk of ${chunk.sweepId} failed: ${reason}`);
            return this.abandon(chunk, reason, this.log);
          })
          .finally(() => this.pending--),
      );
    }
    return Promise.resolve();
  }

  depth(): Promise<{ waiting: number; active: number }> {
    return Promise.resolve({ waiting: Math.max(0, this.pending - 1), active: Math.min(1, this.pending) });
  }

  close(): Promise<void> {
    return this.tail;
  }
}

function wait(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
