import type { ChannelRef, Finding, SubKind } from '../../domain/diagnosis';
import type { PreEqThresholds } from '../../domain/thresholds';
import { gradeAmplitudeRipple, rippleBands } from '../pnm-grades';
import { rippleMessage } from '../pnm-wording';
import { round } from '../rule-helpers';

/** One PNM summary's ripple figures (channel estimate or OFDMA pre-equaliser). */
export interface RippleSummary {
  ampRipplePkPkDb: number | null;
  groupDelayRipplePkPkNs: number | null;
}

/** Where a summary comes from, and what its findings are called. */
export interface RippleSource {
  what: string;
  direction: 'downstream' | 'upstream';
  echoCode: SubKind;
  groupDelayCode: SubKind;
  groupDelayLimitNs: number;
  groupDelayMessage: (channel: ChannelRef, observedNs: number, limitNs: number) => string;
}

/**
 * Amplitude ripple is an echo, graded as the echo level it means; group-delay ripple with the amplitude in band is
 * group delay (an echo ripples the group delay too: with the echo found, the group delay adds nothing to say).
 */
export function rippleFinding(
  channel: ChannelRef,
  s: RippleSummary,
  preEq: PreEqThresholds,
  source: RippleSource,
): Finding | null {
  const ripple = s.ampRipplePkPkDb;
  const bands = rippleBands(preEq);
  const graded = ripple == null ? null : gradeAmplitudeRipple(ripple, bands);
  if (ripple != null && graded != null && graded.grade !== 'TEXTBOOK') {
    return {
      code: source.echoCode,
      severity: graded.grade,
      channel,
      observed: round(ripple, 3),
      limit: round(graded.limitDb, 3),
      unit: 'dB',
      message: rippleMessage(channel, {
        what: source.what,
        direction: source.direction,
        ripplePkPkDb: ripple,
        echoDbc: graded.echoDbc,
        groupDelayRipplePkPkNs: s.groupDelayRipplePkPkNs,
        grade: graded.grade,
        bands,
      }),
    };
  }
  const gd = s.groupDelayRipplePkPkNs;
  if (gd != null && gd > source.groupDelayLimitNs) {
    return {
      code: source.groupDelayCode,
      severity: 'MARGINAL',
      channel,
      observed: round(gd),
      limit: source.groupDelayLimitNs,
      unit: 'ns',
      message: source.groupDelayMessage(channel, gd, source.groupDelayLimitNs),
    };
  }
  return null;
}
