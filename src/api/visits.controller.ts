import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import type { Caller } from '../domain/api-key';
import type { OutcomeKpis, ThresholdReport } from '../visits/visit-kpis';
import { VisitsService, type VisitImportResult, type VisitView } from '../visits/visits.service';
import { ModemIdParam } from './dto/modem.dto';
import { checkVisitRow, KpiQuery, VisitDto } from './dto/visit.dto';
import { VisitsDocs } from './docs/visits.docs';
import { TextBody } from './request-body';

@ApiTags('visits')
@Controller('api/v1')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post('modems/:id/visits')
  @Roles('operator')
  @VisitsDocs.record()
  async record(
    @Param() { id }: ModemIdParam,
    @Body() body: VisitDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<VisitView> {
    const { created, visit } = await this.visits.record(id, body, caller);
    res.status(created ? 201 : 200);
    return visit;
  }

  @Get('modems/:id/visits')
  @Roles('noc', 'operator')
  @VisitsDocs.list()
  list(@Param() { id }: ModemIdParam): Promise<VisitView[]> {
    return this.visits.list(id);
  }

  @Post('visits/import')
  @HttpCode(200)
  @Roles('operator')
  @TextBody({ types: ['text/csv'], limitBytes: 20 * 1024 * 1024 })
  @VisitsDocs.import()
  import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<VisitImportResult> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (typeof body !== 'string' || type !== 'text/csv') {
      throw new BadRequestException('send the visits as text/csv, one visit per row');
    }
    return this.visits.importCsv(body, caller, checkVisitRow);
  }

  @Get('kpis')
  @Roles('noc', 'operator')
  @VisitsDocs.kpis()
  kpis(@Query() q: KpiQuery): Promise<OutcomeKpis> {
    return this.visits.kpis(q.from, q.to);
  }

  @Get('kpis/thresholds')
  @Roles('noc', 'operator')
  @VisitsDocs.thresholds()
  thresholds(@Query() q: KpiQuery): Promise<ThresholdReport> {
    return this.visits.thresholds(q.from, q.to);
  }
}
