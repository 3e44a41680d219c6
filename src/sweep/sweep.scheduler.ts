import { Inject, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalTask } from '../common/interval-task';
import { AppConfig } from '../config/app-config';
import { LockStore } from '../common/lock.store';
import { SweepService } from './sweep.service';

/**
 * Starts a sweep of the whole fleet every SWEEP_INTERVAL_SEC (0 turns it off), and with SWEEP_AT_START one at
 * start, so a fresh start does not wait an interval for its first verdicts. Every instance ticks; the store's slot
 * claim lets exactly one of them start the sweep of each interval (the one at start takes the current interval's).
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
    @Inject(LockStore) private readonly locks: LockStore,
  ) {
    super(registry);
    this.intervalSec = config.sweep.intervalSec;
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    if (this.intervalSec > 0 && this.config.sweep.atStart) {
      void this.tick(Date.now(), 'start');
    }
  }

  /** Returns the sweep id when this instance won the interval's slot. */
  async tick(now = Date.now(), trigger: 'schedule' | 'start' = 'schedule'): Promise<string | null> {
    const seconds = this.config.sweep.intervalSec;
    const slot = `sweep:${Math.floor(now / 1000 / seconds)}`;
    try {
      if (!(await this.locks.claimSlot(slot, seconds))) {
        return null;
      }
      const sweep = await this.sweeps.start({ kind: 'all' }, trigger);
      this.log.log(
        `${trigger === 'start' ? 'sweep at start' : 'scheduled sweep'} ${sweep.id}: ${sweep.total} modems`,
      );
      return sweep.id;
    } catch (error) {
      this.log.warn(`scheduled sweep not started: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
