import { BadRequestException, Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { Matches, validate } from 'class-validator';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import {
  ModemImportService,
  type ImportFormat,
  type ImportResult,
  type RowCheck,
} from '../inventory/modem-import.service';
import { MODEM_ID, PutModemDto } from './dto/modem.dto';
import { TextBody } from './request-body';
import { flatten, tooDeep } from './validation';
import { ImportDocs } from './docs/import.docs';

class ImportModemDto extends PutModemDto {
  @Matches(MODEM_ID, { message: 'id must be 1-64 characters: letters, digits, . _ : -' })
  id!: string;
}

const IMPORT_TYPES: ImportFormat[] = ['text/csv', 'application/x-ndjson', 'application/jsonl'];

@ApiTags('modems')
@Controller('api/v1')
export class ImportController {
  constructor(private readonly imports: ModemImportService) {}

  /**
   * Bulk modems with their customers: JSON lines (`application/x-ndjson`) or CSV (`text/csv`). Each row is
   * validated like `PUT /modems/{id}`; good rows are stored, bad ones reported by row number with their fields.
   */
  @Post('modems\\:import')
  @HttpCode(200)
  @Roles('operator')
  @TextBody({ types: IMPORT_TYPES, limitBytes: 20 * 1024 * 1024 })
  @ImportDocs.import()
  async import(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportResult> {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (typeof body !== 'string' || !isImportFormat(type)) {
      throw new BadRequestException(
        'send the rows as text/csv or as JSON lines (application/x-ndjson), one modem per line',
      );
    }
    return this.imports.import(body, type, caller, checkRow);
  }
}

function isImportFormat(type: string): type is ImportFormat {
  return (IMPORT_TYPES as string[]).includes(type);
}

/** One row validated like the body of `PUT /api/v1/modems/{id}`, plus its `id`. */
async function checkRow(value: Record<string, unknown>): Promise<RowCheck> {
  const deep = tooDeep(value);
  const dto = plainToInstance(ImportModemDto, deep ? {} : value);
  const problems = deep
    ? [deep]
    : flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) {
    return { problems };
  }
  const { id, ...input } = dto;
  return { id, input };
}
