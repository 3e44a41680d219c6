import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SweepScheduler } from './sweep.scheduler';
import { SweepService } from './sweep.service';

// The SweepRunner (in process, or BullMQ on the shared Redis) comes from the global StoreModule.
@Module({
  imports: [ChecksModule, MetricsModule],
  providers: [SweepService, SweepScheduler],
  exports: [SweepService, SweepScheduler],
})
export class SweepModule {}
