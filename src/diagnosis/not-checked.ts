import type { ReachableReading } from '../telemetry/modem-reading';
import { describeChannel, dsRef, timeoutTotals } from './rule-helpers';
import type { CmtsContext, NotChecked } from './types';

// What the rules could not grade because the modem did not answer the objects they need. The rules skip what was
// not read; this says so, naming the objects, so that a verdict never rests silently on a missing table.

const TIMEOUT_OBJECTS = {
  t3: 'T3 timeouts',
  t4: 'T4 timeouts',
  t3Exceeded: 'T3 retries exhausted (T3 exceeded)',
} as const;

function timeoutsNotChecked(reading: ReachableReading): NotChecked[] {
  const totals = timeoutTotals(reading);
  const missing = (Object.keys(TIMEOUT_OBJECTS) as (keyof typeof TIMEOUT_OBJECTS)[]).filter(
    (k) => totals[k] == null,
  );
  if (missing.length === 0) {
    return [];
  }
  const what = missing.map((k) => TIMEOUT_OBJECTS[k]).join(', ');
  let why: string;
  if (reading.upstream.length + reading.ofdma.length === 0) {
    why = 'the modem reported no upstream channel';
  } else if (missing.length === 1 && missing[0] === 't3Exceeded' && reading.docsisVersion !== '3.1') {
    why = 'the modem has no docsIf3CmStatusUsTable, and DOCS-IF-MIB has no such counter';
  } else {
    why =
      'the modem has no docsIf3CmStatusUsTable (and no docsIfCmStatus T3/T4 counters on its MAC interface)';
  }
  return [{ code: 'T3_T4_TIMEOUTS', reason: `Upstream ${what} not read: ${why}.` }];
}

function reinitsNotChecked(reading: ReachableReading, cmts: CmtsContext | undefined): NotChecked[] {
  if (reading.status.resets != null || cmts?.row?.lastRegAt != null) {
    return [];
  }
  return [
    {
      code: 'RF_REINIT',
      reason:
        'Cable re-initialisations not checked: the modem answers neither docsIf3CmStatusResets nor ' +
        'docsIfCmStatusResets, and no CMTS registration time is known (restarts are still checked from its uptime).',
    },
  ];
}

function codewordsNotChecked(reading: ReachableReading): NotChecked[] {
  const unread = reading.downstream.filter(
    (ch) => ch.locked && (ch.unerrored == null || ch.corrected == null || ch.uncorrectable == null),
  );
  if (unread.length === 0) {
    return [];
  }
  const names =
    unread.length === reading.downstream.length
      ? 'any downstream channel'
      : unread.map((ch) => describeChannel(dsRef(ch))).join(', ');
  return [
    {
      code: 'CODEWORDS',
      reason: `Codeword error counters not read for ${names}: the modem answers neither docsIfSigQExt* nor docsIfSigQ* codeword counters.`,
    },
  ];
}

/** Any device seen behind the modem, on any source: then its absence needs no checking. */
export function cpeSeen(reading: ReachableReading, cmts: CmtsContext | undefined): boolean {
  return reading.cpes.length > 0 || (reading.cpeMacs?.length ?? 0) > 0 || (cmts?.row?.cpes.length ?? 0) > 0;
}

function cpeNotChecked(reading: ReachableReading, cmts: CmtsContext | undefined): NotChecked[] {
  if (cpeSeen(reading, cmts) || reading.cpeMacs != null) {
    return [];
  }
  const why =
    reading.bridgeTable === 'withoutStatus'
      ? "its bridge table has no status column (dot1dTpFdbStatus), so devices behind it cannot be told from the modem's own entries"
      : 'the modem does not expose its bridge table (dot1dTpFdbTable)';
  return [
    {
      code: 'CPE_PRESENCE',
      reason: `Whether a device is connected behind the modem could not be checked: none is listed, but ${why}.`,
    },
  ];
}

export function notCheckedFor(reading: ReachableReading, cmts: CmtsContext | undefined): NotChecked[] {
  return [
    ...timeoutsNotChecked(reading),
    ...reinitsNotChecked(reading, cmts),
    ...codewordsNotChecked(reading),
    ...cpeNotChecked(reading, cmts),
  ];
}
