import { DEFAULT_EVENT_LOG_ROWS, type ModemEvent } from '../domain/modem-reading';
import { decodeDateAndTime, octetsOf } from './date-and-time';
import type { OidName } from './docsis-oids';
import type { ColumnRows } from './snmp-value';

// Pure: DOCS-CABLE-DEVICE-MIB docsDevEventTable (RFC 4639) -> the modem's event log, newest rows kept.

const EVENT_COLUMNS = [
  'docsDevEvFirstTime',
  'docsDevEvLastTime',
  'docsDevEvCounts',
  'docsDevEvLevel',
  'docsDevEvId',
  'docsDevEvText',
] as const satisfies readonly OidName[];

function numberOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/** docsDevEvLevel is emergency(1) .. debug(8); any other value is not a level. */
function levelOrNull(value: unknown): number | null {
  const n = numberOrNull(value);
  return n != null && Number.isInteger(n) && n >= 1 && n <= 8 ? n : null;
}

function textOrNull(value: unknown): string | null {
  const o = octetsOf(value);
  return o == null ? null : o.toString('utf8').replace(/\0+$/, '').trim();
}

/**
 * The event log's rows in log order (docsDevEvIndex, which only grows between resets of the log), the newest
 * `maxRows` kept. Null when the modem has no event log: neither the docsDevEvent group's control scalar nor any row
 * answered. A log that answered with no rows is empty ([]).
 */
export function parseEventLog(
  col: (name: OidName) => ColumnRows,
  controlAnswered: boolean,
  maxRows: number = DEFAULT_EVENT_LOG_ROWS,
): ModemEvent[] | null {
  const columns = EVENT_COLUMNS.map((name) => col(name));
  const indexes = new Set<number>();
  for (const c of columns) {
    for (const ix of c.keys()) {
      const n = Number(ix);
      // docsDevEvIndex is a single arc, 1..2^31-1: anything else is not a row of this table.
      if (Number.isInteger(n) && n >= 1 && String(n) === ix) {
        indexes.add(n);
      }
    }
  }
  if (indexes.size === 0) {
    return controlAnswered ? [] : null;
  }
  const [first, last, counts, level, id, text] = columns;
  const sorted = [...indexes].sort((a, b) => a - b);
  return sorted.slice(Math.max(0, sorted.length - maxRows)).map((index) => {
    const ix = String(index);
    return {
      index,
      firstAt: decodeDateAndTime(first.get(ix)),
      lastAt: decodeDateAndTime(last.get(ix)),
      count: numberOrNull(counts.get(ix)),
      level: levelOrNull(level.get(ix)),
      eventId: numberOrNull(id.get(ix)),
      text: textOrNull(text.get(ix)),
    };
  });
}
