import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { OuiRegistry } from '../cpe/oui-registry';
import { InventoryModule } from '../inventory/inventory.module';
import { MetricsModule } from '../metrics/metrics.module';
import { SnmpModule } from '../snmp/snmp.module';
import { LineCheckService } from './line-check.service';

@Module({
  imports: [InventoryModule, SnmpModule, CmtsModule, MetricsModule],
  providers: [LineCheckService, OuiRegistry],
  exports: [LineCheckService],
})
export class ChecksModule {}
