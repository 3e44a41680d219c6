import type { UpstreamChannel } from '../../domain/modem-reading';
import { describeChannel, fmt, round, usRef } from '../rule-helpers';
import type { ThresholdsProfile } from '../../domain/thresholds';
import type { Finding, Rule } from '../../domain/diagnosis';

type PmaxKey = keyof ThresholdsProfile['usTxPower']['docsis30Pmax'];

/** DOCSIS 3.0 per-channel ceiling: the more channels share the modem's power budget, the lower each one's Pmax. */
export function docsis30Pmax(thresholds: ThresholdsProfile, channelCount: number): number {
  const key = String(Math.min(Math.max(channelCount, 1), 5)) as PmaxKey;
  return thresholds.usTxPower.docsis30Pmax[key];
}

/** SC-QAM upstream transmit level (§2.3). Muted or not-ranged channels are partial service, not graded here. */
export const usTxPowerRule: Rule = (ctx) => {
  const { reading, thresholds } = ctx;
  const t = thresholds.usTxPower;
  const channelCount = reading.upstream.length;
  const pmax = docsis30Pmax(thresholds, channelCount);
  const findings: Finding[] = [];
  const push = (ch: UpstreamChannel, f: Omit<Finding, 'channel' | 'observed' | 'unit'>): void => {
    findings.push({ ...f, channel: usRef(ch), observed: round(ch.txPowerDbmv), unit: 'dBmV' });
  };
  for (const ch of reading.upstream) {
    if (ch.muted || ch.rangingStatus !== 'success') {
      continue;
    }
    const tx = ch.txPowerDbmv;
    const head = `${describeChannel(usRef(ch))} transmits at ${fmt(tx)} dBmV`;
    if (tx < t.lowFault) {
      push(ch, {
        code: 'LOW_US_POWER',
        severity: 'FAULT',
        limit: t.lowFault,
        message: `${head}, below the ${fmt(t.lowFault)} dBmV minimum.`,
      });
    } else if (tx < t.lowMarginal) {
      push(ch, {
        code: 'LOW_US_POWER',
        severity: 'MARGINAL',
        limit: t.lowMarginal,
        message: `${head}, below the recommended ${fmt(t.lowMarginal)} dBmV.`,
      });
    } else if (reading.docsisVersion === '3.1') {
      if (tx > t.docsis31FaultAbove) {
        push(ch, {
          code: 'HIGH_US_POWER',
          severity: 'FAULT',
          limit: t.docsis31FaultAbove,
          message: `${head}, above the ${fmt(t.docsis31FaultAbove)} dBmV maximum.`,
        });
      } else if (tx > t.docsis31TextbookMax) {
        push(ch, {
          code: 'HIGH_US_POWER',
          severity: 'MARGINAL',
          limit: t.docsis31TextbookMax,
          message:
            `${head}, above the recommended ${fmt(t.docsis31TextbookMax)} dBmV ` +
            `but within the ${fmt(t.docsis31FaultAbove)} dBmV limit.`,
        });
      }
    } else {
      const bonded = `for a modem with ${channelCount} upstream channel${channelCount === 1 ? '' : 's'}`;
      if (tx >= pmax) {
        push(ch, {
          code: 'HIGH_US_POWER',
          severity: 'FAULT',
          limit: pmax,
          message: `${head}, at or above the ${fmt(pmax)} dBmV maximum ${bonded}, so it has no power left.`,
        });
      } else if (tx > pmax - t.docsis30MarginDb) {
        push(ch, {
          code: 'HIGH_US_POWER',
          severity: 'MARGINAL',
          limit: round(pmax - t.docsis30MarginDb, 2),
          message: `${head}, within ${fmt(t.docsis30MarginDb)} dB of the ${fmt(pmax)} dBmV maximum ${bonded}.`,
        });
      }
    }
  }
  return findings;
};
