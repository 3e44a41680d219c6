import { Module } from '@nestjs/common';
import { InventoryService } from './inventory.service';
import { ModemImportService } from './modem-import.service';

@Module({
  providers: [InventoryService, ModemImportService],
  exports: [InventoryService, ModemImportService],
})
export class InventoryModule {}
