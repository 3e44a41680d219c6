import type { Finding, Rule } from '../../domain/diagnosis';
import { coAdjMessage, usGroupDelayMessage } from '../pnm-wording';
import { ofdmaRef } from '../rule-helpers';
import { rippleFinding } from './pnm-ripple';

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
    const echoOrDelay = rippleFinding(channel, pnm.preEq, ctx.thresholds.preEq, {
      what: 'the pre-equaliser',
      direction: 'upstream',
      echoCode: 'US_MICRO_REFLECTION',
      groupDelayCode: 'US_GROUP_DELAY',
      groupDelayLimitNs: t.usGroupDelayRippleMarginalNs,
      groupDelayMessage: usGroupDelayMessage,
    });
    if (echoOrDelay) {
      findings.push(echoOrDelay);
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
