import { parse as parseCsv } from 'csv-parse/sync';

/** The columns of a visits CSV (header row, any order). */
export const VISIT_CSV_COLUMNS = [
  'modemId',
  'externalId',
  'visitedAt',
  'found',
  'fixed',
  'technician',
  'diagnosisAt',
] as const;

/** One data row as a visit body plus `modemId`, with the file line it ends on (the header is line 1). */
export interface VisitCsvRow {
  line: number;
  value: Record<string, string>;
}

/** The rows of a visits CSV, or what makes the file as a whole unreadable. Empty cells are absent fields. */
export function readVisitCsv(text: string): { rows: VisitCsvRow[] } | { error: string } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true, bom: true, info: true });
  } catch (error) {
    return { error: `CSV: ${error instanceof Error ? error.message : String(error)}` };
  }
  const header = Object.keys(records[0]?.record ?? {});
  const unknown = header.filter((c) => !(VISIT_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    return { error: `unknown CSV columns ${unknown.join(', ')} (known: ${VISIT_CSV_COLUMNS.join(', ')})` };
  }
  return {
    rows: records.map(({ record, info }) => ({
      line: info.lines,
      value: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
    })),
  };
}
