import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { DecisionLog } from './decision-log';

@Module({
  imports: [InventoryModule, MetricsModule],
  providers: [DecisionLog],
  exports: [DecisionLog],
})
export class VisitsModule {}
