import { describeChannel, fmt, ofdmRef, round } from '../rule-helpers';
import type { Finding, Rule } from '../../domain/diagnosis';

/** Mean RxMER per OFDM channel (§2.7), not compared with the top modulation: bit-loading varies per subcarrier. */
export const ofdmMerRule: Rule = (ctx) => {
  const t = ctx.thresholds.ofdmMer;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdm) {
    const mer = ch.meanRxMerDb;
    if (mer == null || mer >= t.textbook) {
      continue;
    }
    const channel = ofdmRef(ch);
    const fault = mer < t.fault;
    const head = `${describeChannel(channel)} has a mean MER of ${fmt(mer)} dB`;
    findings.push({
      code: 'OFDM_LOW_MER',
      severity: fault ? 'FAULT' : 'MARGINAL',
      channel,
      observed: round(mer),
      limit: fault ? t.fault : t.textbook,
      unit: 'dB',
      message: fault
        ? `${head}, below the ${fmt(t.fault)} dB minimum.`
        : `${head}, below the recommended ${fmt(t.textbook)} dB but within the ${fmt(t.fault)} dB limit.`,
    });
  }
  return findings;
};
