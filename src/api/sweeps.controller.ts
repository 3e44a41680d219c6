import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiTags } from '@nestjs/swagger';
import type { SweepScope } from '../sweep/sweep.store';
import { SweepService, type SweepView } from '../sweep/sweep.service';
import { StartSweepDto, SweepIdParam, SweepsQuery } from './dto/sweep.dto';
import { SweepsDocs } from './docs/sweeps.docs';

@ApiTags('sweeps')
@Controller('api/v1/sweeps')
@Roles('noc', 'operator')
export class SweepsController {
  constructor(private readonly sweeps: SweepService) {}

  @Post()
  @HttpCode(202)
  @SweepsDocs.start()
  async start(
    @Body() body: StartSweepDto,
    @CurrentCaller() caller: Caller,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SweepView> {
    const { kind, cmtsId, serviceGroupId } = body.scope;
    const scope: SweepScope =
      kind === 'all'
        ? { kind }
        : kind === 'cmts'
          ? { kind, cmtsId: cmtsId! }
          : { kind, cmtsId: cmtsId!, serviceGroupId: serviceGroupId! };
    const { sweep, replayed } = await this.sweeps.trigger(scope, caller.keyId, idempotencyKey);
    if (replayed !== undefined) {
      res.setHeader('Idempotent-Replayed', String(replayed));
    }
    return sweep;
  }

  @Get()
  @SweepsDocs.list()
  async list(@Query() q: SweepsQuery): Promise<{ items: SweepView[] }> {
    return { items: await this.sweeps.list(q.limit) };
  }

  @Get(':id')
  @SweepsDocs.get()
  get(@Param() { id }: SweepIdParam): Promise<SweepView> {
    return this.sweeps.get(id);
  }
}
