import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { TelemetryModule } from '../telemetry/telemetry.module';
import { SimulatorController } from './simulator.controller';
import { SimulatorService } from './simulator.service';

/** Imported only when SIMULATOR_ENABLED: without it the /api/v1/simulator routes do not exist. */
@Module({
  imports: [InventoryModule, CmtsModule, TelemetryModule],
  controllers: [SimulatorController],
  providers: [SimulatorService],
})
export class SimulatorModule {}
