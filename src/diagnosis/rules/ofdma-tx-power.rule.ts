import { describeChannel, fmt, ofdmaRef, round } from '../rule-helpers';
import type { Finding, Rule, Severity } from '../../domain/diagnosis';

/** OFDMA target power P1.6r_n (§2.3): never compare it with SC-QAM limits, it is power per 1.6 MHz. */
export const ofdmaTxPowerRule: Rule = (ctx) => {
  const t = ctx.thresholds.ofdmaTxPower;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdma) {
    if (ch.muted || ch.rangingStatus !== 'success') {
      continue;
    }
    const tx = ch.txPowerDbmv;
    const channel = ofdmaRef(ch);
    const head = `${describeChannel(channel)} transmits at ${fmt(tx, 2)} dBmV per 1.6 MHz`;
    let severity: Severity;
    let limit: number;
    let message: string;
    if (tx > t.faultAbove) {
      severity = 'FAULT';
      limit = t.faultAbove;
      message = `${head}, above the ${fmt(limit)} dBmV maximum.`;
    } else if (tx > t.textbookMax) {
      severity = 'MARGINAL';
      limit = t.textbookMax;
      message = `${head}, above the recommended ${fmt(limit)} dBmV but within the ${fmt(t.faultAbove)} dBmV limit.`;
    } else if (tx <= t.textbookAbove) {
      severity = 'MARGINAL';
      limit = t.textbookAbove;
      message = `${head}, at or below the recommended floor of ${fmt(limit)} dBmV.`;
    } else {
      continue;
    }
    findings.push({
      code: 'OFDMA_TX_POWER',
      severity,
      channel,
      observed: round(tx, 2),
      limit,
      unit: 'dBmV',
      message,
    });
  }
  return findings;
};
