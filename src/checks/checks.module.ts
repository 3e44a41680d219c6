import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { OuiRegistry } from '../cpe/oui-registry';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { VisitsModule } from '../visits/visits.module';
import { DispatchRechecks } from './dispatch-rechecks';
import { LineCheckService } from './line-check.service';

@Module({
  imports: [InventoryModule, CmtsModule, MetricsModule, VisitsModule],
  providers: [LineCheckService, DispatchRechecks, OuiRegistry],
  exports: [LineCheckService],
})
export class ChecksModule {}
