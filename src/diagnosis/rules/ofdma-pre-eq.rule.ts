import type { Finding, Rule } from '../../domain/diagnosis';
import { gradeAmplitudeRipple, rippleBands } from '../pnm-grades';
import { coAdjMessage, rippleMessage, usGroupDelayMessage } from '../pnm-wording';
import { ofdmaRef, round } from '../rule-helpers';

const CO_ADJ_VALUE = { clipped: 3, rejected: 4 } as const;
const CO_ADJ_SUCCESS = 2;

/**
 * The OFDMA pre-equaliser summary of a full poll (docs/pnm.md §4): amplitude ripple is an upstream echo (the same
 * sub-kind as the SC-QAM coefficients' echo), group-delay ripple with the amplitude in band is group delay, and
 * adjustments the modem clipped or rejected mean the upstream needs more correction than it can give. A muted or
 * unranged channel's pre-equaliser is not graded: it is not in use.
 */
export const ofdmaPreEqRule: Rule = (ctx) => {
  const t = ctx.thresholds.pnm;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdma) {
    const pnm = ch.pnm;
    if (pnm == null || ch.muted || ch.rangingStatus !== 'success') {
      continue;
    }
    const channel = ofdmaRef(ch);
    const eq = pnm.preEq;
    const ripple = eq.ampRipplePkPkDb;
    const bands = rippleBands(ctx.thresholds.preEq);
    const graded = ripple == null ? null : gradeAmplitudeRipple(ripple, bands);
    if (ripple != null && graded != null && graded.grade !== 'TEXTBOOK') {
      findings.push({
        code: 'US_MICRO_REFLECTION',
        severity: graded.grade,
        channel,
        observed: round(ripple, 3),
        limit: round(graded.limitDb, 3),
        unit: 'dB',
        message: rippleMessage(channel, {
          what: 'the pre-equaliser',
          direction: 'upstream',
          ripplePkPkDb: ripple,
          echoDbc: graded.echoDbc,
          groupDelayRipplePkPkNs: eq.groupDelayRipplePkPkNs,
          grade: graded.grade,
          bands,
        }),
      });
    } else if (
      eq.groupDelayRipplePkPkNs != null &&
      eq.groupDelayRipplePkPkNs > t.usGroupDelayRippleMarginalNs
    ) {
      findings.push({
        code: 'US_GROUP_DELAY',
        severity: 'MARGINAL',
        channel,
        observed: round(eq.groupDelayRipplePkPkNs),
        limit: t.usGroupDelayRippleMarginalNs,
        unit: 'ns',
        message: usGroupDelayMessage(channel, eq.groupDelayRipplePkPkNs, t.usGroupDelayRippleMarginalNs),
      });
    }
    if (pnm.coAdjStatus === 'clipped' || pnm.coAdjStatus === 'rejected') {
      findings.push({
        code: 'OFDMA_PRE_EQ_NOT_APPLIED',
        severity: 'MARGINAL',
        channel,
        observed: CO_ADJ_VALUE[pnm.coAdjStatus],
        limit: CO_ADJ_SUCCESS,
        unit: 'state',
        message: coAdjMessage(channel, pnm.coAdjStatus),
      });
    }
  }
  return findings;
};
