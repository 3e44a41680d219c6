import { Module } from '@nestjs/common';
import { TelemetryModule } from '../store/telemetry.module';
import { InventoryService } from './inventory.service';

@Module({ imports: [TelemetryModule], providers: [InventoryService], exports: [InventoryService] })
export class InventoryModule {}
