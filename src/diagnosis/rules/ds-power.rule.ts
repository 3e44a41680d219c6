import { crossedLimit, describeChannel, dsRef, fmt, gradeLevel, round, severityOf } from '../rule-helpers';
import type { Finding, Rule } from '../../domain/diagnosis';

/** Receive level of every locked SC-QAM downstream channel (§2.1). Unlocked channels report stale levels. */
export const dsPowerRule: Rule = (ctx) => {
  const bands = ctx.thresholds.dsPower;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.downstream) {
    if (!ch.locked) {
      continue;
    }
    const grade = gradeLevel(ch.powerDbmv, bands);
    const severity = severityOf(grade);
    if (severity == null) {
      continue;
    }
    const channel = dsRef(ch);
    const limit = crossedLimit(grade, bands);
    const low = grade === 'LOW_FAULT' || grade === 'LOW_MARGINAL';
    const head = `${describeChannel(channel)} receives ${fmt(ch.powerDbmv)} dBmV`;
    let message: string;
    if (grade === 'LOW_FAULT') {
      message = `${head}, below the ${fmt(limit)} dBmV minimum.`;
    } else if (grade === 'HIGH_FAULT') {
      message = `${head}, above the ${fmt(limit)} dBmV maximum.`;
    } else if (low) {
      message = `${head}, below the recommended ${fmt(limit)} dBmV but within the ${fmt(bands.marginalMin)} dBmV limit.`;
    } else {
      message = `${head}, above the recommended ${fmt(limit)} dBmV but within the ${fmt(bands.marginalMax)} dBmV limit.`;
    }
    findings.push({
      code: low ? 'LOW_DS_POWER' : 'HIGH_DS_POWER',
      severity,
      channel,
      observed: round(ch.powerDbmv),
      limit,
      unit: 'dBmV',
      message,
    });
  }
  return findings;
};
