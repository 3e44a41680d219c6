// From tap delays to cable lengths (docs/pre-equalisation.md §3). An echo's delay is a round trip between two
// impedance mismatches, so the cavity is half the distance the delay covers: d = delay · c · VF / 2.

export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;
export const METRES_PER_FOOT = 0.3048;
/** SC-QAM upstream roll-off α: the channel is (1 + α) times the symbol rate wide. */
export const SC_QAM_ROLL_OFF = 0.25;

/** DOCS-IF-MIB has no symbol-rate column: docsIfUpChannelWidth / 1.25 (6.4 MHz → 5.12 Msym/s). */
export function symbolRateFromChannelWidth(channelWidthHz: number): number {
  return channelWidthHz / (1 + SC_QAM_ROLL_OFF);
}

/** How far apart the taps are in time, and how fast the signal runs in the cable. */
export interface EqualizerTiming {
  symbolRateBaud: number;
  /** One symbol divided by the taps per symbol. */
  tapSpacingSec: number;
  velocityFactor: number;
}

/** Null when the channel width was not read (or is not a width): then there are tap counts but no distances. */
export function equalizerTiming(
  channelWidthHz: number | null,
  tapsPerSymbol: number,
  velocityFactor: number,
): EqualizerTiming | null {
  if (channelWidthHz == null || !Number.isFinite(channelWidthHz) || channelWidthHz <= 0) {
    return null;
  }
  const symbolRateBaud = symbolRateFromChannelWidth(channelWidthHz);
  return { symbolRateBaud, tapSpacingSec: 1 / (symbolRateBaud * tapsPerSymbol), velocityFactor };
}

/** An echo's round-trip delay and the one-way length of the cavity it comes from. */
export interface EchoDistance {
  delaySec: number;
  metres: number;
  feet: number;
}

export function distanceOfDelay(delaySec: number, velocityFactor: number): EchoDistance {
  const metres = (delaySec * SPEED_OF_LIGHT_M_PER_S * velocityFactor) / 2;
  return { delaySec, metres, feet: metres / METRES_PER_FOOT };
}

/** n taps after the main tap: n · T · c · VF / 2 (n may be fractional: an interpolated peak). */
export function distanceOfTaps(delayTaps: number, timing: EqualizerTiming): EchoDistance {
  return distanceOfDelay(delayTaps * timing.tapSpacingSec, timing.velocityFactor);
}
