import { Module } from '@nestjs/common';
import { CmtsService } from './cmts.service';
import { DiscoveryScheduler } from './discovery.scheduler';

@Module({
  providers: [CmtsService, DiscoveryScheduler],
  exports: [CmtsService],
})
export class CmtsModule {}
