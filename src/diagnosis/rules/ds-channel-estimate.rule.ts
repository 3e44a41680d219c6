import type { Finding, Rule } from '../../domain/diagnosis';
import { dsGroupDelayMessage, dsSlopeMessage } from '../pnm-wording';
import { rippleFinding } from './pnm-ripple';
import { ofdmRef, round } from '../rule-helpers';

/**
 * The OFDM downstream channel estimate of a full poll (docs/pnm.md §4): amplitude ripple is an echo (graded as the
 * echo level it means, as the pre-equaliser's ripple), a slope is tilt or roll-off within the channel (DS_TILT,
 * never a fault, as the SC-QAM spread), and group-delay ripple with the amplitude in band is group delay. An echo
 * ripples the group delay too: with the amplitude ripple found, the group delay adds nothing to say.
 */
export const dsChannelEstimateRule: Rule = (ctx) => {
  const t = ctx.thresholds.pnm;
  const findings: Finding[] = [];
  for (const ch of ctx.reading.ofdm) {
    const est = ch.pnm?.channelEstimate;
    if (est == null) {
      continue;
    }
    const channel = ofdmRef(ch);
    const echoOrDelay = rippleFinding(channel, est, ctx.thresholds.preEq, {
      what: "the modem's channel estimate",
      direction: 'downstream',
      echoCode: 'DS_MICRO_REFLECTION',
      groupDelayCode: 'DS_GROUP_DELAY',
      groupDelayLimitNs: t.dsGroupDelayRippleMarginalNs,
      groupDelayMessage: dsGroupDelayMessage,
    });
    if (echoOrDelay) {
      findings.push(echoOrDelay);
    }
    const slope = est.ampSlopeDbPerMhz;
    if (slope != null && Math.abs(slope) > t.dsAmpSlopeMarginalDbPerMhz) {
      findings.push({
        code: 'DS_TILT',
        severity: 'MARGINAL',
        channel,
        observed: round(slope, 3),
        // The edge crossed: a falling slope crosses the negative one.
        limit: slope < 0 ? -t.dsAmpSlopeMarginalDbPerMhz : t.dsAmpSlopeMarginalDbPerMhz,
        unit: 'dB/MHz',
        message: dsSlopeMessage(channel, slope, t.dsAmpSlopeMarginalDbPerMhz),
      });
    }
  }
  return findings;
};
