import { Module } from '@nestjs/common';
import { TelemetryModule } from '../store/telemetry.module';
import { LineTokenGuard } from './line-token.guard';
import { LineTokensService } from './line-tokens.service';
import { VerificationService } from './verification.service';

@Module({
  imports: [TelemetryModule],
  providers: [LineTokensService, VerificationService, LineTokenGuard],
  exports: [LineTokensService, VerificationService, LineTokenGuard],
})
export class LinesModule {}
