import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { IntervalTask } from '../common/interval-task';
import { AppConfig } from '../config/app-config';
import { CmtsService } from './cmts.service';

/** Re-discovers every CMTS on an interval (DISCOVERY_INTERVAL_SEC; 0 turns it off). */
@Injectable()
export class DiscoveryScheduler extends IntervalTask {
  protected readonly jobName = 'cmts-discovery';
  protected readonly intervalSec: number;
  private running = false;

  constructor(
    config: AppConfig,
    private readonly cmts: CmtsService,
    registry: SchedulerRegistry,
  ) {
    super(registry);
    this.intervalSec = config.cmts.discoveryIntervalSec;
  }

  /** One discovery round; a round still running when the next is due is not overlapped. */
  async tick(): Promise<void> {
    if (this.running) {
      return;
    }
    this.running = true;
    try {
      await this.cmts.discoverAll();
    } finally {
      this.running = false;
    }
  }
}
