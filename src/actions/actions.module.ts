import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { SnmpModule } from '../snmp/snmp.module';
import { RebootService } from './reboot.service';

@Module({
  imports: [ChecksModule, InventoryModule, SnmpModule],
  providers: [RebootService],
  exports: [RebootService],
})
export class ActionsModule {}
