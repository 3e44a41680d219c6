import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { TelemetryModule } from '../store/telemetry.module';
import { RebootService } from './reboot.service';

@Module({
  imports: [ChecksModule, InventoryModule, TelemetryModule],
  providers: [RebootService],
  exports: [RebootService],
})
export class ActionsModule {}
