import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { LinesModule } from '../lines/lines.module';
import { NodesModule } from '../nodes/nodes.module';
import { LineTools } from './line-tools';
import { McpController } from './mcp.controller';

@Module({
  imports: [ActionsModule, ChecksModule, InventoryModule, LinesModule, NodesModule],
  providers: [LineTools],
  controllers: [McpController],
})
export class McpModule {}
