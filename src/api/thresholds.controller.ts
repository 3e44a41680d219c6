import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import type { ThresholdsProfile } from '../domain/thresholds';
import { THRESHOLDS_EXAMPLE, THRESHOLDS_PROFILE_SCHEMA } from './dto/thresholds.response';

@ApiTags('thresholds')
@Controller('api/v1/thresholds')
@Roles('agent', 'noc', 'operator')
export class ThresholdsController {
  constructor(private readonly config: AppConfig) {}

  /** The thresholds profile in force: the textbook bands charts are drawn against. */
  @Get()
  @ApiOperation({
    summary: 'The thresholds in force',
    description:
      'The textbook, marginal and fault bands every verdict is graded against (the defaults, or THRESHOLDS_FILE ' +
      'over them): what dashboards draw charts against, and how an agent can explain a limit to a customer.',
  })
  @ApiOkResponse({ schema: THRESHOLDS_PROFILE_SCHEMA, example: THRESHOLDS_EXAMPLE })
  get(): ThresholdsProfile {
    return this.config.diagnosis.thresholds;
  }
}
