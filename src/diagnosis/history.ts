import type { CmtsModemRow } from '../domain/cmts-reading';
import type { ModemReading } from '../domain/modem-reading';
import { timeoutTotals } from './rule-helpers';
import type { HistoryEntry, Verdict } from '../domain/diagnosis';

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
    ...(reading.status.value != null && { statusValue: reading.status.value }),
    // Counters not read stay out of the entry, so that history keeps "not read" apart from 0.
    ...(reading.status.resets != null && { resets: reading.status.resets }),
    ...(totals.t3 != null && { t3: totals.t3 }),
    ...(totals.t4 != null && { t4: totals.t4 }),
    ...(totals.t3Exceeded != null && { t3Exceeded: totals.t3Exceeded }),
    ...(verdict && { verdict }),
  };
}
