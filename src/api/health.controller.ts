import { Public } from '../auth/roles.decorator';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { TelemetryStore } from '../store/telemetry-store';
import { HealthDocs } from './docs/health.docs';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(TelemetryStore) private readonly store: TelemetryStore) {}

  @Get()
  @HealthDocs.health()
  async health(): Promise<{ status: 'ok'; store: string }> {
    await this.store.ping();
    return { status: 'ok', store: this.store.kind };
  }
}
