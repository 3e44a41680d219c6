// Every number the rules grade against. Defaults are docsis-reference.md §2 / §3.4 ("proposed default").
// Boundaries are inclusive on the better side unless the field name says otherwise.

export interface LevelBands {
  /** TEXTBOOK when textbookMin <= P <= textbookMax. */
  textbookMin: number;
  textbookMax: number;
  /** MARGINAL when marginalMin <= P < textbookMin or textbookMax < P <= marginalMax; FAULT beyond. */
  marginalMin: number;
  marginalMax: number;
}

/**
 * Upstream pre-equalisation (docs/pre-equalisation.md §5, with sources). All levels in dB; "dBc" is relative to the
 * main tap. The metrics are ratios of tap energies, so these hold whatever a vendor's coefficient scale.
 */
export interface PreEqThresholds {
  /** Main tap ratio: TEXTBOOK >= mtrTextbookDb; MARGINAL mtrFaultDb <= MTR < mtrTextbookDb; FAULT below. */
  mtrTextbookDb: number;
  mtrFaultDb: number;
  /**
   * Non-main to total tap energy (<= 0 dB): TEXTBOOK <= nmterMarginalDb < MARGINAL <= nmterFaultDb < FAULT. At or
   * below nmterMarginalDb the taps show no distortion to classify.
   */
  nmterMarginalDb: number;
  nmterFaultDb: number;
  /** Micro-reflection when PostMTTER > postMtterDb (and NMTER is above nmterMarginalDb). */
  postMtterDb: number;
  /** Group delay when PreMTTER - PostMTTER > groupDelayMarginDb (and NMTER is above nmterMarginalDb). */
  groupDelayMarginDb: number;
  /** The echo level read off the frequency response's ripple: TEXTBOOK <= marginal < MARGINAL <= fault < FAULT. */
  rippleEchoMarginalDbc: number;
  rippleEchoFaultDbc: number;
  /** A post-main tap at or above this level is a resolvable echo (its distance is measured). */
  echoTapMinDbc: number;
  /** The in-home sign: both taps next to the main tap at or above this level, and no echo further out. */
  adjacentTapMinDbc: number;
  /** Velocity factor of the coax, for distances (RG6 and RG11 0.87, RG59 0.82). */
  velocityFactor: number;
  /** Where a fault is (diagnosis/fault-location.ts): two echoes within this many taps are the same cavity. */
  sameEchoToleranceTaps: number;
  /** TAP_OR_AMPLIFIER when at least this many modems of the node (this one included) share the echo. */
  sharedEchoMinModems: number;
  /** PLANT when the modems sharing it are at least this share of the node's modems compared (this one included). */
  plantMinShare: number;
  /** "Only this home" needs at least this many neighbours whose coefficients were compared. */
  neighboursMinCompared: number;
  /** An echo only this modem shows, no farther than this (one way), is a DROP cavity; farther, UNKNOWN. */
  dropMaxM: number;
}

/**
 * DOCSIS 3.1 PNM summaries (docs/pnm.md §4, with sources). The amplitude ripples of the downstream channel estimate
 * and of the OFDMA pre-equaliser are graded as the echo level they mean, against `preEq.rippleEcho*`.
 */
export interface PnmThresholds {
  /**
   * What the mean RxMER hides, graded only on a channel whose mean is in its textbook band (`ofdmMer.textbook`):
   * FAULT when the RxMER at the low percentile (docsPnmCmDsOfdmRxMerThrVal) is below rxMerPercentileFaultDb; else
   * MARGINAL when the standard deviation across the subcarriers is above rxMerStdDevMarginalDb.
   */
  rxMerPercentileFaultDb: number;
  rxMerStdDevMarginalDb: number;
  /** |amplitude slope| of the downstream channel estimate: MARGINAL (DS_TILT) above it. Never a fault. */
  dsAmpSlopeMarginalDbPerMhz: number;
  /** Group-delay ripple peak to peak with the amplitude ripple in its band: MARGINAL above it. Never a fault. */
  dsGroupDelayRippleMarginalNs: number;
  usGroupDelayRippleMarginalNs: number;
}

export interface ThresholdsProfile {
  name: string;
  dsPower: LevelBands;
  dsSnr: {
    /** 256-QAM: TEXTBOOK >= textbook; MARGINAL fault <= S < textbook; FAULT < fault. */
    qam256: { textbook: number; fault: number };
    /** 256-QAM at low receive level: FAULT when S < lowLevelFault while P < lowLevelDbmv (Arris/DOCSIS rule). */
    qam256LowLevel: { belowDbmv: number; fault: number };
    qam64: { textbook: number; fault: number };
  };
  /** MARGINAL when max - min of locked SC-QAM DS power exceeds this. Never a fault. */
  dsTiltMarginalDb: number;
  usTxPower: {
    /** MARGINAL (LOW_US_POWER) below this; never TEXTBOOK below it. */
    lowMarginal: number;
    /** FAULT below this (the DOCSIS 3.1 MIB's lowest valid transmit power). */
    lowFault: number;
    /** DOCSIS 3.0 Pmax per channel for 64-QAM by number of bonded upstream channels; "5" covers 5 and more. */
    docsis30Pmax: Record<'1' | '2' | '3' | '4' | '5', number>;
    /** DOCSIS 3.0: MARGINAL when Pmax - marginDb < T < Pmax; FAULT when T >= Pmax. */
    docsis30MarginDb: number;
    /** DOCSIS 3.1 modems' SC-QAM channels: TEXTBOOK <= textbookMax < MARGINAL <= faultAbove < FAULT. */
    docsis31TextbookMax: number;
    docsis31FaultAbove: number;
  };
  ofdmaTxPower: {
    /** TEXTBOOK when textbookAbove < P <= textbookMax; MARGINAL P <= textbookAbove or textbookMax < P <= faultAbove. */
    textbookAbove: number;
    textbookMax: number;
    faultAbove: number;
  };
  codewords: {
    /** Uncorrectable ratio: TEXTBOOK < marginal <= MARGINAL <= fault < FAULT. Ratios, not percent. */
    uncorrectableMarginal: number;
    uncorrectableFault: number;
    /** Corrected ratio >= this is MARGINAL (HIGH_CORRECTED); never a fault. */
    correctedMarginal: number;
    /** Channels with fewer codewords than this in the window are not graded. */
    minCodewords: number;
    /** Deltas are taken from the earliest snapshot no older than this. */
    windowMinutes: number;
  };
  timeouts: {
    /** Per 24 h, summed over upstream channels: MARGINAL t3Marginal <= T3 < t3Fault; FAULT T3 >= t3Fault. */
    t3Marginal: number;
    t3Fault: number;
    /** FAULT when T4 or T3-exceeded per 24 h reaches this. */
    t4Fault: number;
    t3ExceededFault: number;
    windowHours: number;
  };
  ofdmMer: { textbook: number; fault: number };
  ofdmPower: LevelBands;
  cmtsUpstream: {
    /** |CMTS Rx - set point|: TEXTBOOK <= rxOffsetTextbookDb < MARGINAL <= rxOffsetFaultDb < FAULT. */
    rxOffsetTextbookDb: number;
    rxOffsetFaultDb: number;
    /** CMTS upstream SNR (64-QAM): TEXTBOOK >= snrTextbook; MARGINAL snrFault <= S < snrTextbook; FAULT below. */
    snrTextbook: number;
    snrFault: number;
  };
  neighbourhood: {
    /** PLANT_OUTAGE when at least this many other modems of the group are offline... */
    outageMinOffline: number;
    /** ...and they are at least this share of the group's other modems. */
    outageMinShare: number;
    /** NODE_WIDE when a FAULT is shared by at least this share of the group's other modems. */
    nodeWideMinShare: number;
    /**
     * A node is DEGRADED (rather than OK) when at least this many of its modems, and this share of them, are
     * offline or have a line fault of their own: one switched-off modem does not make a street amber.
     */
    degradedMinModems: number;
    degradedMinShare: number;
    /**
     * A modem that does not answer and whose node is unknown: when at least this many modems fell silent within
     * the window, the silence is fleet-wide (an outage or the management network), not this home.
     */
    silenceBurstMinModems: number;
    silenceBurstWindowMinutes: number;
  };
  flapping: {
    /** FLAPPING when reboots or re-registrations within the window reach these counts. */
    reboots: number;
    reinits: number;
    windowHours: number;
  };
  preEq: PreEqThresholds;
  pnm: PnmThresholds;
}

export const DEFAULT_THRESHOLDS: ThresholdsProfile = {
  name: 'docsis-default',
  dsPower: { textbookMin: -10, textbookMax: 10, marginalMin: -15, marginalMax: 15 },
  dsSnr: {
    qam256: { textbook: 33, fault: 30 },
    qam256LowLevel: { belowDbmv: -6, fault: 33 },
    qam64: { textbook: 27, fault: 23.5 },
  },
  dsTiltMarginalDb: 10,
  usTxPower: {
    lowMarginal: 35,
    lowFault: 17,
    docsis30Pmax: { '1': 57, '2': 54, '3': 51, '4': 51, '5': 48 },
    docsis30MarginDb: 1,
    docsis31TextbookMax: 51,
    docsis31FaultAbove: 53,
  },
  ofdmaTxPower: { textbookAbove: 38, textbookMax: 48, faultAbove: 50 },
  codewords: {
    uncorrectableMarginal: 0.001,
    uncorrectableFault: 0.01,
    correctedMarginal: 0.01,
    minCodewords: 100_000,
    windowMinutes: 60,
  },
  timeouts: { t3Marginal: 4, t3Fault: 30, t4Fault: 1, t3ExceededFault: 1, windowHours: 24 },
  ofdmMer: { textbook: 34, fault: 27 },
  ofdmPower: { textbookMin: -10, textbookMax: 10, marginalMin: -15, marginalMax: 15 },
  cmtsUpstream: { rxOffsetTextbookDb: 1.5, rxOffsetFaultDb: 6, snrTextbook: 30, snrFault: 25 },
  neighbourhood: {
    outageMinOffline: 4,
    outageMinShare: 0.1,
    nodeWideMinShare: 0.1,
    degradedMinModems: 2,
    degradedMinShare: 0.05,
    silenceBurstMinModems: 20,
    silenceBurstWindowMinutes: 15,
  },
  flapping: { reboots: 3, reinits: 3, windowHours: 24 },
  preEq: {
    mtrTextbookDb: 25,
    mtrFaultDb: 18,
    nmterMarginalDb: -25,
    nmterFaultDb: -18,
    postMtterDb: -25,
    groupDelayMarginDb: 0,
    rippleEchoMarginalDbc: -25,
    rippleEchoFaultDbc: -18,
    echoTapMinDbc: -30,
    adjacentTapMinDbc: -25,
    velocityFactor: 0.87,
    sameEchoToleranceTaps: 1,
    sharedEchoMinModems: 2,
    plantMinShare: 0.5,
    neighboursMinCompared: 2,
    dropMaxM: 100,
  },
  pnm: {
    rxMerPercentileFaultDb: 27,
    rxMerStdDevMarginalDb: 3,
    dsAmpSlopeMarginalDbPerMhz: 0.023,
    dsGroupDelayRippleMarginalNs: 75,
    usGroupDelayRippleMarginalNs: 200,
  },
};
