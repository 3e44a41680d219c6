import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { DecisionLog } from './decision-log';
import { VisitsService } from './visits.service';

@Module({
  imports: [InventoryModule, MetricsModule],
  providers: [DecisionLog, VisitsService],
  exports: [DecisionLog, VisitsService],
})
export class VisitsModule {}
