import { fmt, fmtMhz, round } from '../rule-helpers';
import type { Rule } from '../../domain/diagnosis';

/** Spread of receive levels across locked SC-QAM downstream channels (§2.8): a frequency-response hint only. */
export const dsTiltRule: Rule = (ctx) => {
  const locked = ctx.reading.downstream.filter((ch) => ch.locked);
  if (locked.length < 2) {
    return [];
  }
  let lowest = locked[0];
  let highest = locked[0];
  for (const ch of locked) {
    if (ch.powerDbmv < lowest.powerDbmv) {
      lowest = ch;
    }
    if (ch.powerDbmv > highest.powerDbmv) {
      highest = ch;
    }
  }
  const spread = highest.powerDbmv - lowest.powerDbmv;
  const limit = ctx.thresholds.dsTiltMarginalDb;
  if (!(spread > limit)) {
    return [];
  }
  return [
    {
      code: 'DS_TILT',
      severity: 'MARGINAL',
      observed: round(spread),
      limit,
      unit: 'dB',
      message:
        `Downstream levels vary by ${fmt(spread)} dB across channels ` +
        `(${fmt(lowest.powerDbmv)} dBmV at ${fmtMhz(lowest.frequencyHz)} to ` +
        `${fmt(highest.powerDbmv)} dBmV at ${fmtMhz(highest.frequencyHz)}), more than the recommended ${fmt(limit)} dB.`,
    },
  ];
};
