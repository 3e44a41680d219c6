import { Public } from '../auth/roles.decorator';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TelemetryStore } from '../store/telemetry-store';
import { HealthResponse } from './dto/health.response';
import { ApiErrors, STORE_UNAVAILABLE } from './openapi.decorators';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(TelemetryStore) private readonly store: TelemetryStore) {}

  @Get()
  @ApiOperation({
    summary: 'Liveness and readiness',
    description:
      'For load balancers and orchestrators: 200 while the telemetry store answers, 503 when it does not.',
  })
  @ApiOkResponse({ type: HealthResponse, example: { status: 'ok', store: 'redis' } })
  @ApiErrors({ 503: [STORE_UNAVAILABLE] })
  async health(): Promise<{ status: 'ok'; store: string }> {
    await this.store.ping();
    return { status: 'ok', store: this.store.kind };
  }
}
