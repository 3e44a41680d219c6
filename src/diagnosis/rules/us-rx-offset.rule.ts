import { cmtsRowRule, cmtsUsRef, fmt, round } from '../rule-helpers';
import type { CmtsRowGrader } from '../rule-helpers';
import type { Finding } from '../../domain/diagnosis';

/**
 * How far from its set point the CMTS receives each of the modem's upstreams (§2.4). A modem that cannot reach the
 * set point is at its power limit or on an unstable return path; the modem itself cannot see this.
 */
export const usRxOffsetFindings: CmtsRowGrader = (row, setPointDbmv, thresholds) => {
  const t = thresholds.cmtsUpstream;
  const findings: Finding[] = [];
  for (const us of row.upstream) {
    if (us.rxPowerDbmv == null) {
      continue;
    }
    // CMTSs report tenths of a dB; rounding keeps float noise (1.5000000000000002) off the band edges.
    const offset = round(us.rxPowerDbmv - setPointDbmv, 2);
    const size = Math.abs(offset);
    if (size <= t.rxOffsetTextbookDb) {
      continue;
    }
    const fault = size > t.rxOffsetFaultDb;
    const edge = fault ? t.rxOffsetFaultDb : t.rxOffsetTextbookDb;
    const head =
      `The network receives this modem's upstream ${fmt(size)} dB ${offset < 0 ? 'below' : 'above'} ` +
      `its ${fmt(setPointDbmv)} dBmV target`;
    findings.push({
      code: 'US_RX_OFFSET',
      severity: fault ? 'FAULT' : 'MARGINAL',
      channel: cmtsUsRef(us),
      observed: round(offset),
      limit: offset < 0 ? -edge : edge,
      unit: 'dB',
      message: fault
        ? `${head} (limit ${fmt(edge)} dB).`
        : `${head}, more than the recommended ${fmt(edge)} dB but within the ${fmt(t.rxOffsetFaultDb)} dB limit.`,
    });
  }
  return findings;
};

export const usRxOffsetRule = cmtsRowRule(usRxOffsetFindings);
