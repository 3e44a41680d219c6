import { cmtsRowRule, cmtsUsRef, fmt, round } from '../rule-helpers';
import type { CmtsRowGrader } from '../rule-helpers';
import type { Finding } from '../../domain/diagnosis';

/**
 * Upstream SNR as the CMTS measures it for this modem (§2.4): return-path noise is visible only from the CMTS side.
 * The CMTS row carries no modulation, so every channel is graded with the 64-QAM floors.
 */
export const lowUsSnrFindings: CmtsRowGrader = (row, _setPointDbmv, thresholds) => {
  const t = thresholds.cmtsUpstream;
  const findings: Finding[] = [];
  for (const us of row.upstream) {
    const snr = us.snrDb;
    if (snr == null || snr >= t.snrTextbook) {
      continue;
    }
    const fault = snr < t.snrFault;
    const head = `The network hears this modem's upstream with an SNR of ${fmt(snr)} dB`;
    findings.push({
      code: 'LOW_US_SNR',
      severity: fault ? 'FAULT' : 'MARGINAL',
      channel: cmtsUsRef(us),
      observed: round(snr),
      limit: fault ? t.snrFault : t.snrTextbook,
      unit: 'dB',
      message: fault
        ? `${head}, below the ${fmt(t.snrFault)} dB minimum: noise is getting into the return path.`
        : `${head}, below the recommended ${fmt(t.snrTextbook)} dB but within the ${fmt(t.snrFault)} dB limit.`,
    });
  }
  return findings;
};

export const lowUsSnrRule = cmtsRowRule(lowUsSnrFindings);
