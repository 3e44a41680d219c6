import { Module } from '@nestjs/common';
import { ChecksModule } from '../checks/checks.module';
import { InventoryModule } from '../inventory/inventory.module';
import { TelemetryModule } from '../telemetry/telemetry.module';
import { HealthController } from './health.controller';
import { ModemsController } from './modems.controller';

@Module({
  imports: [ChecksModule, InventoryModule, TelemetryModule],
  controllers: [ModemsController, HealthController],
})
export class ApiModule {}
