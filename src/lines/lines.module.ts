import { Module } from '@nestjs/common';
import { LineTokenGuard } from './line-token.guard';
import { LineTokensService } from './line-tokens.service';
import { VerificationService } from './verification.service';

@Module({
  providers: [LineTokensService, VerificationService, LineTokenGuard],
  exports: [LineTokensService, VerificationService, LineTokenGuard],
})
export class LinesModule {}
