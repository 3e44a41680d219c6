import { Module, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { AppConfig } from '../config/app-config';
import { MetricsModule } from '../metrics/metrics.module';
import { TelemetryModule } from '../store/telemetry.module';
import { pollBudgetMs } from '../domain/snmp-target';
import { BullMqSweepRunner, bullConnection, InProcessSweepRunner, SweepRunner } from './sweep-runner';
import { SweepScheduler } from './sweep.scheduler';
import { SweepService } from './sweep.service';

@Injectable()
class RunnerCloser implements OnApplicationShutdown {
  constructor(@Inject(SweepRunner) private readonly runner: SweepRunner) {}

  async onApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }
}

@Module({
  imports: [ChecksModule, TelemetryModule, MetricsModule],
  providers: [
    {
      provide: SweepRunner,
      inject: [AppConfig],
      useFactory: (config: AppConfig): SweepRunner => {
        if (!config.redis.url) {
          return new InProcessSweepRunner();
        }
        return new BullMqSweepRunner(bullConnection(config.redis.url), `${config.redis.keyPrefix}bull`, {
          worker: config.sweep.role !== 'api',
          chunkConcurrency: 2,
          // A chunk's lock outlives its slowest modem (every poll timing out) several times over.
          lockMs: (config.sweep.lockSec ?? 0) * 1000 || Math.max(30_000, pollBudgetMs(config.snmp) * 2),
        });
      },
    },
    SweepService,
    SweepScheduler,
    RunnerCloser,
  ],
  exports: [SweepService, SweepScheduler, SweepRunner],
})
export class SweepModule {}
