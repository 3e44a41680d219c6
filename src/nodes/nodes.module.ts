import { Module } from '@nestjs/common';
import { CmtsModule } from '../cmts/cmts.module';
import { TelemetryModule } from '../store/telemetry.module';
import { NodesService } from './nodes.service';

@Module({ imports: [CmtsModule, TelemetryModule], providers: [NodesService], exports: [NodesService] })
export class NodesModule {}
