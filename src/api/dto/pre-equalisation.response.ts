import { ApiProperty } from '@nestjs/swagger';
import { oneOfOrNull } from './error.response';
import { preEqView } from '../../diagnosis/pre-eq/pre-eq-view';
import { synthesizeTaps } from '../../diagnosis/pre-eq/synthetic-taps';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { encodeEqualizerData } from '../../mib/equalizer-data';

// GET /modems/{id}/pre-equalisation (src/diagnosis/pre-eq/pre-eq-view.ts): the latest reading's upstream
// pre-equalisation per channel, as the NOC's tap and frequency response plots draw it. docs/pre-equalisation.md
// has the decoding, the metrics and their formulas.

const GRADE = { enum: ['TEXTBOOK', 'MARGINAL', 'FAULT'], enumName: 'PreEqGrade' };
const DB_OR_NULL = { type: 'number' as const, nullable: true };

export class PreEqTapResponse {
  @ApiProperty({ description: '1-based, as the header counts taps.', example: 8 }) index!: number;
  @ApiProperty({ description: 'Real part, as the modem sent it (vendor scale).', example: 2047 })
  real!: number;
  @ApiProperty({ description: 'Imaginary part, as the modem sent it.', example: 0 }) imag!: number;
  @ApiProperty({
    description: 'Tap energy relative to the main tap (dB; 0 for the main tap, -100 for a zero tap).',
    example: 0,
  })
  magnitudeDbc!: number;
}

export class PreEqMetricsResponse {
  @ApiProperty({ description: 'Main tap ratio 10·log10(MTE / (PreMTE + PostMTE)).', example: 13.98 })
  mtrDb!: number;
  @ApiProperty({ description: 'Main tap compression 10·log10(TTE / MTE).', example: 0.17 }) mtcDb!: number;
  @ApiProperty({ description: 'Non-main to total 10·log10((PreMTE + PostMTE) / TTE).', example: -14.15 })
  nmterDb!: number;
  @ApiProperty({ description: '10·log10(PreMTE / TTE).', example: -32.41 }) preMtterDb!: number;
  @ApiProperty({ description: '10·log10(PostMTE / TTE).', example: -14.22 }) postMtterDb!: number;
  @ApiProperty({ description: 'Post/pre energy 10·log10(PostMTE / PreMTE).', example: 18.2 })
  ppesrDb!: number;
  @ApiProperty({
    ...DB_OR_NULL,
    description: 'Taps next to the main tap 10·log10(E(k+1) / E(k-1)); null when one of them does not exist.',
  })
  pptsrDb!: number | null;
  @ApiProperty({ description: 'Main tap energy (vendor units squared).' }) mte!: number;
  @ApiProperty({ description: 'Energy of the taps before the main tap.' }) preMte!: number;
  @ApiProperty({ description: 'Energy of the taps after the main tap.' }) postMte!: number;
  @ApiProperty({ description: 'Total tap energy.' }) tte!: number;
}

export class PreEqGradesResponse {
  @ApiProperty({ ...GRADE, description: 'The main tap ratio against the profile’s bands.' }) mtr!: string;
  @ApiProperty({ ...GRADE, description: 'Non-main to total energy.' }) nmter!: string;
  @ApiProperty({ ...GRADE, description: 'The echo level read off the frequency response’s ripple.' })
  rippleEcho!: string;
}

export class PreEqEchoViewResponse {
  @ApiProperty({ description: '1-based index of the strongest tap after the main tap.', example: 10 })
  tap!: number;
  @ApiProperty({ description: 'Delay after the main tap in taps, interpolated between taps.', example: 1.96 })
  delayTaps!: number;
  @ApiProperty({ description: 'False when a neighbour tap was missing: delayTaps is then a whole tap.' })
  interpolated!: boolean;
  @ApiProperty({ description: 'Level relative to the main tap (dB).', example: -14.67 }) levelDbc!: number;
  @ApiProperty({
    ...DB_OR_NULL,
    description: 'Round-trip delay (ns); null when the channel width was not read.',
  })
  delayNs!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'One-way distance from the modem (m).', example: 50 })
  distanceM!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'The same in feet.', example: 164 }) distanceFt!: number | null;
}

export class PreEqShortEchoResponse {
  @ApiProperty({ description: 'Energy on both taps next to the main tap and no echo further out (in-home).' })
  present!: boolean;
  @ApiProperty({ ...DB_OR_NULL, description: 'The tap just before the main tap (dBc).' })
  preAdjacentDbc!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'The tap just after the main tap (dBc).' })
  postAdjacentDbc!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'The strongest tap two or more after the main tap (dBc).' })
  farPostMaxDbc!: number | null;
}

export class PreEqResponsePointResponse {
  @ApiProperty({
    ...DB_OR_NULL,
    description: 'Offset from the channel’s centre (Hz); null when the channel width was not read.',
    example: -2560000,
  })
  offsetHz!: number | null;
  @ApiProperty({ description: 'Position in the band the taps span, -0.5 to below 0.5.', example: -0.5 })
  bandFraction!: number;
  @ApiProperty({ description: 'Amplitude relative to an unimpaired channel (dB).', example: 1.2 })
  amplitudeDb!: number;
}

export class PreEqRippleResponse {
  @ApiProperty({ description: 'Peak-to-peak of the amplitude across the band (dB).', example: 3.54 })
  depthDb!: number;
  @ApiProperty({ description: 'The single echo that would ripple this deep (dBc).', example: -13.95 })
  echoDbc!: number;
  @ApiProperty({ ...DB_OR_NULL, description: 'Ripple periods across the band; null when it is flat.' })
  cycles!: number | null;
  @ApiProperty({
    ...DB_OR_NULL,
    description: 'Ripple period (Hz); null when flat or the width was not read.',
  })
  periodHz!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'The cavity length that period gives (m).' })
  distanceM!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'The same in feet.' }) distanceFt!: number | null;
}

export class PreEqFrequencyResponseResponse {
  @ApiProperty({ type: [PreEqResponsePointResponse], description: 'From the lower band edge to the upper.' })
  points!: PreEqResponsePointResponse[];
  @ApiProperty({ type: () => PreEqRippleResponse }) ripple!: PreEqRippleResponse;
}

export class PreEqChannelAnalysisResponse {
  @ApiProperty({
    enum: ['int16', 'int12'],
    description:
      'int16: the DocsEqualizerData TC; int12: the 12-bit ("3-nibble") coefficients of some modems.',
  })
  encoding!: string;
  @ApiProperty({ description: '1 for DOCSIS 2.0/3.0 (T-spaced).', example: 1 }) tapsPerSymbol!: number;
  @ApiProperty({ description: '1-based index of the main tap.', example: 8 }) mainTap!: number;
  @ApiProperty({ description: 'The vendor’s unimpaired main tap amplitude, estimated.', example: 2047 })
  nominalAmplitude!: number;
  @ApiProperty({
    ...DB_OR_NULL,
    description: 'Width / 1.25; null when the width was not read.',
    example: 5120000,
  })
  symbolRateBaud!: number | null;
  @ApiProperty({ ...DB_OR_NULL, description: 'Time between taps (ns).', example: 195.31 })
  tapSpacingNs!: number | null;
  @ApiProperty({ type: [PreEqTapResponse], description: 'The forward taps in order.' })
  taps!: PreEqTapResponse[];
  @ApiProperty({ type: () => PreEqMetricsResponse }) metrics!: PreEqMetricsResponse;
  @ApiProperty({ type: () => PreEqGradesResponse }) grades!: PreEqGradesResponse;
  @ApiProperty({
    enum: ['NONE', 'GROUP_DELAY', 'MICRO_REFLECTION', 'GROUP_DELAY_AND_MICRO_REFLECTION', 'UNCLASSIFIED'],
  })
  distortion!: string;
  @ApiProperty({
    ...oneOfOrNull(PreEqEchoViewResponse),
    description: 'The strongest tap after the main tap at or above the echo floor; null when there is none.',
  })
  echo!: PreEqEchoViewResponse | null;
  @ApiProperty({ description: 'The profile’s echo floor (dBc).', example: -30 }) echoFloorDbc!: number;
  @ApiProperty({ type: () => PreEqShortEchoResponse }) shortEcho!: PreEqShortEchoResponse;
  @ApiProperty({
    type: () => PreEqFrequencyResponseResponse,
    description: 'The in-channel frequency response.',
  })
  frequencyResponse!: PreEqFrequencyResponseResponse;
}

export class PreEqChannelResponse {
  @ApiProperty({ example: 4 }) ifIndex!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) channelId!: number | null;
  @ApiProperty({ description: '0 when not read.', example: 16400000 }) frequencyHz!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null: not read.', example: 6400000 })
  widthHz!: number | null;
  @ApiProperty({
    enum: ['ANALYSED', 'NOT_READ', 'NO_PRE_EQ', 'UNUSABLE'],
    description:
      'NOT_READ: the modem gave no coefficients for the channel; NO_PRE_EQ: it answered an empty value; UNUSABLE: ' +
      'what it sent is not valid DocsEqualizerData.',
  })
  state!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Why there is no analysis; null when ANALYSED.' })
  reason!: string | null;
  @ApiProperty({ ...oneOfOrNull(PreEqChannelAnalysisResponse), description: 'null when not ANALYSED.' })
  analysis!: PreEqChannelAnalysisResponse | null;
}

export class PreEqualisationResponse {
  @ApiProperty({ example: 'sim-cm-00012' }) modemId!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the reading was taken; null: no reading.',
  })
  observedAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Why there are no channels: the modem has not been read yet, did not answer its latest poll, or has no ' +
      'upstream channel; null when there are channels.',
  })
  reason!: string | null;
  @ApiProperty({ type: [PreEqChannelResponse], description: 'Upstream SC-QAM channels, by frequency.' })
  channels!: PreEqChannelResponse[];
  @ApiProperty({
    description: 'The thresholds profile the grades are made against.',
    example: 'docsis-default',
  })
  thresholdsProfile!: string;
}

/** An answer made by the code that makes them: an echo about 2 taps (50 m) from the modem, and a channel not read. */
export const PRE_EQUALISATION_EXAMPLE = {
  ...preEqView(
    'sim-cm-00012',
    {
      reachable: true,
      modemId: 'sim-cm-00012',
      observedAt: Date.UTC(2026, 10, 25, 13, 14, 10),
      latencyMs: 12,
      sysDescr: 'HW_REV: 1.0; VENDOR: ARRIS; MODEL: SB6183',
      uptimeSec: 3_025_553,
      docsisVersion: '3.0',
      status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
      downstream: [],
      upstream: [
        {
          ifIndex: 4,
          channelId: 1,
          frequencyHz: 16_400_000,
          widthHz: 6_400_000,
          preEq: Buffer.from(
            encodeEqualizerData({
              mainTap: 8,
              tapsPerSymbol: 1,
              forward: synthesizeTaps({
                nominalAmplitude: 2047,
                echoes: [{ delayTaps: 45 / 25.47, levelDbc: -14, phaseRad: 1 }],
              }),
              reverse: [],
              encoding: 'int16',
            }),
          ).toString('hex'),
          txPowerDbmv: 44,
          t3Timeouts: 0,
          t4Timeouts: 0,
          t3Exceededs: 0,
          muted: false,
          rangingStatus: 'success',
        },
        {
          ifIndex: 5,
          channelId: 2,
          frequencyHz: 22_800_000,
          widthHz: 6_400_000,
          preEq: null,
          txPowerDbmv: 44,
          t3Timeouts: 0,
          t4Timeouts: 0,
          t3Exceededs: 0,
          muted: false,
          rangingStatus: 'success',
        },
      ],
      ofdm: [],
      ofdma: [],
      cpes: [],
      cpeMacs: [],
    },
    DEFAULT_THRESHOLDS.preEq,
  ),
  thresholdsProfile: DEFAULT_THRESHOLDS.name,
};
