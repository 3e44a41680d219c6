import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { CmtsModule } from '../cmts/cmts.module';
import { NodesModule } from '../nodes/nodes.module';
import { SweepModule } from '../sweep/sweep.module';
import { FleetModule } from '../fleet/fleet.module';
import { MetricsModule } from '../metrics/metrics.module';
import { FleetController } from './fleet.controller';
import { SweepsController } from './sweeps.controller';
import { CmtsController } from './cmts.controller';
import { NodesController } from './nodes.controller';
import { InventoryModule } from '../inventory/inventory.module';
import { HealthController } from './health.controller';
import { ModemsController } from './modems.controller';
import { ActionsModule } from '../actions/actions.module';
import { LinesModule } from '../lines/lines.module';
import { ActionsController } from './actions.controller';
import { AdminController } from './admin.controller';
import { ImportController } from './import.controller';
import { LinesController } from './lines.controller';
import { MeController } from './me.controller';
import { EventsController } from './events.controller';
import { ThresholdsController } from './thresholds.controller';
import { McpModule } from '../mcp/mcp.module';
import { McpController } from './mcp.controller';
import { VisitsModule } from '../visits/visits.module';
import { VisitsController } from './visits.controller';

@Module({
  imports: [
    ChecksModule,
    InventoryModule,
    CmtsModule,
    NodesModule,
    SweepModule,
    FleetModule,
    MetricsModule,
    LinesModule,
    ActionsModule,
    McpModule,
    VisitsModule,
  ],
  controllers: [
    ModemsController,
    CmtsController,
    NodesController,
    SweepsController,
    FleetController,
    HealthController,
    LinesController,
    MeController,
    ActionsController,
    AdminController,
    ImportController,
    EventsController,
    ThresholdsController,
    McpController,
    VisitsController,
  ],
})
export class ApiModule {}
