import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';

/** A task run every `intervalSec` seconds through @nestjs/schedule's registry; 0 seconds turns it off. */
export abstract class IntervalTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected abstract readonly jobName: string;
  protected abstract readonly intervalSec: number;

  constructor(protected readonly registry: SchedulerRegistry) {}

  abstract tick(): Promise<unknown>;

  onApplicationBootstrap(): void {
    if (this.intervalSec > 0) {
      this.registry.addInterval(
        this.jobName,
        setInterval(() => void this.tick(), this.intervalSec * 1000),
      );
    }
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', this.jobName)) {
      this.registry.deleteInterval(this.jobName);
    }
  }
}
