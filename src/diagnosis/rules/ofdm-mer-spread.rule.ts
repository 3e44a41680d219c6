import type { Finding, Rule } from '../../domain/diagnosis';
import { merPercentileMessage, merStdDevMessage } from '../pnm-wording';
import { ofdmRef, round } from '../rule-helpers';

/**
 * The RxMER statistics of a full poll (docs/pnm.md §4): what the mean hides. On a channel whose mean RxMER is in its
 * textbook band (or not read), a low percentile under what 256-QAM needs is a part of the channel that cannot carry
 * it (narrowband ingress, a notch): FAULT; a wide spread of the subcarriers' RxMER is MARGINAL. A mean below its
 * band is ofdm-mer.rule's finding, and a uniformly low channel has a low percentile too: not reported twice.
 */
export const ofdmMerSpreadRule: Rule = (ctx) => {
  const t = ctx.thresholds.pnm;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdm) {
    const mer = ch.pnm?.rxMer;
    const mean = ch.meanRxMerDb;
    if (mer == null || (mean != null && mean < ctx.thresholds.ofdmMer.textbook)) {
      continue;
    }
    const channel = ofdmRef(ch);
    const p = mer.percentileDb;
    if (p != null && p < t.rxMerPercentileFaultDb) {
      findings.push({
        code: 'OFDM_MER_SPREAD',
        severity: 'FAULT',
        channel,
        observed: round(p, 2),
        limit: t.rxMerPercentileFaultDb,
        unit: 'dB',
        message: merPercentileMessage(channel, {
          percentile: mer.percentile,
          percentileDb: p,
          highestFreqHz: mer.percentileHighestFreqHz,
          meanDb: mean,
          limitDb: t.rxMerPercentileFaultDb,
        }),
      });
    } else if (mer.stdDevDb != null && mer.stdDevDb > t.rxMerStdDevMarginalDb) {
      findings.push({
        code: 'OFDM_MER_SPREAD',
        severity: 'MARGINAL',
        channel,
        observed: round(mer.stdDevDb, 2),
        limit: t.rxMerStdDevMarginalDb,
        unit: 'dB',
        message: merStdDevMessage(channel, mer.stdDevDb, t.rxMerStdDevMarginalDb, mean),
      });
    }
  }
  return findings;
};
