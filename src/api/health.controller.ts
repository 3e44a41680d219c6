import { Public } from '../auth/roles.decorator';
import { Controller, Get, Inject } from '@nestjs/common';
import { TelemetryStore } from '../telemetry/telemetry-store';

@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(TelemetryStore) private readonly store: TelemetryStore) {}

  @Get()
  async health(): Promise<{ status: 'ok'; store: string }> {
    await this.store.ping();
    return { status: 'ok', store: this.store.kind };
  }
}
