import { Module } from '@nestjs/common';
import { SimulatorModule } from '../simulator/simulator.module';
import { ReplayController } from './replay.controller';
import { SimulatorController } from './simulator.controller';

/** Imported only when SIMULATOR_ENABLED: without it the /api/v1/simulator routes do not exist. */
@Module({
  imports: [SimulatorModule],
  controllers: [SimulatorController, ReplayController],
})
export class SimulatorApiModule {}
