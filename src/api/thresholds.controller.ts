import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import type { ThresholdsProfile } from '../domain/thresholds';
import { ThresholdsDocs } from './docs/thresholds.docs';

@ApiTags('thresholds')
@Controller('api/v1/thresholds')
@Roles('agent', 'noc', 'operator')
export class ThresholdsController {
  constructor(private readonly config: AppConfig) {}

  /** The thresholds profile in force: the textbook bands charts are drawn against. */
  @Get()
  @ThresholdsDocs.get()
  get(): ThresholdsProfile {
    return this.config.diagnosis.thresholds;
  }
}
