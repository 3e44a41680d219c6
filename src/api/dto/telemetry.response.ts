import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { oneOfOrNull } from './error.response';

// The raw reading of GET /modems/{id}/telemetry (src/domain/modem-reading.ts), in real units. Counter64
// codeword counters are decimal strings: they do not fit a JSON number.

const COUNTER64 = { type: String, pattern: '^\\d+$', description: 'Counter64, as a decimal string.' };

/** A counter the modem may not answer: null is "not read", never 0. */
const NOT_READ = {
  type: 'integer' as const,
  nullable: true,
  description: 'null: not read (the modem has no such object).',
};
const COUNTER64_OR_NOT_READ = {
  ...COUNTER64,
  nullable: true,
  description: 'Counter64 as a decimal string (32-bit docsIfSigQ* on pre-3.0 modems); null: not read.',
};

const RANGING_STATUS = {
  enum: ['other', 'aborted', 'retriesExceeded', 'success', 'continue', 'timeoutT4'],
  enumName: 'RangingStatus',
};

export class DownstreamChannelResponse {
  @ApiProperty({ example: 3 }) ifIndex!: number;
  @ApiProperty({ example: 1 }) channelId!: number;
  @ApiProperty({ example: 483000000 }) frequencyHz!: number;
  @ApiProperty({ enum: ['qam64', 'qam256', 'other'] }) modulation!: string;
  @ApiProperty({ description: 'ifOperStatus up; a channel that is not reports stale or zero levels.' })
  locked!: boolean;
  @ApiProperty({ example: 1.5 }) powerDbmv!: number;
  @ApiProperty({ description: 'RxMER where the modem has it, else the SNR.', example: 40.1 }) snrDb!: number;
  @ApiProperty({ ...COUNTER64_OR_NOT_READ, example: '144904617499' }) unerrored!: string | null;
  @ApiProperty({ ...COUNTER64_OR_NOT_READ, example: '18751428' }) corrected!: string | null;
  @ApiProperty({ ...COUNTER64_OR_NOT_READ, example: '635032' }) uncorrectable!: string | null;
  @ApiPropertyOptional({
    enum: [32],
    description: '32: the counters are the 32-bit docsIfSigQ* ones, which wrap (graded only between polls).',
  })
  counterBits?: 32;
}

export class UpstreamChannelResponse {
  @ApiProperty({
    description: 'The upstream ifIndex, or the MAC interface when a pre-3.0 reading cannot name the channel.',
    example: 4,
  })
  ifIndex!: number;
  @ApiProperty({ ...NOT_READ, description: 'null: the modem has no upstream channel table.', example: 1 })
  channelId!: number | null;
  @ApiProperty({ description: '0 when not read.', example: 16400000 }) frequencyHz!: number;
  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'docsIfUpChannelWidth (Hz; the symbol rate is width / 1.25); null when not read.',
    example: 6400000,
  })
  widthHz?: number | null;
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    description:
      'The pre-equalisation coefficients as the modem sent them (DocsEqualizerData, hex: 4-byte header, then 4 bytes ' +
      'per tap); "" when the modem sent none; null when not read.',
    example: '08011800' + '00000000'.repeat(7) + '07ff0000' + '00000000'.repeat(16),
  })
  preEq?: string | null;
  @ApiProperty({ example: 43.8 }) txPowerDbmv!: number;
  @ApiProperty({ ...NOT_READ, example: 35 }) t3Timeouts!: number | null;
  @ApiProperty({ ...NOT_READ, example: 0 }) t4Timeouts!: number | null;
  @ApiProperty({ ...NOT_READ, example: 0 }) t3Exceededs!: number | null;
  @ApiProperty() muted!: boolean;
  @ApiProperty(RANGING_STATUS) rangingStatus!: string;
}

export class OfdmBandPowerResponse {
  @ApiProperty({ description: '6 MHz band; band 0 is the band around the PLC.', example: 0 }) band!: number;
  @ApiProperty({ example: 753000000 }) frequencyHz!: number;
  @ApiProperty({ example: 1.1 }) powerDbmv!: number;
}

export class OfdmProfileCountersResponse {
  @ApiProperty({ example: 0 }) profileId!: number;
  @ApiProperty({ ...COUNTER64, example: '302555331856' }) total!: string;
  @ApiProperty({ ...COUNTER64, example: '373987372' }) corrected!: string;
  @ApiProperty({ ...COUNTER64, example: '375386' }) uncorrectable!: string;
}

const MEAS_STATUS = {
  enum: ['other', 'inactive', 'busy', 'sampleReady', 'error', 'resourceUnavailable', 'sampleTruncated'],
  nullable: true,
  description:
    "The table's MeasStatus (DOCS-PNM-MIB MeasStatusType); the values are read only when it is sampleReady. null: " +
    'the modem has no row for the channel.',
};

/** A PNM summary value: null when not read (no row or column, or the measurement is not sampleReady). */
const PNM_VALUE = { type: 'number' as const, nullable: true };

export class RxMerSummaryResponse {
  @ApiProperty({ ...MEAS_STATUS, example: 'sampleReady' }) status!: string | null;
  @ApiProperty({
    ...PNM_VALUE,
    description: 'RxMER standard deviation across the subcarriers (dB).',
    example: 1.3,
  })
  stdDevDb!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Which percentile percentileDb is (2 by default).', example: 2 })
  percentile!: number | null;
  @ApiProperty({
    ...PNM_VALUE,
    description: 'RxMER at that percentile (dB): that share of the subcarriers is at or below it.',
    example: 38,
  })
  percentileDb!: number | null;
  @ApiProperty({
    ...PNM_VALUE,
    description: 'Highest subcarrier frequency at that RxMER (Hz).',
    example: 744750000,
  })
  percentileHighestFreqHz!: number | null;
}

export class EqualizerSummaryResponse {
  @ApiProperty({ ...MEAS_STATUS, example: 'sampleReady' }) status!: string | null;
  @ApiProperty({
    ...PNM_VALUE,
    description: 'Amplitude ripple, peak to peak (dB), slope removed.',
    example: 0.46,
  })
  ampRipplePkPkDb!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Amplitude ripple, RMS (dB).', example: 0.163 })
  ampRippleRmsDb!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Amplitude slope (dB/MHz).', example: -0.003 })
  ampSlopeDbPerMhz!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Mean amplitude of the coefficients (dB).', example: -0.69 })
  ampMeanDb!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Group-delay ripple, peak to peak (ns).', example: 8.114 })
  groupDelayRipplePkPkNs!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Group-delay ripple, RMS (ns).', example: 2.869 })
  groupDelayRippleRmsNs!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Group-delay slope (ns/MHz).', example: 0.045 })
  groupDelaySlopeNsPerMhz!: number | null;
  @ApiProperty({ ...PNM_VALUE, description: 'Mean group delay (ns).', example: 13.083 })
  groupDelayMeanNs!: number | null;
}

export class OfdmPnmSummaryResponse {
  @ApiProperty({ type: () => RxMerSummaryResponse, description: 'docsPnmCmDsOfdmRxMerTable.' })
  rxMer!: RxMerSummaryResponse;
  @ApiProperty({
    type: () => EqualizerSummaryResponse,
    description: "docsPnmCmOfdmChanEstCoefTable: the modem's downstream channel estimate.",
  })
  channelEstimate!: EqualizerSummaryResponse;
}

export class OfdmaPnmSummaryResponse {
  @ApiProperty({
    type: () => EqualizerSummaryResponse,
    description: 'docsPnmCmUsPreEqTable: the pre-equaliser.',
  })
  preEq!: EqualizerSummaryResponse;
  @ApiProperty({
    enum: ['other', 'success', 'clipped', 'rejected'],
    nullable: true,
    description:
      "docsPnmCmUsPreEqPreEqCoAdjStatus: what the modem did with the CMTS's last pre-equalisation adjustments " +
      '(read whatever the MeasStatus); null: not read.',
    example: 'success',
  })
  coAdjStatus!: string | null;
}

export class OfdmChannelResponse {
  @ApiProperty({ example: 160 }) ifIndex!: number;
  @ApiProperty({ example: 33 }) channelId!: number;
  @ApiProperty({ example: 753000000 }) plcFrequencyHz!: number;
  @ApiProperty({ type: [OfdmBandPowerResponse] }) bandPowersDbmv!: OfdmBandPowerResponse[];
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean RxMER over active subcarriers, when the modem populates it.',
    example: 38.3,
  })
  meanRxMerDb!: number | null;
  @ApiProperty({ type: [OfdmProfileCountersResponse] }) profiles!: OfdmProfileCountersResponse[];
  @ApiPropertyOptional({
    type: () => OfdmPnmSummaryResponse,
    description: 'DOCSIS 3.1 PNM summaries (docs/pnm.md): full polls only; absent on a fast poll (a sweep).',
  })
  pnm?: OfdmPnmSummaryResponse;
}

export class OfdmaChannelResponse {
  @ApiProperty({ example: 170 }) ifIndex!: number;
  @ApiProperty({ example: 41 }) channelId!: number;
  @ApiProperty({ example: 41.75 }) txPowerDbmv!: number;
  @ApiProperty({ ...NOT_READ, example: 0 }) t3Timeouts!: number | null;
  @ApiProperty({ ...NOT_READ, example: 0 }) t4Timeouts!: number | null;
  @ApiProperty({ ...NOT_READ, example: 0 }) t3Exceededs!: number | null;
  @ApiProperty() muted!: boolean;
  @ApiProperty(RANGING_STATUS) rangingStatus!: string;
  @ApiPropertyOptional({
    type: () => OfdmaPnmSummaryResponse,
    description: 'The DOCS-PNM pre-equaliser summary: full polls only; absent on a fast poll (a sweep).',
  })
  pnm?: OfdmaPnmSummaryResponse;
}

export class CpeEntryResponse {
  @ApiProperty({ example: '192.168.1.101' }) ip!: string;
  @ApiProperty({ enum: ['manual', 'learned', 'other'] }) source!: string;
}

export class ModemStatusResponse {
  @ApiProperty({
    ...NOT_READ,
    description:
      'docsIf3CmStatusValue (CmRegState), else docsIfCmStatusValue; 12 = operational; null: not read.',
    example: 12,
  })
  value!: number | null;
  @ApiProperty({ example: 'operational' }) name!: string;
  @ApiProperty({
    ...NOT_READ,
    description: 'docsIf3CmStatusResets, else docsIfCmStatusResets; null: not read.',
    example: 0,
  })
  resets!: number | null;
  @ApiProperty({
    ...NOT_READ,
    description: 'docsIf3CmStatusLostSyncs, else docsIfCmStatusLostSyncs; null: not read.',
    example: 0,
  })
  lostSyncs!: number | null;
}

export class ModemEventResponse {
  @ApiProperty({ description: 'docsDevEvIndex: the log order (higher is later).', example: 7 })
  index!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'docsDevEvFirstTime, epoch ms; null when the modem had no time of day (it logs 1970-01-01 plus its uptime).',
    example: 1795612400000,
  })
  firstAt!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'docsDevEvLastTime, epoch ms.',
    example: 1795612400000,
  })
  lastAt!: number | null;
  @ApiProperty({ ...NOT_READ, description: 'docsDevEvCounts; null: not read.', example: 3 }) count!:
    number | null;
  @ApiProperty({
    ...NOT_READ,
    description: 'docsDevEvLevel: emergency(1) .. debug(8); null: not read.',
    example: 3,
  })
  level!: number | null;
  @ApiProperty({ ...NOT_READ, description: 'docsDevEvId; null: not read.', example: 82000200 })
  eventId!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'docsDevEvText; null: not read.',
    example: 'No Ranging Response received - T3 time-out',
  })
  text!: string | null;
}

export class ReachableReadingResponse {
  @ApiProperty({ enum: [true] }) reachable!: true;
  @ApiPropertyOptional({
    enum: ['fast', 'full'],
    description:
      "full: a call-centre check's poll (PNM summaries, event log); absent: a sweep's fast poll, or stored before it " +
      'was recorded.',
  })
  detail?: string;
  @ApiPropertyOptional({
    type: [ModemEventResponse],
    nullable: true,
    description:
      "The modem's event log, its newest EVENT_LOG_ROWS rows (full polls only); null: the modem has no event log " +
      '(no docsDevEvent group); []: its log is empty.',
  })
  events?: ModemEventResponse[] | null;
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ description: 'When the modem was read, epoch ms.', example: 1795612450265 })
  observedAt!: number;
  @ApiProperty({ description: 'Poll wall time, ms.', example: 9.9 }) latencyMs!: number;
  @ApiProperty({ example: '<<HW_REV: 1.0; VENDOR: ARRIS; SW_REV: AB01.02.053.05; MODEL: SB8200>>' })
  sysDescr!: string;
  @ApiProperty({ example: 3025553.31 }) uptimeSec!: number;
  @ApiProperty({
    enum: ['1.x', '2.0', '3.0', '3.1', 'unknown'],
    description: 'unknown only when neither capability object nor any DOCSIS table answered.',
  })
  docsisVersion!: string;
  @ApiPropertyOptional({
    enum: ['docsIf31CmDocsisBaseCapability', 'docsIfDocsisBaseCapability', 'inferred'],
    description:
      'Where the version came from; inferred: from the newest MIB that answered (DOCS-IF31 → 3.1, DOCS-IF3 → 3.0, ' +
      'DOCS-IF-MIB alone → 2.0 or earlier). Absent on readings stored before it was recorded.',
  })
  docsisVersionSource?: string;
  @ApiProperty({ type: () => ModemStatusResponse }) status!: ModemStatusResponse;
  @ApiProperty({ type: [DownstreamChannelResponse] }) downstream!: DownstreamChannelResponse[];
  @ApiProperty({ type: [UpstreamChannelResponse] }) upstream!: UpstreamChannelResponse[];
  @ApiProperty({ type: [OfdmChannelResponse], description: 'DOCSIS 3.1 only.' }) ofdm!: OfdmChannelResponse[];
  @ApiProperty({ type: [OfdmaChannelResponse], description: 'DOCSIS 3.1 only.' })
  ofdma!: OfdmaChannelResponse[];
  @ApiProperty({ type: [CpeEntryResponse] }) cpes!: CpeEntryResponse[];
  @ApiProperty({
    type: [String],
    nullable: true,
    description:
      'MACs learned on the CPE side of the bridge (dot1dTpFdbStatus learned); null when the bridge table could ' +
      'not tell them (no table, or no status column).',
    example: ['24:65:11:82:15:eb'],
  })
  cpeMacs!: string[] | null;
  @ApiPropertyOptional({
    enum: ['withStatus', 'withoutStatus', 'absent'],
    description:
      'How the bridge table (dot1dTpFdbTable) answered. Absent on readings stored before it was recorded.',
  })
  bridgeTable?: string;
}

export class UnreachableReadingResponse {
  @ApiProperty({ enum: [false] }) reachable!: false;
  @ApiProperty({ example: 'sim-cm-00007' }) modemId!: string;
  @ApiProperty({ description: 'epoch ms', example: 1795612450265 }) observedAt!: number;
  @ApiProperty({ example: 2003 }) latencyMs!: number;
  @ApiProperty({
    description: 'Why the poll failed, or why the modem was not polled.',
    example: 'no answer within 2000 ms (2 tries)',
  })
  error!: string;
}

export class TelemetryResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({
    ...oneOfOrNull(ReachableReadingResponse, UnreachableReadingResponse),
    description: 'The latest stored reading; null when the modem has not been read yet (or it expired).',
  })
  reading!: ReachableReadingResponse | UnreachableReadingResponse | null;
}

export const TELEMETRY_EXAMPLE = {
  modemId: 'sim-cm-00031',
  reading: {
    reachable: true,
    modemId: 'sim-cm-00031',
    observedAt: 1795612450265,
    latencyMs: 9.9,
    sysDescr:
      '<<HW_REV: 1.0; VENDOR: ARRIS; BOOTR: 1.2.1; SW_REV: AB01.02.053.05_051921_193.0A.NSH; MODEL: SB8200>>',
    uptimeSec: 3025553.31,
    docsisVersion: '3.1',
    docsisVersionSource: 'docsIf31CmDocsisBaseCapability',
    status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
    downstream: [
      {
        ifIndex: 3,
        channelId: 1,
        frequencyHz: 483000000,
        modulation: 'qam256',
        locked: true,
        powerDbmv: 1.5,
        snrDb: 40.1,
        unerrored: '144904617499',
        corrected: '18751428',
        uncorrectable: '635032',
      },
    ],
    upstream: [
      {
        ifIndex: 4,
        channelId: 1,
        frequencyHz: 16400000,
        txPowerDbmv: 43.8,
        t3Timeouts: 35,
        t4Timeouts: 0,
        t3Exceededs: 0,
        muted: false,
        rangingStatus: 'success',
      },
    ],
    ofdm: [
      {
        ifIndex: 160,
        channelId: 33,
        plcFrequencyHz: 753000000,
        bandPowersDbmv: [
          { band: 0, frequencyHz: 753000000, powerDbmv: 1.1 },
          { band: 1, frequencyHz: 699000000, powerDbmv: 1.2 },
        ],
        meanRxMerDb: 38.3,
        profiles: [{ profileId: 0, total: '302555331856', corrected: '373987372', uncorrectable: '375386' }],
        pnm: {
          rxMer: {
            status: 'sampleReady',
            stdDevDb: 1.29,
            percentile: 2,
            percentileDb: 35.5,
            percentileHighestFreqHz: 744750000,
          },
          channelEstimate: {
            status: 'sampleReady',
            ampRipplePkPkDb: 0.46,
            ampRippleRmsDb: 0.163,
            ampSlopeDbPerMhz: -0.003,
            ampMeanDb: -0.69,
            groupDelayRipplePkPkNs: 8.114,
            groupDelayRippleRmsNs: 2.869,
            groupDelaySlopeNsPerMhz: 0.045,
            groupDelayMeanNs: 13.083,
          },
        },
      },
    ],
    ofdma: [
      {
        ifIndex: 170,
        channelId: 41,
        txPowerDbmv: 41.75,
        t3Timeouts: 0,
        t4Timeouts: 0,
        t3Exceededs: 0,
        muted: false,
        rangingStatus: 'success',
        pnm: {
          preEq: {
            status: 'sampleReady',
            ampRipplePkPkDb: 0.305,
            ampRippleRmsDb: 0.108,
            ampSlopeDbPerMhz: -0.007,
            ampMeanDb: 0.93,
            groupDelayRipplePkPkNs: 9.982,
            groupDelayRippleRmsNs: 3.529,
            groupDelaySlopeNsPerMhz: 0.036,
            groupDelayMeanNs: 13.203,
          },
          coAdjStatus: 'success',
        },
      },
    ],
    cpes: [{ ip: '192.168.1.101', source: 'learned' }],
    cpeMacs: ['24:65:11:82:15:eb'],
    bridgeTable: 'withStatus',
  },
};
