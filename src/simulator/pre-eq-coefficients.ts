import type { CoefficientEncoding } from '../domain/pre-equalization';
import { synthesizeTaps, type SyntheticEcho } from '../diagnosis/pre-eq/synthetic-taps';
import { encodeEqualizerData } from '../mib/equalizer-data';

// The upstream pre-equalisation coefficients a simulated modem serves (DocsEqualizerData), in its vendor's encoding:
// the nominal main-tap amplitude and the 16- or 12-bit ("3-nibble") coefficients differ by vendor
// (docs/pre-equalisation.md), and the poller must read every one of them alike.

/** What a channel's coefficients show: echoes relative to the main tap (negative delays: before it, group delay). */
export interface PreEqShape {
  echoes: SyntheticEcho[];
}

/** A clean line: residual echoes well under the -30 dBc echo floor, as real modems show. */
export const CLEAN_PRE_EQ: PreEqShape = {
  echoes: [
    { delayTaps: 1, levelDbc: -42, phaseRad: 0.7 },
    { delayTaps: -1, levelDbc: -45, phaseRad: -1.1 },
    { delayTaps: 3, levelDbc: -48, phaseRad: 2.1 },
  ],
};

interface VendorEncoding {
  encoding: CoefficientEncoding;
  nominalAmplitude: number;
}

/** Per vendor of the simulated fleet; others get the most common scale (16-bit, 2047). */
const VENDOR_ENCODING: Readonly<Record<string, VendorEncoding>> = {
  ARRIS: { encoding: 'int16', nominalAmplitude: 2047 },
  Technicolor: { encoding: 'int12', nominalAmplitude: 511 },
  Netgear: { encoding: 'int16', nominalAmplitude: 32767 },
  Motorola: { encoding: 'int16', nominalAmplitude: 1023 },
  Hitron: { encoding: 'int12', nominalAmplitude: 2047 },
  Thomson: { encoding: 'int16', nominalAmplitude: 1023 },
};

export function vendorEncoding(vendor: string): VendorEncoding {
  return VENDOR_ENCODING[vendor] ?? { encoding: 'int16', nominalAmplitude: 2047 };
}

// Shapes are the constants of this file and scenarios.ts, shared by every modem that shows them: their octets are
// made once per shape and vendor, not on every request.
const made = new WeakMap<PreEqShape, Map<string, Buffer>>();

/** The 100 octets (24 forward taps, main tap 8) of a channel of this shape (an SNMP OctetString's value). */
export function preEqOctets(shape: PreEqShape, vendor: string): Buffer {
  let byVendor = made.get(shape);
  if (!byVendor) {
    byVendor = new Map();
    made.set(shape, byVendor);
  }
  let octets = byVendor.get(vendor);
  if (octets === undefined) {
    const { encoding, nominalAmplitude } = vendorEncoding(vendor);
    const forward = synthesizeTaps({ nominalAmplitude, echoes: shape.echoes });
    octets = Buffer.from(
      encodeEqualizerData({ mainTap: 8, tapsPerSymbol: 1, forward, reverse: [], encoding }),
    );
    byVendor.set(vendor, octets);
  }
  return octets;
}
