import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { NodesModule } from '../nodes/nodes.module';
import { SweepModule } from '../sweep/sweep.module';
import { FleetService } from './fleet.service';

@Module({
  imports: [NodesModule, MetricsModule, SweepModule],
  providers: [FleetService],
  exports: [FleetService],
})
export class FleetModule {}
