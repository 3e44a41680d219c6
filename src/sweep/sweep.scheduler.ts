import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { TelemetryStore } from '../telemetry/telemetry-store';
import { Inject } from '@nestjs/common';
import { SweepService } from './sweep.service';

const JOB = 'fleet-sweep';

/**
 * Starts a sweep of the whole fleet every SWEEP_INTERVAL_SEC (0 turns it off). Every instance ticks; the store's
 * slot claim lets exactly one of them start the sweep of each interval.
 */
@Injectable()
export class SweepScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('SweepScheduler');

  constructor(
    private readonly config: AppConfig,
    private readonly sweeps: SweepService,
    private readonly registry: SchedulerRegistry,
    @Inject(TelemetryStore) private readonly store: TelemetryStore,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.sweep.intervalSec;
    if (seconds > 0) {
      this.registry.addInterval(
        JOB,
        setInterval(() => void this.tick(), seconds * 1000),
      );
    }
  }

  onApplicationShutdown(): void {
    if (this.registry.doesExist('interval', JOB)) {
      this.registry.deleteInterval(JOB);
    }
  }

  /** Returns the sweep id when this instance won the interval's slot. */
  async tick(now = Date.now()): Promise<string | null> {
    const seconds = this.config.sweep.intervalSec;
    const slot = `sweep:${Math.floor(now / 1000 / seconds)}`;
    try {
      if (!(await this.store.claimSlot(slot, seconds))) {
        return null;
      }
      const sweep = await this.sweeps.start({ kind: 'all' }, 'schedule');
      this.log.log(`scheduled sweep ${sweep.id}: ${sweep.total} modems`);
      return sweep.id;
    } catch (error) {
      this.log.warn(`scheduled sweep not started: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
