import { Logger } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { SweepRunner, type SweepChunk } from '../sweep/sweep-runner';

const QUEUE = 'sweep-chunks';

/**
 * BullMQ's prefix for the sweep queue under a key prefix: `{<prefix>bull}`, a hash tag, so that every key of the
 * queue is in one slot of a Redis Cluster, as BullMQ's scripts need (its "Redis Cluster" guide). The same on one
 * Redis, so the queue's keys do not depend on the deployment.
 */
export function sweepQueuePrefix(keyPrefix: string): string {
  return `{${keyPrefix}bull}`;
}

/**
 * Chunks as BullMQ jobs on the shared Redis: any instance with a worker role takes them. A worker that dies
 * mid-chunk leaves a stalled job that BullMQ hands to another worker; counting is idempotent per modem.
 */
export class BullMqSweepRunner extends SweepRunner {
  private readonly log = new Logger('SweepRunner');
  private readonly queue: Queue<SweepChunk>;
  private worker: Worker<SweepChunk> | undefined;
  private lastWarnAt = 0;

  constructor(
    connection: ConnectionOptions,
    prefix: string,
    private readonly options: {
      worker: boolean;
      chunkConcurrency: number;
      lockMs: number;
      /** Tries per chunk, retried with exponential backoff from `backoffMs`. */
      attempts?: number;
      backoffMs?: number;
    },
  ) {
    super();
    this.queue = new Queue<SweepChunk>(QUEUE, { connection, prefix });
    if (options.worker) {
      this.worker = new Worker<SweepChunk>(QUEUE, (job) => this.processor!(job.data), {
        connection,
        prefix,
        concurrency: options.chunkConcurrency,
        lockDuration: options.lockMs,
        stalledInterval: options.lockMs,
        maxStalledCount: 5,
      });
    }
    // Without a listener BullMQ prints every failed reconnect attempt to the console while Redis is away.
    this.queue.on('error', (error) => this.warn(error));
    this.worker?.on('error', (error) => this.warn(error));
    // Fired for every failed try; only a job BullMQ has moved to failed for good (its tries used up, or stalled
    // too often) is given up on, once, by the worker that saw it fail.
    this.worker?.on('failed', (job, error) => {
      if (job) {
        void job
          .getState()
          .then((state) => (state === 'failed' ? this.abandon(job.data, error.message, this.log) : undefined))
          .catch((e: Error) => this.warn(e));
      }
    });
  }

  private warn(error: Error): void {
    if (Date.now() - this.lastWarnAt > 60_000) {
      this.lastWarnAt = Date.now();
      this.log.warn(`sweep queue: ${error.message} (BullMQ retries; repeats muted for a minute)`);
    }
  }

  async submit(chunks: SweepChunk[]): Promise<void> {
    await this.queue.addBulk(
      chunks.map((data, i) => ({
        name: 'chunk',
        data,
        opts: {
          jobId: `${data.sweepId}-${i}`,
          delay: data.delayMs ?? 0,
          attempts: this.options.attempts ?? 5,
          backoff: { type: 'exponential', delay: this.options.backoffMs ?? 1000 },
          removeOnComplete: 1000,
          removeOnFail: 1000,
        },
      })),
    );
  }

  async depth(): Promise<{ waiting: number; active: number }> {
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return {
      waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
    };
  }

  async close(): Promise<void> {
    // A graceful close waits on Redis: for the worker's blocking connection to end, for QUIT to be answered. While
    // Redis is away, or just back and between two reconnect attempts, neither ever happens and shutdown would hang
    // for good. Then close by force: a chunk left unfinished is taken over once its lock lapses (counting is
    // idempotent), and nothing is lost from the queue, which lives in Redis.
    if (this.worker) {
      await this.worker.close(!(await isReady(this.worker.backend.blockingClient)));
    }
    if (await isReady(this.queue.backend.client)) {
      await this.queue.close();
    } else {
      await this.queue.backend.close(true);
    }
  }
}

/** Whether a BullMQ connection is up right now (false too when it has not finished connecting within a second). */
async function isReady(client: Promise<{ status: string }> | undefined): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const status = await Promise.race([
    client?.then(
      (c) => c.status,
      () => 'failed',
    ),
    new Promise<string>((resolve) => (timer = setTimeout(() => resolve('unknown'), 1000))),
  ]);
  clearTimeout(timer);
  return status === 'ready';
}
