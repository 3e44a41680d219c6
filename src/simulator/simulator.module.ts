import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { InventoryModule } from '../inventory/inventory.module';
import { VisitsModule } from '../visits/visits.module';
import { ReplayService } from './replay.service';
import { SimulatorService } from './simulator.service';

/** The simulated fleet and its captured replays; api/SimulatorApiModule serves them when SIMULATOR_ENABLED. */
@Module({
  imports: [InventoryModule, CmtsModule, VisitsModule],
  providers: [SimulatorService, ReplayService],
  exports: [SimulatorService, ReplayService],
})
export class SimulatorModule {}
