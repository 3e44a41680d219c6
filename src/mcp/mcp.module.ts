import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { LinesModule } from '../lines/lines.module';
import { NodesModule } from '../nodes/nodes.module';
import { LineTools } from './line-tools';

@Module({
  imports: [ActionsModule, ChecksModule, InventoryModule, LinesModule, NodesModule],
  providers: [LineTools],
  exports: [LineTools],
})
export class McpModule {}
