import { Roles } from '../auth/roles.decorator';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { FleetService, type FleetSummary } from '../fleet/fleet.service';
import { MetricsService } from '../metrics/metrics.service';
import { FleetDocs } from './docs/fleet.docs';

@ApiTags('fleet')
@Controller()
@Roles('noc')
export class FleetController {
  constructor(
    private readonly fleet: FleetService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('api/v1/fleet/summary')
  @FleetDocs.summary()
  summary(): Promise<FleetSummary> {
    return this.fleet.summary();
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @FleetDocs.prometheus()
  prometheus(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
