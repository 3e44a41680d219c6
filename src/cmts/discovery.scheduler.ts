import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config';
import { CmtsService } from './cmts.service';

const JOB = 'cmts-discovery';

/** Re-discovers every CMTS on an interval (DISCOVERY_INTERVAL_SEC; 0 turns it off). */
@Injectable()
export class DiscoveryScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private running = false;

  constructor(
    private readonly config: AppConfig,
    private readonly cmts: CmtsService,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const seconds = this.config.cmts.discoveryIntervalSec;
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
