import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { LineTokenGuard } from '../lines/line-token.guard';
import type { Response } from 'express';
import { LineCheckService, type LineDiagnosis } from '../checks/line-check.service';
import type { HistoryEntry } from '../domain/diagnosis';
import { timelineJson } from '../diagnosis/timeline';
import { InventoryService, type ModemView } from '../inventory/inventory.service';
import { encodeJson } from '../domain/reading-json';
import { withLineTexts, withTimelineTexts, type WithLineTexts } from '../i18n/line-texts';
import { Messages } from '../i18n/messages';
import { lineScripts, type CallScriptText } from '../lines/call-script-texts';
import {
  DiagnosisQuery,
  HistoryQuery,
  ModemIdParam,
  PageQuery,
  PutModemDto,
  TimelineQuery,
} from './dto/modem.dto';
import { ModemsDocs } from './docs/modems.docs';

const DAY_MS = 86_400_000;

@ApiTags('modems')
@Controller('api/v1/modems')
export class ModemsController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly checks: LineCheckService,
    private readonly messages: Messages,
  ) {}

  @Get()
  @Roles('noc', 'operator')
  @ModemsDocs.list()
  list(@Query() q: PageQuery): Promise<{ total: number; offset: number; items: ModemView[] }> {
    return this.inventory.list(q.offset, q.limit);
  }

  @Put(':id')
  @Roles('operator')
  @ModemsDocs.put()
  async put(
    @Param() { id }: ModemIdParam,
    @Body() body: PutModemDto,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { created, modem } = await this.inventory.put(id, body);
    res.status(created ? 201 : 200);
    return modem;
  }

  @Get(':id')
  @Roles('noc', 'operator')
  @ModemsDocs.get()
  get(@Param() { id }: ModemIdParam): Promise<ModemView> {
    return this.inventory.get(id);
  }

  @Delete(':id')
  @Roles('operator')
  @HttpCode(204)
  @ModemsDocs.delete()
  delete(@Param() { id }: ModemIdParam): Promise<void> {
    return this.inventory.delete(id);
  }

  @Get(':id/diagnosis')
  @Roles('agent', 'noc', 'operator')
  @UseGuards(LineTokenGuard)
  @ModemsDocs.diagnosis()
  async diagnosis(
    @Param() { id }: ModemIdParam,
    @Query() q: DiagnosisQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WithLineTexts<LineDiagnosis> & { scripts: CallScriptText[] }> {
    const lang = this.messages.negotiate(acceptLanguage);
    const d = await this.checks.diagnosis(id, q.maxAgeSec, { refreshCmtsRow: true, detail: q.detail });
    const record = await this.inventory.record(id);
    const say = this.messages.in(lang);
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    return { ...withLineTexts(d, say), scripts: lineScripts(d.verdict, record.customer?.services, say) };
  }

  @Get(':id/telemetry')
  @Roles('agent', 'noc', 'operator')
  @UseGuards(LineTokenGuard)
  @ModemsDocs.telemetry()
  async telemetry(@Param() { id }: ModemIdParam, @Res() res: Response): Promise<void> {
    const reading = await this.checks.latestReading(id);
    // Codeword counters are Counter64: sent as decimal strings.
    res
      .status(200)
      .type('application/json')
      .send(encodeJson({ modemId: id, reading }));
  }

  @Get(':id/pre-equalisation')
  @Roles('agent', 'noc', 'operator')
  @UseGuards(LineTokenGuard)
  @ModemsDocs.preEqualisation()
  preEqualisation(@Param() { id }: ModemIdParam) {
    return this.checks.preEqualisation(id);
  }

  @Get(':id/timeline')
  @Roles('agent', 'noc', 'operator')
  @UseGuards(LineTokenGuard)
  @ModemsDocs.timeline()
  async timeline(
    @Param() { id }: ModemIdParam,
    @Query() q: TimelineQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const lang = this.messages.negotiate(acceptLanguage);
    const t = timelineJson(await this.checks.timeline(id, q.days));
    res.setHeader('Content-Language', lang);
    res.vary('Accept-Language');
    return { modemId: id, ...withTimelineTexts(t, this.messages.in(lang)) };
  }

  @Get(':id/history')
  @Roles('agent', 'noc', 'operator')
  @UseGuards(LineTokenGuard)
  @ModemsDocs.history()
  async history(@Param() { id }: ModemIdParam, @Query() q: HistoryQuery) {
    const since =
      q.since == null ? Date.now() - DAY_MS : /^\d+$/.test(q.since) ? Number(q.since) : Date.parse(q.since);
    const entries: HistoryEntry[] = await this.checks.history(id, since);
    return {
      modemId: id,
      since: new Date(since).toISOString(),
      entries: entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
    };
  }
}
