import type { CmtsModemRow } from '../telemetry/cmts-reading';
import type { ModemReading } from '../telemetry/modem-reading';
import { timeoutTotals } from './rule-helpers';
import type { HistoryEntry, Verdict } from './types';

/**
 * The history summary of one reading, in the units the t3-t4 rule and the flapping check expect: timeout counters
 * summed over SC-QAM and OFDMA upstream channels. Whoever stores history should build entries with this. `cmtsRow`
 * is the modem's CMTS row at the time, when known; it is recorded for unreachable readings too.
 */
export function toHistoryEntry(
  reading: ModemReading,
  verdict?: Verdict,
  cmtsRow?: CmtsModemRow | null,
): HistoryEntry {
  const cmts =
    cmtsRow == null
      ? {}
      : {
          ...(cmtsRow.state.value != null && { cmtsRegState: cmtsRow.state.value }),
          ...(cmtsRow.lastRegAt != null && { lastRegAt: cmtsRow.lastRegAt }),
        };
  if (!reading.reachable) {
    return { at: reading.observedAt, reachable: false, ...cmts, ...(verdict && { verdict }) };
  }
  const totals = timeoutTotals(reading);
  return {
    at: reading.observedAt,
    reachable: true,
    ...cmts,
    uptimeSec: reading.uptimeSec,
    statusValue: reading.status.value,
    resets: reading.status.resets,
    t3: totals.t3,
    t4: totals.t4,
    t3Exceeded: totals.t3Exceeded,
    ...(verdict && { verdict }),
  };
}
