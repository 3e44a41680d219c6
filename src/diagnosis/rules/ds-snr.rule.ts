import { describeChannel, dsRef, fmt, round } from '../rule-helpers';
import type { Finding, Rule, Severity } from '../../domain/diagnosis';

/**
 * SNR/RxMER of every locked SC-QAM downstream channel (§2.2). Unknown modulations are graded as 256-QAM, the
 * stricter table, because a 256-QAM carrier is what a modern plant runs.
 */
export const dsSnrRule: Rule = (ctx) => {
  const t = ctx.thresholds.dsSnr;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.downstream) {
    if (!ch.locked) {
      continue;
    }
    const snr = ch.snrDb;
    const qam64 = ch.modulation === 'qam64';
    const label = qam64 ? '64-QAM' : '256-QAM';
    const head = `${describeChannel(dsRef(ch), label)} has an SNR of ${fmt(snr)} dB`;
    const bands = qam64 ? t.qam64 : t.qam256;
    let severity: Severity | null = null;
    let limit = bands.textbook;
    let message = '';
    if (snr < bands.fault) {
      severity = 'FAULT';
      limit = bands.fault;
      message = `${head}, below the ${fmt(limit)} dB minimum.`;
    } else if (!qam64 && snr < t.qam256LowLevel.fault && ch.powerDbmv < t.qam256LowLevel.belowDbmv) {
      severity = 'FAULT';
      limit = t.qam256LowLevel.fault;
      message =
        `${head} at a low level of ${fmt(ch.powerDbmv)} dBmV, below the ${fmt(limit)} dB needed ` +
        `when the level is under ${fmt(t.qam256LowLevel.belowDbmv)} dBmV.`;
    } else if (snr < bands.textbook) {
      severity = 'MARGINAL';
      limit = bands.textbook;
      message = `${head}, below the recommended ${fmt(limit)} dB but within the ${fmt(bands.fault)} dB limit.`;
    }
    if (severity == null) {
      continue;
    }
    findings.push({
      code: 'LOW_DS_SNR',
      severity,
      channel: dsRef(ch),
      observed: round(snr),
      limit,
      unit: 'dB',
      message,
    });
  }
  return findings;
};
