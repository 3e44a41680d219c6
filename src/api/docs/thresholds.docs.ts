import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { THRESHOLDS_EXAMPLE, THRESHOLDS_PROFILE_SCHEMA } from '../dto/thresholds.response';
import { ApiDocs } from '../openapi.decorators';

/** The OpenAPI description of ThresholdsController's routes, one decorator per route. */
export const ThresholdsDocs = {
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'The thresholds in force',
        description:
          'The textbook, marginal and fault bands every verdict is graded against (the defaults, or THRESHOLDS_FILE ' +
          'over them): what dashboards draw charts against, and how an agent can explain a limit to a customer.',
      }),
      ApiOkResponse({ schema: THRESHOLDS_PROFILE_SCHEMA, example: THRESHOLDS_EXAMPLE }),
    ),
};
