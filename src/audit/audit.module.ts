import { Global, Module } from '@nestjs/common';
import { TelemetryModule } from '../store/telemetry.module';
import { AuditService } from './audit.service';

@Global()
@Module({ imports: [TelemetryModule], providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
