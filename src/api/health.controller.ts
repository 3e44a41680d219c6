import { Public } from '../auth/roles.decorator';
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StoreHealth } from '../common/store-health';
import { HealthResponse } from './dto/health.response';
import { ApiErrors, STORE_UNAVAILABLE } from './openapi.decorators';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(@Inject(StoreHealth) private readonly store: StoreHealth) {}

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
