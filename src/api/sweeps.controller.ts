import { Roles } from '../auth/roles.decorator';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { SweepScope } from '../telemetry/telemetry-store';
import { SweepService, type SweepView } from '../sweep/sweep.service';
import { StartSweepDto, SweepIdParam, SweepsQuery } from './dto/sweep.dto';

@Controller('api/v1/sweeps')
@Roles('noc', 'operator')
export class SweepsController {
  constructor(private readonly sweeps: SweepService) {}

  @Post()
  @HttpCode(202)
  start(@Body() body: StartSweepDto): Promise<SweepView> {
    const { kind, cmtsId, serviceGroupId } = body.scope;
    const scope: SweepScope =
      kind === 'all'
        ? { kind }
        : kind === 'cmts'
          ? { kind, cmtsId: cmtsId! }
          : { kind, cmtsId: cmtsId!, serviceGroupId: serviceGroupId! };
    return this.sweeps.start(scope);
  }

  @Get()
  async list(@Query() q: SweepsQuery): Promise<{ items: SweepView[] }> {
    return { items: await this.sweeps.list(q.limit) };
  }

  @Get(':id')
  get(@Param() { id }: SweepIdParam): Promise<SweepView> {
    return this.sweeps.get(id);
  }
}
