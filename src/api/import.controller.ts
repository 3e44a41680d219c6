import { BadRequestException, Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { Matches, validate } from 'class-validator';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../auth/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { InventoryService } from '../inventory/inventory.service';
import { readCsv, readJsonLines, type ImportRow } from '../inventory/modem-import';
import { MODEM_ID, PutModemDto } from './dto/modem.dto';
import { flatten, type FieldProblem } from './validation';

class ImportModemDto extends PutModemDto {
  @Matches(MODEM_ID, { message: 'id must be 1-64 characters: letters, digits, . _ : -' })
  id!: string;
}

export interface ImportResult {
  received: number;
  created: number;
  updated: number;
  failed: number;
  errors: { row: number; id?: string; message: string; fields?: FieldProblem[] }[];
}

const MAX_ROWS = 100_000;

@Controller('api/v1')
export class ImportController {
  constructor(
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Bulk modems with their customers: JSON lines (`application/x-ndjson`) or CSV (`text/csv`). Each row is
   * validated like `PUT /modems/{id}`; good rows are stored, bad ones reported by row number with their fields.
   */
  @Post('modems\\:import')
  @HttpCode(200)
  @Roles('operator')
  async import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportResult> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (
      typeof body !== 'string' ||
      !['text/csv', 'application/x-ndjson', 'application/jsonl'].includes(type)
    ) {
      throw new BadRequestException(
        'send the rows as text/csv or as JSON lines (application/x-ndjson), one modem per line',
      );
    }
    const rows: ImportRow[] = type === 'text/csv' ? readCsv(body) : readJsonLines(body);
    if (rows.length > MAX_ROWS) {
      throw new BadRequestException(`at most ${MAX_ROWS} rows per import (got ${rows.length})`);
    }
    const result: ImportResult = { received: rows.length, created: 0, updated: 0, failed: 0, errors: [] };
    for (const r of rows) {
      if ('error' in r) {
        result.failed++;
        result.errors.push({ row: r.row, message: r.error });
        continue;
      }
      const dto = plainToInstance(ImportModemDto, r.value);
      const problems = flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
      const id = typeof r.value.id === 'string' ? r.value.id : undefined;
      if (problems.length > 0) {
        result.failed++;
        result.errors.push({
          row: r.row,
          ...(id && { id }),
          message: problems.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '),
          fields: problems,
        });
        continue;
      }
      const { id: modemId, ...input } = dto;
      const { created } = await this.inventory.put(modemId, input);
      result[created ? 'created' : 'updated']++;
    }
    await this.audit.record(caller, 'modems.import', undefined, result.failed === 0 ? 'ok' : 'partial', {
      format: type,
      received: result.received,
      created: result.created,
      updated: result.updated,
      failed: result.failed,
    });
    return result;
  }
}
