import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { InvalidInputError, type FieldProblem } from '../common/app-errors';
import type { Caller } from '../domain/api-key';
import { InventoryService, type ModemInput } from './inventory.service';
import { readCsv, readJsonLines, type ImportRow } from './modem-import';

export interface ImportResult {
  received: number;
  created: number;
  updated: number;
  failed: number;
  errors: { row: number; id?: string; message: string; fields?: FieldProblem[] }[];
}

/** The formats rows come in: CSV with a header row, or one JSON object per line. */
export type ImportFormat = 'text/csv' | 'application/x-ndjson' | 'application/jsonl';

/** A row checked against the modem body its edge accepts: the modem to store, or the fields at fault. */
export type RowCheck = { id: string; input: ModemInput } | { problems: FieldProblem[] };

export const MAX_IMPORT_ROWS = 100_000;

/**
 * Bulk modems with their customers: every row checked like one `PUT` of a modem (by the caller's `check`, the
 * edge's own validation), good rows stored (created or updated), bad ones reported by row number with their
 * fields, and the import audited as a whole.
 */
@Injectable()
export class ModemImportService {
  constructor(
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
  ) {}

  async import(
    text: string,
    format: ImportFormat,
    caller: Caller,
    check: (value: Record<string, unknown>) => Promise<RowCheck>,
  ): Promise<ImportResult> {
    const rows: ImportRow[] = format === 'text/csv' ? readCsv(text) : readJsonLines(text);
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new InvalidInputError([], `at most ${MAX_IMPORT_ROWS} rows per import (got ${rows.length})`);
    }
    const result: ImportResult = { received: rows.length, created: 0, updated: 0, failed: 0, errors: [] };
    for (const r of rows) {
      if ('error' in r) {
        result.failed++;
        result.errors.push({ row: r.row, message: r.error });
        continue;
      }
      const checked = await check(r.value);
      if ('problems' in checked) {
        const id = typeof r.value.id === 'string' ? r.value.id : undefined;
        result.failed++;
        result.errors.push({
          row: r.row,
          ...(id && { id }),
          message: checked.problems.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '),
          fields: checked.problems,
        });
        continue;
      }
      try {
        const { created } = await this.inventory.put(checked.id, checked.input);
        result[created ? 'created' : 'updated']++;
      } catch (error) {
        if (!(error instanceof InvalidInputError)) {
          throw error;
        }
        result.failed++;
        result.errors.push({ row: r.row, id: checked.id, message: error.message, fields: [...error.fields] });
      }
    }
    await this.audit.record(caller, 'modems.import', undefined, result.failed === 0 ? 'ok' : 'partial', {
      format,
      received: result.received,
      created: result.created,
      updated: result.updated,
      failed: result.failed,
    });
    return result;
  }
}
