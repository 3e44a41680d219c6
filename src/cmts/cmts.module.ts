import { Module } from '@nestjs/common';
import { TelemetryModule } from '../store/telemetry.module';
import { CmtsService } from './cmts.service';
import { DiscoveryScheduler } from './discovery.scheduler';

@Module({
  imports: [TelemetryModule],
  providers: [CmtsService, DiscoveryScheduler],
  exports: [CmtsService],
})
export class CmtsModule {}
