import { parse as parseCsv } from 'csv-parse/sync';

/** One input row as an object, or why it could not be read at all. */
export type ImportRow = { row: number; value: Record<string, unknown> } | { row: number; error: string };

const CSV_COLUMNS = [
  'id',
  'host',
  'port',
  'snmpVersion',
  'community',
  'writeCommunity',
  'user',
  'authProtocol',
  'authKey',
  'privProtocol',
  'privKey',
  'mac',
  'cmtsId',
  'customerNumber',
  'fullName',
  'address',
  'services',
] as const;

/** JSON lines: one modem body (with its `id`) per line; blank lines are skipped. Rows count from 1. */
export function readJsonLines(text: string): ImportRow[] {
  return text.split(/\r?\n/).flatMap((line, i): ImportRow[] => {
    if (line.trim() === '') {
      return [];
    }
    try {
      const value: unknown = JSON.parse(line);
      return typeof value === 'object' && value != null && !Array.isArray(value)
        ? [{ row: i + 1, value: value as Record<string, unknown> }]
        : [{ row: i + 1, error: 'a line must hold one JSON object' }];
    } catch (error) {
      return [{ row: i + 1, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` }];
    }
  });
}

/**
 * CSV with a header row of these columns (any order, unknown ones refused): id, host, port, snmpVersion (2c|3),
 * community, writeCommunity, user, authProtocol, authKey, privProtocol, privKey, mac, cmtsId, customerNumber,
 * fullName, address, services (some of internet, tv, phone joined by +, e.g. internet+tv). Rows count from 1 at the
 * first data row; empty cells are absent fields.
 */
export function readCsv(text: string): ImportRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    return [{ row: 0, error: `CSV: ${error instanceof Error ? error.message : String(error)}` }];
  }
  const unknown = Object.keys(records[0] ?? {}).filter(
    (c) => !(CSV_COLUMNS as readonly string[]).includes(c),
  );
  if (unknown.length > 0) {
    return [
      { row: 0, error: `unknown CSV columns ${unknown.join(', ')} (known: ${CSV_COLUMNS.join(', ')})` },
    ];
  }
  return records.map((r, i) => ({ row: i + 1, value: modemBodyFromCsv(r) }));
}

function modemBodyFromCsv(r: Record<string, string>): Record<string, unknown> {
  const cell = (k: string): string | undefined => (r[k] === '' || r[k] == null ? undefined : r[k]);
  const compact = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const version = cell('snmpVersion') ?? '2c';
  const port = cell('port');
  const customer = compact({
    customerNumber: cell('customerNumber'),
    fullName: cell('fullName'),
    address: cell('address'),
    // As written ("internet+tv" → ["internet", "tv"]): the row's check refuses what is not a service, by row.
    services: cell('services')
      ?.split('+')
      .map((s) => s.trim()),
  });
  return compact({
    id: cell('id'),
    host: cell('host'),
    port: port != null && /^\d+$/.test(port) ? Number(port) : port,
    snmp: compact(
      version === '3'
        ? {
            version,
            user: cell('user'),
            authProtocol: cell('authProtocol'),
            authKey: cell('authKey'),
            privProtocol: cell('privProtocol'),
            privKey: cell('privKey'),
          }
        : { version, community: cell('community'), writeCommunity: cell('writeCommunity') },
    ),
    mac: cell('mac'),
    cmtsId: cell('cmtsId'),
    customer: Object.keys(customer).length > 0 ? customer : undefined,
  });
}
