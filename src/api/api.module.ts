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
import { TelemetryModule } from '../telemetry/telemetry.module';
import { HealthController } from './health.controller';
import { ModemsController } from './modems.controller';

@Module({
  imports: [
    ChecksModule,
    InventoryModule,
    TelemetryModule,
    CmtsModule,
    NodesModule,
    SweepModule,
    FleetModule,
    MetricsModule,
  ],
  controllers: [
    ModemsController,
    CmtsController,
    NodesController,
    SweepsController,
    FleetController,
    HealthController,
  ],
})
export class ApiModule {}
