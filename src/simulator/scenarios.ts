import { type CmtsDialect, type ModemShape } from '../config/simulator-spec';
import type { Action, SubKind, Verdict } from '../domain/diagnosis';

import type { ModemProfile } from './modem-profile';
import { equalizerWithEcho, equalizerWithEchoes } from './pnm-summaries';
import type { PreEqShape } from './pre-eq-coefficients';

// Every fault and marginal condition of docsis-reference §3.2 that a modem alone can show, as data.
// `expect` is what the default thresholds make of it: the e2e suite holds the service to it.

export interface Scenario {
  name: string;
  description: string;
  /** Scenarios on OFDM/OFDMA need a DOCSIS 3.1 modem. */
  requires?: '3.1';
  /**
   * On a DOCSIS 3.0 (docsis30) CMTS, as the e2e suite runs them: what a call-centre check shows of the modem, and
   * a sweep too, as long as the DOCSIS 3.1 PNM summaries add nothing to it.
   */
  expect: ScenarioExpectation;
  /** Where a CMTS of another dialect shows the scenario otherwise. */
  expectOn?: Partial<Record<CmtsDialect, ScenarioExpectation>>;
  /**
   * What a call-centre check (a full poll) of a DOCSIS 3.1 modem that serves its PNM summaries shows instead: the
   * evidence the summaries add. A sweep (a fast poll) does not read them and shows `expect`.
   */
  expectWithPnm?: ScenarioExpectation;
  apply(profile: ModemProfile): void;
}

export interface ScenarioExpectation {
  verdict: Verdict;
  subKinds: SubKind[];
  action: Action;
}

/**
 * What a call-centre check gives a modem of this shape in the scenario, on a CMTS of this dialect. The PNM summaries
 * count only on a DOCSIS 3.1 modem that has them ready (not the PNM_NOT_READY quirk).
 */
export function expectationOn(
  scenario: Scenario,
  dialect: CmtsDialect,
  shape: ModemShape = { docsis: '3.0', quirks: [] },
): ScenarioExpectation {
  const pnm = shape.docsis === '3.1' && !shape.quirks.includes('PNM_NOT_READY');
  return scenario.expectOn?.[dialect] ?? (pnm ? scenario.expectWithPnm : undefined) ?? scenario.expect;
}

const HOURS = 3600;

function allDs(p: ModemProfile, f: (ch: ModemProfile['ds'][number], i: number) => void): void {
  p.ds.forEach(f);
}

function allUs(p: ModemProfile, txPowerDbmv: number): void {
  p.us.forEach((ch, i) => (ch.txPowerDbmv = txPowerDbmv + i * 0.1));
}

/** Highest DOCSIS 3.0 per-channel ceiling for this many bonded 64-QAM upstreams (default thresholds). */
function pmax30(p: ModemProfile): number {
  return ({ 1: 57, 2: 54, 3: 51, 4: 51 } as Record<number, number>)[p.us.length] ?? 48;
}

/** A fault only the CMTS shows, on a CMTS that does not show it. */
const UNSEEN_WITHOUT_CMTS: ScenarioExpectation = {
  verdict: 'TEXTBOOK_OK',
  subKinds: [],
  action: 'CHECK_CUSTOMER_EQUIPMENT',
};
/** A silent modem on a blind CMTS: silent, and nothing shows whether its neighbours are too. */
const OFFLINE_WITHOUT_CMTS: ScenarioExpectation = {
  verdict: 'INSUFFICIENT_DATA',
  subKinds: ['NEIGHBOURS_UNKNOWN'],
  action: 'NO_DISPATCH',
};

/**
 * Every upstream channel's coefficients show these echoes (one cavity delays every channel alike), and so does the
 * OFDMA pre-equaliser's summary. The downstream's channel estimate does not: a cavity as long as a drop loses far
 * more on its round trip at OFDM frequencies (hundreds of MHz) than at upstream ones, so its downstream echo stays
 * under the ripple limit (a cavity inside the home does not: `downstreamEcho`).
 */
function preEq(p: ModemProfile, shape: PreEqShape): void {
  p.us.forEach((ch) => (ch.preEq = shape));
  p.ofdma.forEach((ch) => (ch.pnm.preEq = equalizerWithEchoes(ch.pnm.preEq, shape.echoes)));
}

/** The OFDM channel estimate shows one echo of this level (dBc) and delay (ns). */
function downstreamEcho(p: ModemProfile, levelDbc: number, delayNs: number): void {
  p.ofdm.forEach(
    (ch) => (ch.pnm.channelEstimate = equalizerWithEcho(ch.pnm.channelEstimate, levelDbc, delayNs)),
  );
}

/** The OFDM channel estimate slopes this much (dB per MHz): tilt or roll-off inside the channel. */
function downstreamSlope(p: ModemProfile, dbPerMhz: number): void {
  p.ofdm.forEach(
    (ch) => (ch.pnm.channelEstimate = { ...ch.pnm.channelEstimate, ampSlopeDbPerMhz: dbPerMhz }),
  );
}

/** A cavity this long (one way) at velocity factor 0.87: its echo's round-trip delay (ns). */
const delayNsOf = (metres: number): number => ((2 * metres) / (299_792_458 * 0.87)) * 1e9;

/** The echo of a cavity this long (one way) at 5.12 Msym/s and velocity factor 0.87, in taps (25.5 m a tap). */
const tapsOf = (metres: number): number => metres / 25.48;

/** Scenarios of a fault's place (issue 15): pre-equalisation signatures of a drop, a tap, a home and group delay. */
export const PRE_EQ_SHAPES = {
  /** A drop cavity about 45 m long: a -14 dBc echo. */
  drop: { echoes: [{ delayTaps: tapsOf(45), levelDbc: -14, phaseRad: 1 }] },
  /** A faulty tap about 150 m up the line: every modem behind it shows the same -15 dBc echo. */
  tap: { echoes: [{ delayTaps: tapsOf(150), levelDbc: -15, phaseRad: -0.5 }] },
  /** Splitters in cascade inside the home: energy on both taps next to the main tap, nothing further out. */
  home: {
    echoes: [
      { delayTaps: 1, levelDbc: -22, phaseRad: 0.4 },
      { delayTaps: -1, levelDbc: -23, phaseRad: -0.9 },
    ],
  },
  /** Group delay (a diplex filter or an amplifier's slope): energy before the main tap. */
  groupDelay: {
    echoes: [
      { delayTaps: -1, levelDbc: -17, phaseRad: 0.3 },
      { delayTaps: -2, levelDbc: -20, phaseRad: 1.2 },
    ],
  },
} as const satisfies Record<string, PreEqShape>;

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'TEXTBOOK',
    description: 'Every metric inside its textbook band; a router is connected.',
    expect: { verdict: 'TEXTBOOK_OK', subKinds: [], action: 'CHECK_CUSTOMER_EQUIPMENT' },
    apply: () => undefined,
  },
  {
    name: 'NO_CPE',
    description: 'Healthy line, but nothing is connected behind the modem (router off or unplugged).',
    expect: { verdict: 'TEXTBOOK_OK', subKinds: ['NO_CPE_DETECTED'], action: 'CHECK_CUSTOMER_EQUIPMENT' },
    apply: (p) => (p.cpes = []),
  },
  {
    name: 'DS_POWER_LOW_MARGINAL',
    description: 'Downstream receive level at -12.5 dBmV on every channel (long drop, extra splitter).',
    expect: { verdict: 'MARGINAL', subKinds: ['LOW_DS_POWER'], action: 'REMOTE_FIX' },
    apply: (p) => allDs(p, (ch, i) => ((ch.powerDbmv = -12.5 + (i % 3) * 0.1), (ch.snrDb = 36))),
  },
  {
    name: 'DS_POWER_LOW_FAULT',
    description: 'Downstream receive level at -16.5 dBmV (below the -15 dBmV DOCSIS window).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['LOW_DS_POWER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => allDs(p, (ch, i) => ((ch.powerDbmv = -16.5 + (i % 3) * 0.1), (ch.snrDb = 35))),
  },
  {
    name: 'DS_POWER_HIGH_MARGINAL',
    description: 'Downstream receive level at +12.5 dBmV (missing attenuator).',
    expect: { verdict: 'MARGINAL', subKinds: ['HIGH_DS_POWER'], action: 'REMOTE_FIX' },
    apply: (p) => allDs(p, (ch, i) => (ch.powerDbmv = 12.5 + (i % 3) * 0.1)),
  },
  {
    name: 'DS_POWER_HIGH_FAULT',
    description: 'Downstream receive level at +16.5 dBmV (amplifier too hot).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['HIGH_DS_POWER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => allDs(p, (ch, i) => (ch.powerDbmv = 16.5 + (i % 3) * 0.1)),
  },
  {
    name: 'DS_SNR_MARGINAL',
    description: 'Downstream SNR at 31.5 dB on every 256-QAM channel (noise, FEC still copes).',
    expect: { verdict: 'MARGINAL', subKinds: ['LOW_DS_SNR'], action: 'REMOTE_FIX' },
    apply: (p) => allDs(p, (ch) => (ch.snrDb = 31.5)),
  },
  {
    name: 'DS_SNR_FAULT',
    description: 'Narrowband ingress: two downstream channels at 27 dB SNR.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['LOW_DS_SNR'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => p.ds.slice(-2).forEach((ch) => (ch.snrDb = 27)),
  },
  {
    name: 'DS_TILT',
    description: 'Downstream levels spread 13 dB from low to high frequency (frequency-response problem).',
    expect: { verdict: 'MARGINAL', subKinds: ['DS_TILT'], action: 'REMOTE_FIX' },
    apply: (p) => {
      allDs(p, (ch, i) => (ch.powerDbmv = Math.round((-7 + (13 * i) / (p.ds.length - 1)) * 10) / 10));
      // The same tilt across the OFDM channel's band (13 dB over the SC-QAM channels' 186 MHz).
      downstreamSlope(p, 0.07);
    },
  },
  {
    name: 'US_POWER_HIGH_MARGINAL',
    description: 'Upstream transmit within 1 dB of the ceiling (DOCSIS 3.0) or 51-53 dBmV (DOCSIS 3.1).',
    expect: { verdict: 'MARGINAL', subKinds: ['HIGH_US_POWER'], action: 'REMOTE_FIX' },
    apply: (p) => allUs(p, p.docsis === '3.1' ? 52 : pmax30(p) - 0.7),
  },
  {
    name: 'US_POWER_HIGH_FAULT',
    description: 'Upstream transmit at the ceiling: no headroom left, excess upstream attenuation.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['HIGH_US_POWER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => allUs(p, p.docsis === '3.1' ? 54 : pmax30(p) + 0.5),
  },
  {
    name: 'US_POWER_LOW',
    description: 'Upstream transmit at 31 dBmV (hot return path, missing pad).',
    expect: { verdict: 'MARGINAL', subKinds: ['LOW_US_POWER'], action: 'REMOTE_FIX' },
    apply: (p) => allUs(p, 31),
  },
  {
    name: 'OFDMA_POWER_MARGINAL',
    description: 'OFDMA P1.6r_n at 49 dBmV.',
    requires: '3.1',
    expect: { verdict: 'MARGINAL', subKinds: ['OFDMA_TX_POWER'], action: 'REMOTE_FIX' },
    apply: (p) => p.ofdma.forEach((ch) => (ch.txPowerDbmv = 49)),
  },
  {
    name: 'OFDMA_POWER_FAULT',
    description: 'OFDMA P1.6r_n at 51.5 dBmV.',
    requires: '3.1',
    expect: { verdict: 'LINE_FAULT', subKinds: ['OFDMA_TX_POWER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => p.ofdma.forEach((ch) => (ch.txPowerDbmv = 51.5)),
  },
  {
    name: 'UNCORRECTABLES_MARGINAL',
    description: '0.5 % uncorrectable codewords on three downstream channels.',
    expect: { verdict: 'MARGINAL', subKinds: ['EXCESSIVE_UNCORRECTABLES'], action: 'REMOTE_FIX' },
    apply: (p) =>
      p.ds.slice(0, 3).forEach((ch) => ((ch.uncorrectableRatio = 0.005), (ch.correctedRatio = 0.002))),
  },
  {
    name: 'UNCORRECTABLES_FAULT',
    description: 'Impulse noise: 3 % uncorrectable codewords on three downstream channels.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['EXCESSIVE_UNCORRECTABLES'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) =>
      p.ds.slice(0, 3).forEach((ch) => ((ch.uncorrectableRatio = 0.03), (ch.correctedRatio = 0.004))),
  },
  {
    name: 'HIGH_CORRECTED',
    description: '3 % corrected codewords: noise is present and FEC is coping.',
    expect: { verdict: 'MARGINAL', subKinds: ['HIGH_CORRECTED'], action: 'REMOTE_FIX' },
    apply: (p) => allDs(p, (ch) => (ch.correctedRatio = 0.03)),
  },
  {
    name: 'T3_MARGINAL',
    description: 'About 20 T3 timeouts a day across the upstream channels.',
    expect: { verdict: 'MARGINAL', subKinds: ['T3_T4_TIMEOUTS'], action: 'REMOTE_FIX' },
    apply: (p) => {
      p.us.forEach((ch) => (ch.t3PerDay = 20 / p.us.length));
      p.uptimeSec = 12 * HOURS;
    },
  },
  {
    name: 'T3_T4_FAULT',
    description: 'T4 timeouts: station maintenance lost, the MAC re-initialised.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['T3_T4_TIMEOUTS'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => {
      p.us[0].t4PerDay = 4;
      p.us[0].t3PerDay = 2;
      p.uptimeSec = 12 * HOURS;
    },
  },
  {
    name: 'PARTIAL_SERVICE_DS',
    description: 'One bonded downstream channel lost lock (ifOperStatus down).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['PARTIAL_SERVICE_DS'], action: 'REMOTE_FIX' },
    apply: (p) => {
      const ch = p.ds[p.ds.length - 1];
      ch.locked = false;
      ch.powerDbmv = 0;
      ch.snrDb = 0;
    },
  },
  {
    name: 'PARTIAL_SERVICE_US',
    description: 'One bonded upstream channel muted after ranging aborted.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['PARTIAL_SERVICE_US'], action: 'REMOTE_FIX' },
    apply: (p) => {
      const ch = p.us[p.us.length - 1];
      ch.muted = true;
      ch.rangingStatus = 2;
    },
  },
  {
    name: 'OFDM_MER_MARGINAL',
    description: 'OFDM mean RxMER 30 dB: only 256/512-QAM profiles sustainable.',
    requires: '3.1',
    expect: { verdict: 'MARGINAL', subKinds: ['OFDM_LOW_MER'], action: 'REMOTE_FIX' },
    apply: (p) => p.ofdm.forEach((ch) => (ch.merDb = 30)),
  },
  {
    name: 'OFDM_MER_FAULT',
    description: 'OFDM mean RxMER 24 dB, below the 256-QAM requirement.',
    requires: '3.1',
    expect: { verdict: 'LINE_FAULT', subKinds: ['OFDM_LOW_MER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => p.ofdm.forEach((ch) => (ch.merDb = 24)),
  },
  {
    name: 'OFDM_POWER_MARGINAL',
    description:
      'Roll-off: the top OFDM 6 MHz bands arrive at -12.5 dBmV, inside the window but without margin.',
    requires: '3.1',
    expect: { verdict: 'MARGINAL', subKinds: ['OFDM_POWER'], action: 'REMOTE_FIX' },
    expectWithPnm: { verdict: 'MARGINAL', subKinds: ['OFDM_POWER', 'DS_TILT'], action: 'REMOTE_FIX' },
    apply: (p) => {
      p.ofdm.forEach((ch) => ch.bands.slice(-3).forEach((b) => (b.powerDbmv = -12.5)));
      downstreamSlope(p, -0.12);
    },
  },
  {
    name: 'OFDM_POWER_FAULT',
    description: 'High-band roll-off: the top OFDM 6 MHz bands arrive at -17 dBmV.',
    requires: '3.1',
    // The roll-off's slope in the channel estimate is a MARGINAL DS_TILT finding, under the fault's sub-kinds.
    expect: { verdict: 'LINE_FAULT', subKinds: ['OFDM_POWER'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => {
      p.ofdm.forEach((ch) => ch.bands.slice(-3).forEach((b) => (b.powerDbmv = -17.2)));
      downstreamSlope(p, -0.16);
    },
  },
  {
    name: 'FLAPPING_RF_REINIT',
    description: 'The RF MAC re-initialised 5 times in 10 h with T4 timeouts while the modem kept running.',
    expect: { verdict: 'FLAPPING', subKinds: ['RF_REINIT', 'T3_T4_TIMEOUTS'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => {
      p.resetsSinceBoot = 5;
      p.reregisteredAgoSec = 20 * 60;
      p.us[0].t4PerDay = 12;
      p.uptimeSec = 10 * HOURS;
    },
  },
  {
    name: 'FLAPPING_DEVICE_REBOOTS',
    description: 'The modem reboots itself every few minutes (power supply): uptime keeps restarting from 0.',
    expect: { verdict: 'FLAPPING', subKinds: ['DEVICE_REBOOTS'], action: 'SWAP_MODEM' },
    apply: (p) => (p.selfRebootPeriodSec = 300),
  },
  {
    name: 'ACCESS_DENIED',
    description: 'The CMTS refused registration (accessDenied): account or config file problem.',
    expect: { verdict: 'PROVISIONING_ISSUE', subKinds: ['ACCESS_DENIED'], action: 'BACK_OFFICE' },
    apply: (p) => (p.statusValue = 13),
  },
  {
    name: 'FORWARDING_DISABLED',
    description: 'Registered but forwarding disabled by the CMTS (provisioning).',
    expect: { verdict: 'PROVISIONING_ISSUE', subKinds: ['FORWARDING_DISABLED'], action: 'BACK_OFFICE' },
    apply: (p) => (p.statusValue = 20),
  },
  {
    name: 'CMTS_ACCESS_DENIED',
    description:
      'The CMTS refuses the modem (back office: account or config file): RFC 4546 CMTSes show accessDenied(7); ' +
      'DOCS-IF3, which has no such state, forwardingDisabled(17). The modem is not reachable over the network: a ' +
      'refused modem gets no forwarding, so its own accessDenied(13) shows only on its LAN side.',
    expect: { verdict: 'PROVISIONING_ISSUE', subKinds: ['FORWARDING_DISABLED'], action: 'BACK_OFFICE' },
    expectOn: {
      rfc4546: { verdict: 'PROVISIONING_ISSUE', subKinds: ['ACCESS_DENIED'], action: 'BACK_OFFICE' },
      blind: OFFLINE_WITHOUT_CMTS,
    },
    apply: (p) => {
      p.answers = false;
      p.statusValue = 13;
      p.cmts.accessDenied = true;
    },
  },
  {
    name: 'OFFLINE',
    description:
      'The modem answers nothing and the CMTS shows it offline: no power, or the coax is unplugged.',
    expect: {
      verdict: 'MODEM_OFFLINE',
      subKinds: ['NO_POWER_OR_DISCONNECTED'],
      action: 'CHECK_POWER_AND_CABLING',
    },
    expectOn: { blind: OFFLINE_WITHOUT_CMTS },
    apply: (p) => {
      p.answers = false;
      p.cmts.regState = 1;
    },
  },
  {
    name: 'MGMT_UNREACHABLE',
    description:
      "Online at the CMTS, but the modem's own SNMP does not answer (ACL, community, management path).",
    expect: {
      verdict: 'INSUFFICIENT_DATA',
      subKinds: ['CM_SNMP_UNREACHABLE_BUT_ONLINE'],
      action: 'NO_DISPATCH',
    },
    expectOn: { blind: OFFLINE_WITHOUT_CMTS },
    apply: (p) => (p.answers = false),
  },
  {
    name: 'STUCK_INITIAL_RANGING',
    description:
      'Powered and hearing the downstream, but stuck in initialRanging at the CMTS: upstream path broken.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['REGISTRATION_RF_FAILURE'], action: 'DISPATCH_TECHNICIAN' },
    expectOn: { blind: OFFLINE_WITHOUT_CMTS },
    apply: (p) => {
      p.answers = false;
      p.cmts.regState = 2;
    },
  },
  {
    name: 'US_RX_OFFSET_MARGINAL',
    description: 'The CMTS receives this modem 4 dB below its set point.',
    expect: { verdict: 'MARGINAL', subKinds: ['US_RX_OFFSET'], action: 'REMOTE_FIX' },
    expectOn: { blind: UNSEEN_WITHOUT_CMTS },
    apply: (p) => (p.cmts.usRxOffsetDb = -4),
  },
  {
    name: 'US_RX_OFFSET_FAULT',
    description: 'The CMTS receives this modem 8 dB below its set point: the modem cannot reach it.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['US_RX_OFFSET'], action: 'DISPATCH_TECHNICIAN' },
    expectOn: { blind: UNSEEN_WITHOUT_CMTS },
    apply: (p) => (p.cmts.usRxOffsetDb = -8),
  },
  {
    name: 'LOW_US_SNR_MARGINAL',
    description: 'Upstream SNR at the CMTS is 27 dB for this modem.',
    expect: { verdict: 'MARGINAL', subKinds: ['LOW_US_SNR'], action: 'REMOTE_FIX' },
    expectOn: { blind: UNSEEN_WITHOUT_CMTS },
    apply: (p) => (p.cmts.usSnrDb = 27),
  },
  {
    name: 'LOW_US_SNR_FAULT',
    description: 'Upstream SNR at the CMTS is 21 dB for this modem alone (ingress at the home).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['LOW_US_SNR'], action: 'DISPATCH_TECHNICIAN' },
    expectOn: { blind: UNSEEN_WITHOUT_CMTS },
    apply: (p) => {
      p.cmts.usSnrDb = 21;
      p.cmts.usUncorrectablesPerDay = 5000;
    },
  },
  {
    name: 'US_ECHO_DROP',
    description: 'A reflection about 45 m from the modem (a drop cavity): main tap ratio about 14 dB.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['US_MICRO_REFLECTION'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => preEq(p, PRE_EQ_SHAPES.drop),
  },
  {
    name: 'US_ECHO_TAP',
    description: 'A reflection about 150 m up the line (a faulty tap when neighbours show it too).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['US_MICRO_REFLECTION'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => preEq(p, PRE_EQ_SHAPES.tap),
  },
  {
    name: 'IN_HOME_SPLITTERS',
    description: 'Splitters in cascade in the home: energy next to the main tap, main tap ratio about 19 dB.',
    expect: { verdict: 'MARGINAL', subKinds: ['US_MICRO_REFLECTION'], action: 'REMOTE_FIX' },
    expectWithPnm: {
      verdict: 'MARGINAL',
      subKinds: ['US_MICRO_REFLECTION', 'DS_MICRO_REFLECTION'],
      action: 'REMOTE_FIX',
    },
    apply: (p) => {
      preEq(p, PRE_EQ_SHAPES.home);
      // A cavity inside the home is too short to lose much at OFDM frequencies: the downstream sees it too.
      downstreamEcho(p, -22, delayNsOf(12));
    },
  },
  {
    name: 'US_GROUP_DELAY',
    description: 'Group delay in the upstream (energy before the main tap): main tap ratio about 15 dB.',
    expect: { verdict: 'LINE_FAULT', subKinds: ['US_GROUP_DELAY'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => preEq(p, PRE_EQ_SHAPES.groupDelay),
  },
  {
    name: 'CMTS_PARTIAL_SERVICE',
    description:
      'The CMTS reports partial service, upstream impaired (docsIf31CmtsCmRegStatusPartialSvcState).',
    expect: { verdict: 'LINE_FAULT', subKinds: ['PARTIAL_SERVICE_US'], action: 'REMOTE_FIX' },
    expectOn: { rfc4546: UNSEEN_WITHOUT_CMTS, blind: UNSEEN_WITHOUT_CMTS },
    apply: (p) => (p.cmts.partialSvcState = 4),
  },
  {
    name: 'RF_REINIT_SINCE_BOOT',
    description:
      'The modem counts 953 RF re-initialisations in the 11 days since it started (docsIf3CmStatusResets, or ' +
      'docsIfCmStatusResets on a DOCSIS 2.0 modem) while it kept running.',
    expect: { verdict: 'FLAPPING', subKinds: ['RF_REINIT'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) => {
      p.resetsSinceBoot = 953;
      p.uptimeSec = 11 * 24 * HOURS;
    },
  },
  {
    name: 'OFDM_INGRESS',
    description:
      'Narrowband ingress inside the OFDM channel (an LTE carrier): the mean RxMER stays at 38 dB, but 2 % of the ' +
      'subcarriers are at 19 dB or less (standard deviation 5.5 dB). Only the PNM summaries of a full poll show it.',
    requires: '3.1',
    expect: { verdict: 'TEXTBOOK_OK', subKinds: [], action: 'CHECK_CUSTOMER_EQUIPMENT' },
    expectWithPnm: { verdict: 'LINE_FAULT', subKinds: ['OFDM_MER_SPREAD'], action: 'DISPATCH_TECHNICIAN' },
    apply: (p) =>
      p.ofdm.forEach((ch) => {
        ch.merDb = 38;
        ch.pnm.rxMerStdDevDb = 5.5;
        ch.pnm.rxMerP2BelowMeanDb = 19;
        ch.pnm.rxMerP2FrequencyHz = 740_250_000;
      }),
  },
  {
    name: 'PNM_SHORT_CAVITY',
    description:
      'A cavity about 3 m long at the modem (an open splitter port, a bad jumper): far shorter than a tap of the ' +
      'SC-QAM pre-equalisers, it ripples the wide OFDM channel estimate and the OFDMA pre-equaliser (a -16 dBc ' +
      'echo both ways). Only the PNM summaries of a full poll show it.',
    requires: '3.1',
    expect: { verdict: 'TEXTBOOK_OK', subKinds: [], action: 'CHECK_CUSTOMER_EQUIPMENT' },
    expectWithPnm: {
      verdict: 'LINE_FAULT',
      subKinds: ['US_MICRO_REFLECTION', 'DS_MICRO_REFLECTION'],
      action: 'DISPATCH_TECHNICIAN',
    },
    apply: (p) => {
      downstreamEcho(p, -16, delayNsOf(3));
      p.ofdma.forEach((ch) => (ch.pnm.preEq = equalizerWithEcho(ch.pnm.preEq, -16, delayNsOf(3))));
    },
  },
];

/** Conditions of a whole service group (node), applied on top of each modem's own scenario. */
export const NODE_SCENARIOS = {
  NONE: 'No node-level condition.',
  NODE_OUTAGE: 'Most modems of the node lose the plant: their CMTS rows vanish and they answer nothing.',
  NODE_OUTAGE_ROWS_REMAIN: 'Most modems of the node lose the plant: their CMTS rows stay, as other(1).',
  RETURN_PATH_INGRESS:
    "Ingress in the node's return path: low upstream SNR and uncorrectables for all its modems.",
} as const;
export type NodeScenario = keyof typeof NODE_SCENARIOS;

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}
