import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalTask } from '../common/interval-task';
import { AppConfig } from '../config/app-config';
import { TelemetryStore } from '../telemetry/telemetry-store';
import { SweepService } from './sweep.service';

/**
 * Starts a sweep of the whole fleet every SWEEP_INTERVAL_SEC (0 turns it off). Every instance ticks; the store's
 * slot claim lets exactly one of them start the sweep of each interval.
 */
@Injectable()
export class SweepScheduler extends IntervalTask {
  protected readonly jobName = 'fleet-sweep';
  protected readonly intervalSec: number;
  private readonly log = new Logger('SweepScheduler');

  constructor(
    private readonly config: AppConfig,
    private readonly sweeps: SweepService,
    registry: SchedulerRegistry,
    @Inject(TelemetryStore) private readonly store: TelemetryStore,
  ) {
    super(registry);
    this.intervalSec = config.sweep.intervalSec;
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
