import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { SnmpModule } from '../snmp/snmp.module';
import { TelemetryModule } from '../telemetry/telemetry.module';
import { LineCheckService } from './line-check.service';

@Module({
  imports: [InventoryModule, SnmpModule, TelemetryModule],
  providers: [LineCheckService],
  exports: [LineCheckService],
})
export class ChecksModule {}
