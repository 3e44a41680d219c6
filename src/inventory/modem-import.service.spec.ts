import type { AuditService } from '../audit/audit.service';
import { InvalidInputError } from '../common/app-errors';
import type { Caller } from '../domain/api-key';
import type { InventoryService, ModemInput } from './inventory.service';
import { MAX_IMPORT_ROWS, ModemImportService, type RowCheck } from './modem-import.service';

const caller = { keyId: 'k1', name: 'ops', roles: ['operator'] } as unknown as Caller;

function service() {
  const stored = new Map<string, ModemInput>();
  const audits: unknown[][] = [];
  const inventory = {
    put: (id: string, input: ModemInput) => {
      if (input.cmtsId === 'nope') {
        return Promise.reject(new InvalidInputError('cmtsId', 'unknown CMTS nope'));
      }
      const created = !stored.has(id);
      stored.set(id, input);
      return Promise.resolve({ created });
    },
  } as unknown as InventoryService;
  const audit = {
    record: (...args: unknown[]) => Promise.resolve(void audits.push(args)),
  } as unknown as AuditService;
  return { imports: new ModemImportService(inventory, audit), stored, audits };
}

/** The edge's row check, reduced: a host is required. */
const check = (value: Record<string, unknown>): Promise<RowCheck> => {
  const { id, ...rest } = value;
  return Promise.resolve(
    typeof rest.host === 'string'
      ? { id: String(id), input: rest as unknown as ModemInput }
      : { problems: [{ field: 'host', problems: ['host is required'] }] },
  );
};

describe('ModemImportService', () => {
  it('stores good rows, reports bad ones by row with their fields, and audits the import', async () => {
    const { imports, stored, audits } = service();
    const text = [
      JSON.stringify({ id: 'cm-1', host: '10.0.0.1' }),
      JSON.stringify({ id: 'cm-2' }),
      'not json',
      JSON.stringify({ id: 'cm-3', host: '10.0.0.3', cmtsId: 'nope' }),
      JSON.stringify({ id: 'cm-1', host: '10.0.0.9' }),
    ].join('\n');
    const result = await imports.import(text, 'application/x-ndjson', caller, check);
    expect(result).toEqual({
      received: 5,
      created: 1,
      updated: 1,
      failed: 3,
      errors: [
        {
          row: 2,
          id: 'cm-2',
          message: 'host: host is required',
          fields: [{ field: 'host', problems: ['host is required'] }],
        },
        { row: 3, message: expect.stringMatching(/^not JSON/) },
        {
          row: 4,
          id: 'cm-3',
          message: 'cmtsId: unknown CMTS nope',
          fields: [{ field: 'cmtsId', problems: ['unknown CMTS nope'] }],
        },
      ],
    });
    expect([...stored.keys()]).toEqual(['cm-1']);
    expect(audits).toEqual([
      [
        caller,
        'modems.import',
        undefined,
        'partial',
        { format: 'application/x-ndjson', received: 5, created: 1, updated: 1, failed: 3 },
      ],
    ]);
  });

  it('refuses more rows than it takes, before storing any', async () => {
    const { imports, stored } = service();
    const text = `${JSON.stringify({ id: 'cm-1', host: 'h' })}\n`.repeat(MAX_IMPORT_ROWS + 1);
    await expect(imports.import(text, 'application/jsonl', caller, check)).rejects.toThrow(
      new InvalidInputError([], `at most ${MAX_IMPORT_ROWS} rows per import (got ${MAX_IMPORT_ROWS + 1})`),
    );
    expect(stored.size).toBe(0);
  });
});
