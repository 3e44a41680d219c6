import type { OfdmChannel } from '../../domain/modem-reading';
import {
  crossedLimit,
  describeChannel,
  fmt,
  fmtMhz,
  gradeLevel,
  ofdmRef,
  round,
  severityOf,
} from '../rule-helpers';
import type { Finding, Rule } from '../../domain/diagnosis';

type Band = OfdmChannel['bandPowersDbmv'][number];

/**
 * OFDM receive level per 6 MHz band (§2.7), on the SC-QAM scale. One finding per channel, for its worst band:
 * a roll-off typically pushes many neighbouring bands out at once.
 */
export const ofdmPowerRule: Rule = (ctx) => {
  const bands = ctx.thresholds.ofdmPower;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdm) {
    let worst: { band: Band; severity: 'FAULT' | 'MARGINAL'; excess: number } | null = null;
    for (const band of ch.bandPowersDbmv) {
      const severity = severityOf(gradeLevel(band.powerDbmv, bands));
      if (severity == null) {
        continue;
      }
      const excess = Math.max(bands.textbookMin - band.powerDbmv, band.powerDbmv - bands.textbookMax);
      const worse =
        worst == null ||
        (severity === 'FAULT' && worst.severity === 'MARGINAL') ||
        (severity === worst.severity && excess > worst.excess);
      if (worse) {
        worst = { band, severity, excess };
      }
    }
    if (worst == null) {
      continue;
    }
    const grade = gradeLevel(worst.band.powerDbmv, bands);
    const limit = crossedLimit(grade, bands);
    const channel = ofdmRef(ch);
    const where = worst.band.band === 0 ? 'around its PLC' : `at ${fmtMhz(worst.band.frequencyHz)}`;
    const head = `${describeChannel(channel)} receives ${fmt(worst.band.powerDbmv)} dBmV in the 6 MHz band ${where}`;
    const message =
      grade === 'LOW_FAULT'
        ? `${head}, below the ${fmt(limit)} dBmV minimum.`
        : grade === 'HIGH_FAULT'
          ? `${head}, above the ${fmt(limit)} dBmV maximum.`
          : grade === 'LOW_MARGINAL'
            ? `${head}, below the recommended ${fmt(limit)} dBmV.`
            : `${head}, above the recommended ${fmt(limit)} dBmV.`;
    findings.push({
      code: 'OFDM_POWER',
      severity: worst.severity,
      channel,
      observed: round(worst.band.powerDbmv),
      limit,
      unit: 'dBmV',
      message,
    });
  }
  return findings;
};
