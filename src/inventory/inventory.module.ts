import { Module } from '@nestjs/common';
import { TelemetryModule } from '../store/telemetry.module';
import { InventoryService } from './inventory.service';
import { ModemImportService } from './modem-import.service';

@Module({
  imports: [TelemetryModule],
  providers: [InventoryService, ModemImportService],
  exports: [InventoryService, ModemImportService],
})
export class InventoryModule {}
