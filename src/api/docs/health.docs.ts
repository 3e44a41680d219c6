import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { HealthResponse } from '../dto/health.response';
import { ApiDocs, ApiStoreErrors } from '../openapi.decorators';

/** The OpenAPI description of HealthController's routes, one decorator per route. */
export const HealthDocs = {
  health: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Liveness and readiness',
        description:
          'For load balancers and orchestrators: 200 while the telemetry store answers, 503 when it does not.',
      }),
      ApiOkResponse({ type: HealthResponse, example: { status: 'ok', store: 'redis' } }),
      ApiStoreErrors(),
    ),
};
