import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { TelemetryModule } from '../telemetry/telemetry.module';
import { ReplayController } from './replay.controller';
import { ReplayService } from './replay.service';
import { SimulatorController } from './simulator.controller';
import { SimulatorService } from './simulator.service';

/** Imported only when SIMULATOR_ENABLED: without it the /api/v1/simulator routes do not exist. */
@Module({
  imports: [InventoryModule, CmtsModule, TelemetryModule],
  controllers: [SimulatorController, ReplayController],
  providers: [SimulatorService, ReplayService],
})
export class SimulatorModule {}
