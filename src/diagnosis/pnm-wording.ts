import type { ChannelRef } from '../domain/diagnosis';
import type { PnmMeasStatus, PreEqCoAdjStatus } from '../domain/modem-reading';
import type { PreEqGrade } from './pre-eq/grades';
import type { RippleBands } from './pnm-grades';
import { describeChannel, fmt, fmtMhz } from './rule-helpers';

// Every sentence the DOCSIS 3.1 PNM summaries add to a diagnosis (rules, not-checked, fault location). The rules
// decide; this file only phrases the decision.

/** "the 2.2 dB (-18 dBc) limit" / "the recommended 0.98 dB (-25 dBc) but within the 2.2 dB (-18 dBc) limit" */
function against(grade: Exclude<PreEqGrade, 'TEXTBOOK'>, limit: string, faultLimit: string): string {
  return grade === 'FAULT'
    ? `the ${limit} limit`
    : `the recommended ${limit} but within the ${faultLimit} limit`;
}

function meanWords(meanDb: number | null): string {
  return meanDb == null ? 'the mean was not read' : `the mean is ${fmt(meanDb)} dB`;
}

export function merPercentileMessage(
  ref: ChannelRef,
  m: {
    percentile: number | null;
    percentileDb: number;
    highestFreqHz: number | null;
    meanDb: number | null;
    limitDb: number;
  },
): string {
  const share = m.percentile == null ? 'the lowest' : `${fmt(m.percentile)} %`;
  const where =
    m.highestFreqHz == null || m.highestFreqHz <= 0
      ? ''
      : ` (the highest of them at ${fmtMhz(m.highestFreqHz)})`;
  return (
    `${describeChannel(ref)}: ${share} of its subcarriers have an RxMER of ${fmt(m.percentileDb, 2)} dB or ` +
    `less${where}, below the ${fmt(m.limitDb)} dB 256-QAM needs, while ${meanWords(m.meanDb)}: narrowband ingress ` +
    'or a notch inside the channel that the mean hides.'
  );
}

export function merStdDevMessage(
  ref: ChannelRef,
  stdDevDb: number,
  limitDb: number,
  meanDb: number | null,
): string {
  return (
    `${describeChannel(ref)}: the RxMER of its subcarriers spreads with a standard deviation of ${fmt(stdDevDb, 2)} dB, ` +
    `more than the recommended ${fmt(limitDb)} dB, while ${meanWords(meanDb)}: part of the channel is impaired ` +
    '(ingress, a notch or roll-off) in a way the mean hides.'
  );
}

export interface RippleWords {
  /** "the modem's channel estimate" / "the pre-equaliser" */
  what: string;
  direction: 'downstream' | 'upstream';
  ripplePkPkDb: number;
  echoDbc: number;
  groupDelayRipplePkPkNs: number | null;
  grade: Exclude<PreEqGrade, 'TEXTBOOK'>;
  bands: RippleBands;
}

export function rippleMessage(ref: ChannelRef, w: RippleWords): string {
  const gd =
    w.groupDelayRipplePkPkNs == null ? '' : `, group-delay ripple ${fmt(w.groupDelayRipplePkPkNs)} ns`;
  const b = w.bands;
  const marginal = `${fmt(b.marginalDb, 2)} dB (${fmt(b.marginalDbc)} dBc)`;
  const fault = `${fmt(b.faultDb, 2)} dB (${fmt(b.faultDbc)} dBc)`;
  return (
    `${describeChannel(ref)}: ${w.what} ripples ${fmt(w.ripplePkPkDb, 2)} dB peak to peak, as one reflection at ` +
    `about ${fmt(w.echoDbc)} dBc would${gd}: above ${against(w.grade, w.grade === 'FAULT' ? fault : marginal, fault)}. ` +
    `An echo (micro-reflection) in the ${w.direction}; the summary gives no distance.`
  );
}

export function groupDelayMessage(
  ref: ChannelRef,
  what: string,
  rippleNs: number,
  limitNs: number,
  assumption: string,
  cause: string,
): string {
  return (
    `${describeChannel(ref)}: ${what} shows a group-delay ripple of ${fmt(rippleNs)} ns peak to peak with its ` +
    `amplitude in band, more than the ${fmt(limitNs)} ns ${assumption}: group delay (${cause}) rather than an echo.`
  );
}

export function dsGroupDelayMessage(ref: ChannelRef, rippleNs: number, limitNs: number): string {
  return groupDelayMessage(
    ref,
    "the modem's channel estimate",
    rippleNs,
    limitNs,
    'DOCSIS assumes of the downstream',
    'a filter, a trap or an amplifier',
  );
}

export function usGroupDelayMessage(ref: ChannelRef, rippleNs: number, limitNs: number): string {
  return groupDelayMessage(
    ref,
    'the pre-equaliser',
    rippleNs,
    limitNs,
    'the return path is assumed to keep within (200 ns per MHz)',
    "a diplex filter or an amplifier's slope",
  );
}

export function dsSlopeMessage(ref: ChannelRef, slopeDbPerMhz: number, limit: number): string {
  return (
    `${describeChannel(ref)}: the modem's channel estimate has an amplitude slope of ${fmt(slopeDbPerMhz, 3)} dB per ` +
    `MHz, steeper than the ${fmt(limit, 3)} dB/MHz (16 dB from 50 to 750 MHz) DOCSIS assumes of the plant: tilt or ` +
    'roll-off within the channel.'
  );
}

export function coAdjMessage(
  ref: ChannelRef,
  status: Extract<PreEqCoAdjStatus, 'clipped' | 'rejected'>,
): string {
  const what =
    status === 'clipped'
      ? "could apply the network's last pre-equalisation adjustments only in part (clipped)"
      : "could not apply the network's last pre-equalisation adjustments at all (rejected)";
  return (
    `${describeChannel(ref)}: the modem ${what}: the upstream needs more correction than its pre-equaliser can ` +
    'give (excess tilt or ripple).'
  );
}

// ---- Not checked ----

/** Why one table's summary of one channel was not read. */
export function summaryUnread(what: string, table: string, status: PnmMeasStatus | null): string {
  return status == null
    ? `${what}: the modem gives no ${table} row for it`
    : `${what}: its measurement is ${status}, not sampleReady (${table})`;
}

export function pnmNotCheckedReason(ref: ChannelRef, parts: readonly string[], checks: string): string {
  return `DOCSIS 3.1 PNM summaries not read for ${describeChannel(ref)} (${parts.join('; ')}), so ${checks} were not checked from them.`;
}

export const OFDM_SUMMARY_CHECKS = 'ingress inside the channel, echoes, tilt and group delay in it';
export const OFDMA_SUMMARY_CHECKS = 'echoes and group delay in it';

// ---- Fault location ----

export function rippleBothWaysEvidence(dsRippleDb: number, usRippleDb: number): string {
  return (
    `Both directions ripple on this modem: the downstream channel estimate ${fmt(dsRippleDb, 2)} dB and the ` +
    `OFDMA pre-equaliser ${fmt(usRippleDb, 2)} dB peak to peak, beyond their limits: a cavity both signals cross. ` +
    'The SNMP summaries give no distance, and sweeps do not read them, so no neighbour was compared.'
  );
}

/** `distanceM`: the reflection's distance from the SC-QAM coefficients, when they gave one. */
export function rippleBothWaysLocation(distanceM: number | null): string {
  const distance =
    distanceM == null
      ? 'no distance is known from the summaries'
      : `the upstream coefficients put a reflection about ${fmt(distanceM, 0)} m from the modem`;
  return (
    'Echoes in both directions on this modem point to a cavity between the tap and the modem (the drop or the ' +
    `home wiring), not compared with neighbours; ${distance}: start at the ground block.`
  );
}
