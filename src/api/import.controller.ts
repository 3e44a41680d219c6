import { BadRequestException, Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { Matches, validate } from 'class-validator';
import { AuditService } from '../audit/audit.service';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { InvalidInputError } from '../common/app-errors';
import { InventoryService } from '../inventory/inventory.service';
import { readCsv, readJsonLines, type ImportRow } from '../inventory/modem-import';
import { MODEM_ID, PutModemDto } from './dto/modem.dto';
import { ImportResultResponse } from './dto/modem.response';
import { ApiErrors, ApiRequestContent, STORE_UNAVAILABLE, unreadableBody } from './openapi.decorators';
import { TextBody } from './request-body';
import { flatten, tooDeep, type FieldProblem } from './validation';

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
const IMPORT_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl'];

const CSV_EXAMPLE =
  'id,host,community,writeCommunity,mac,cmtsId,customerNumber,fullName,address\n' +
  'cm-a1,10.1.2.3,public,private,00:1d:cd:12:34:56,cmts-north,C2000001,Anna Nowak,"Polna 3/4, Kraków"\n' +
  'cm-a2,10.1.2.4,public,,bad-mac,cmts-north,,,\n';

const NDJSON_EXAMPLE =
  JSON.stringify({
    id: 'cm-a1',
    host: '10.1.2.3',
    snmp: { version: '2c', community: 'public', writeCommunity: 'private' },
    mac: '00:1d:cd:12:34:56',
    cmtsId: 'cmts-north',
    customer: { customerNumber: 'C2000001', fullName: 'Anna Nowak', address: 'Polna 3/4, Kraków' },
  }) +
  '\n' +
  JSON.stringify({
    id: 'cm-a2',
    host: '10.1.2.4',
    snmp: { version: '2c', community: 'public' },
    mac: 'bad-mac',
  }) +
  '\n';

@ApiTags('modems')
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
  @TextBody({ types: IMPORT_TYPES, limitBytes: 20 * 1024 * 1024 })
  @ApiOperation({
    summary: 'Bulk import modems with their customers',
    description:
      'Loads many modems at once from the billing or provisioning system, as CSV (`text/csv`, header row of ' +
      'columns id, host, port, snmpVersion, community, writeCommunity, user, authProtocol, authKey, ' +
      'privProtocol, privKey, mac, cmtsId, customerNumber, fullName, address; empty cells are absent fields) or ' +
      'as JSON lines (`application/x-ndjson` or `application/jsonl`: one `PUT /api/v1/modems/{id}` body plus ' +
      '`id` per line). Each row is validated like `PUT /api/v1/modems/{id}`: good rows are stored (created or ' +
      'updated), bad ones come back with their row number and fields. Up to 100,000 rows and 20 MB per request. ' +
      'The path is literally `/api/v1/modems:import`.',
  })
  @ApiRequestContent({
    description: 'One modem per row or line.',
    content: {
      'text/csv': {
        schema: { type: 'string' },
        examples: { csv: { summary: 'Two modems, the second with a bad MAC', value: CSV_EXAMPLE } },
      },
      'application/x-ndjson': {
        schema: { type: 'string' },
        examples: { ndjson: { summary: 'Two modems, the second with a bad MAC', value: NDJSON_EXAMPLE } },
      },
      'application/jsonl': {
        schema: { type: 'string' },
        examples: { jsonl: { summary: 'The same as application/x-ndjson', value: NDJSON_EXAMPLE } },
      },
    },
  })
  @ApiOkResponse({
    type: ImportResultResponse,
    description: 'The import ran; `failed` and `errors` tell the rows that were not stored.',
    example: {
      received: 2,
      created: 1,
      updated: 0,
      failed: 1,
      errors: [
        {
          row: 2,
          id: 'cm-a2',
          message: 'mac: mac must be a MAC address like 00:1d:cd:12:34:56',
          fields: [{ field: 'mac', problems: ['mac must be a MAC address like 00:1d:cd:12:34:56'] }],
        },
      ],
    },
  })
  @ApiErrors({
    400: [
      {
        when: 'The body is neither text/csv nor JSON lines',
        body: {
          message: 'send the rows as text/csv or as JSON lines (application/x-ndjson), one modem per line',
        },
      },
      {
        when: 'More than 100,000 rows',
        body: { message: 'at most 100000 rows per import (got 120000)' },
      },
    ],
    413: [unreadableBody('The body is over 20 MB', 'request body too large: at most 20971520 bytes')],
    503: [STORE_UNAVAILABLE],
  })
  async import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportResult> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (typeof body !== 'string' || !IMPORT_TYPES.includes(type)) {
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
      const deep = tooDeep(r.value);
      const dto = plainToInstance(ImportModemDto, deep ? {} : r.value);
      const problems = deep
        ? [deep]
        : flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
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
      try {
        const { created } = await this.inventory.put(modemId, input);
        result[created ? 'created' : 'updated']++;
      } catch (error) {
        if (!(error instanceof InvalidInputError)) {
          throw error;
        }
        const fields = [{ field: error.field, problems: [error.problem] }];
        result.failed++;
        result.errors.push({ row: r.row, id: modemId, message: error.message, fields });
      }
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
