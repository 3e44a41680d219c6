import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { RebootService } from './reboot.service';

@Module({
  imports: [ChecksModule, InventoryModule],
  providers: [RebootService],
  exports: [RebootService],
})
export class ActionsModule {}
