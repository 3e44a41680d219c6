import type {
  BridgeTableState,
  CpeEntry,
  DocsisVersion,
  DocsisVersionSource,
  DownstreamChannel,
  EqualizerSummary,
  OfdmaChannel,
  OfdmaPnmSummary,
  PnmMeasStatus,
  PollDetail,
  OfdmChannel,
  OfdmPnmSummary,
  PreEqCoAdjStatus,
  RangingStatus,
  ReachableReading,
  UpstreamChannel,
} from '../domain/modem-reading';
import { FALLBACK_COLUMNS, IF_TYPE, OID, type OidName } from './docsis-oids';
import { parseEventLog } from './parse-event-log';
import type { ColumnRows, ColumnSet, SnmpVarbind } from './snmp-value';

// Pure: the varbinds of one fast poll -> a typed reading in real units. Tested on captured fixtures.

type Column = ColumnRows;

const RANGING: Record<number, RangingStatus> = {
  1: 'other',
  2: 'aborted',
  3: 'retriesExceeded',
  4: 'success',
  5: 'continue',
  6: 'timeoutT4',
};

const CM_REG_STATE: Record<number, string> = {
  1: 'other',
  2: 'notReady',
  3: 'notSynchronized',
  4: 'phySynchronized',
  5: 'usParametersAcquired',
  6: 'rangingComplete',
  7: 'dhcpv4Complete',
  8: 'todEstablished',
  9: 'securityEstablished',
  10: 'configFileDownloadComplete',
  11: 'registrationComplete',
  12: 'operational',
  13: 'accessDenied',
  14: 'eaeInProgress',
  15: 'dhcpv4InProgress',
  16: 'dhcpv6InProgress',
  17: 'dhcpv6Complete',
  18: 'registrationInProgress',
  19: 'bpiInit',
  20: 'forwardingDisabled',
  21: 'dsTopologyResolutionInProgress',
  22: 'rangingInProgress',
  23: 'rfMuteAll',
};

/** OFDMA TxPower is quarter dBmV in the 2017 DOCS-IF31-MIB (valid 68..~260), tenths in the 2016 one. */
export function decodeOfdmaTxPower(raw: number): number {
  return raw <= 260 ? raw / 4 : raw / 10;
}

export function cmStatusName(value: number): string {
  return CM_REG_STATE[value] ?? `unknown(${value})`;
}

interface FastPoll {
  modemId: string;
  observedAt: number;
  latencyMs: number;
  /** What the poll asked for; fast when absent. */
  detail?: PollDetail;
  /** A full poll keeps this many of the event log's newest rows (EVENT_LOG_ROWS). */
  eventLogRows?: number;
}

/** A poll as varbinds (captures, replays, tests). */
export interface FastPollVarbinds extends FastPoll {
  varbinds: readonly SnmpVarbind[];
}

/** A poll as its walk filed it: by column and row index (the poller's own path). */
export interface FastPollColumns extends FastPoll {
  columns: ColumnSet;
}

/**
 * A number from a numeric object. An agent that answers a string (or anything else) where the MIB says a number
 * gets its poll refused, rather than a reading with NaN levels that the rules would grade as if they were real.
 */
function numeric(value: SnmpVarbind['value'], where: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isFinite(n)) {
    throw new Error(`agent answered a non-numeric value at index ${where} of a numeric object`);
  }
  return n;
}

/** The columns of one poll, with the typed look-ups every part of the reading uses. */
class PollColumns {
  private readonly cols: Map<string, Column>;
  private readonly ifType: Column;
  readonly oper: Column;

  constructor(columns: ColumnSet) {
    this.cols = columns;
    this.ifType = this.col('ifType');
    this.oper = this.col('ifOperStatus');
  }

  col(name: OidName): Column {
    return this.cols.get(OID[name]) ?? new Map<string, SnmpVarbind['value']>();
  }

  scalar(name: OidName): SnmpVarbind['value'] | undefined {
    return this.col(name).get('0');
  }

  /** Whether any column under this OID prefix answered. */
  answeredUnder(prefix: string): boolean {
    return [...this.cols.keys()].some((oid) => oid.startsWith(prefix));
  }

  num(c: Column, ix: string, fallback = 0): number {
    const v = c.get(ix);
    return v == null ? fallback : numeric(v, ix);
  }

  /** The value at `ix` of the first of `columns` that has it: the newest table first, per object. */
  firstOf(columns: readonly OidName[], ix: string): number | null {
    for (const name of columns) {
      const v = this.col(name).get(ix);
      if (v != null) {
        return numeric(v, ix);
      }
    }
    return null;
  }

  big(columns: readonly OidName[], ix: string): bigint | null {
    for (const name of columns) {
      const v = this.col(name).get(ix);
      if (v != null && !Buffer.isBuffer(v)) {
        return typeof v === 'bigint' ? v : BigInt(numeric(v, ix));
      }
    }
    return null;
  }

  /** The ifIndexes of the interfaces of one ifType. */
  ofType(t: number): string[] {
    const out: string[] = [];
    this.ifType.forEach((v, ix) => {
      if (numeric(v, ix) === t) {
        out.push(ix);
      }
    });
    return out;
  }

  /** Some DOCSIS 3.1 modems keep placeholder SC-QAM rows (frequency 0, not locked): no channel is tuned there. */
  placeholder(ix: string, frequency: OidName): boolean {
    return this.firstOf([frequency], ix) === 0 && this.num(this.oper, ix, 1) !== 1;
  }
}

export function parseModemReading(poll: FastPollVarbinds | FastPollColumns): ReachableReading {
  const c = new PollColumns('columns' in poll ? poll.columns : groupByColumn(poll.varbinds));
  const downstream = parseScQamDownstream(c);
  const macIx = c.ofType(IF_TYPE.docsCableMaclayer)[0] ?? '2';
  const upstream = parseUpstream(c, macIx);
  const full = poll.detail === 'full';
  const ofdm = parseOfdm(c, full);
  const ofdma = parseOfdma(c, full);
  const statusValue = parseStatusValue(c, macIx);
  const bridge = bridgeTable(c.col('dot1dTpFdbPort'), c.col('dot1dTpFdbStatus'));
  return {
    reachable: true,
    modemId: poll.modemId,
    observedAt: poll.observedAt,
    latencyMs: poll.latencyMs,
    // Fast readings leave both out: that is what every reading stored before full polls existed was.
    ...(poll.detail === 'full'
      ? {
          detail: 'full' as const,
          events: parseEventLog((n) => c.col(n), c.scalar('docsDevEvControl') != null, poll.eventLogRows),
        }
      : {}),
    ...parseSystem(c),
    status: parseStatus(c, macIx, statusValue),
    downstream,
    upstream,
    ofdm,
    ofdma,
    cpes: parseCpes(c.col('docsDevCpeInetSource')),
    ...bridge,
  };
}

/** SC-QAM downstream channels: DOCS-IF-MIB channel and signal quality tables, the Ext and DOCS-IF3 ones first. */
function parseScQamDownstream(c: PollColumns): DownstreamChannel[] {
  const dsPower = c.col('docsIfDownChannelPower');
  const rxMer = c.col('docsIf3SignalQualityExtRxMER');
  const snr = c.col('docsIfSigQSignalNoise');
  return c
    .ofType(IF_TYPE.docsCableDownstream)
    .filter((ix) => dsPower.has(ix) && !c.placeholder(ix, 'docsIfDownChannelFrequency'))
    .map((ix) => {
      const mod = c.num(c.col('docsIfDownChannelModulation'), ix);
      return {
        ifIndex: Number(ix),
        channelId: c.num(c.col('docsIfDownChannelId'), ix),
        frequencyHz: c.num(c.col('docsIfDownChannelFrequency'), ix),
        modulation: mod === 4 ? 'qam256' : mod === 3 ? 'qam64' : 'other',
        locked: c.num(c.oper, ix, 1) === 1,
        powerDbmv: c.num(dsPower, ix) / 10,
        snrDb: (rxMer.has(ix) ? c.num(rxMer, ix) : c.num(snr, ix)) / 10,
        unerrored: c.big(['docsIfSigQExtUnerroreds', 'docsIfSigQUnerroreds'], ix),
        corrected: c.big(['docsIfSigQExtCorrecteds', 'docsIfSigQCorrecteds'], ix),
        uncorrectable: c.big(['docsIfSigQExtUncorrectables', 'docsIfSigQUncorrectables'], ix),
        ...(!c.col('docsIfSigQExtUnerroreds').has(ix) &&
          c.col('docsIfSigQUnerroreds').has(ix) && { counterBits: 32 as const }),
      };
    });
}

/** SC-QAM upstream channels from docsIf3CmStatusUsTable; without it, the pre-3.0 figures on the MAC interface. */
function parseUpstream(c: PollColumns, macIx: string): UpstreamChannel[] {
  const usTx = c.col('docsIf3CmStatusUsTxPower');
  const eq3 = c.col('docsIf3CmStatusUsEqData');
  const channels = c
    .ofType(IF_TYPE.docsCableUpstream)
    .filter((ix) => usTx.has(ix) && !c.placeholder(ix, 'docsIfUpChannelFrequency'));
  // The DOCSIS 2.0 object speaks for the modem's only upstream: with several, it names no channel.
  const eqOfMac = channels.length === 1 ? c.col('docsIfCmStatusEqualizationData').get(macIx) : undefined;
  const upstream = channels.map((ix): UpstreamChannel => ({
    ifIndex: Number(ix),
    channelId: c.firstOf(['docsIfUpChannelId'], ix),
    frequencyHz: c.num(c.col('docsIfUpChannelFrequency'), ix),
    widthHz: c.firstOf(['docsIfUpChannelWidth'], ix),
    preEq: octetsHex(eq3.get(ix) ?? eqOfMac),
    txPowerDbmv: c.num(usTx, ix) / 10,
    t3Timeouts: c.firstOf(['docsIf3CmStatusUsT3Timeouts'], ix),
    t4Timeouts: c.firstOf(['docsIf3CmStatusUsT4Timeouts'], ix),
    t3Exceededs: c.firstOf(['docsIf3CmStatusUsT3Exceededs'], ix),
    muted: c.num(c.col('docsIf3CmStatusUsIsMuted'), ix, 2) === 1,
    rangingStatus: RANGING[c.num(c.col('docsIf3CmStatusUsRangingStatus'), ix, 4)] ?? 'other',
  }));
  const usIfIndexes = c
    .ofType(IF_TYPE.docsCableUpstream)
    .filter((ix) => !c.placeholder(ix, 'docsIfUpChannelFrequency'));
  if (upstream.length === 0 && c.col('docsIfCmStatusTxPower').has(macIx)) {
    return [legacyUpstream(c, macIx, usIfIndexes)];
  }
  return upstream;
}

/**
 * Pre-3.0 modem (or a 3.0 one without docsIf3CmStatusUsTable): its level and timeouts are on the MAC interface.
 * They speak for the single upstream; with several, no channel is named (the timeouts are the modem's totals).
 */
function legacyUpstream(c: PollColumns, macIx: string, usIfIndexes: readonly string[]): UpstreamChannel {
  const usIx = usIfIndexes.length === 1 ? usIfIndexes[0] : null;
  return {
    ifIndex: usIx == null ? Number(macIx) : Number(usIx),
    channelId: usIx == null ? null : c.firstOf(['docsIfUpChannelId'], usIx),
    frequencyHz: usIx == null ? 0 : c.num(c.col('docsIfUpChannelFrequency'), usIx),
    widthHz: usIx == null ? null : c.firstOf(['docsIfUpChannelWidth'], usIx),
    preEq: usIx == null ? null : octetsHex(c.col('docsIfCmStatusEqualizationData').get(macIx)),
    txPowerDbmv: c.num(c.col('docsIfCmStatusTxPower'), macIx) / 10,
    t3Timeouts: c.firstOf(['docsIfCmStatusT3Timeouts'], macIx),
    t4Timeouts: c.firstOf(['docsIfCmStatusT4Timeouts'], macIx),
    t3Exceededs: null,
    muted: false,
    rangingStatus: 'success',
  };
}

/** An OctetString object's octets as lower-case hex ("" for an empty one), or null when it was not read. */
function octetsHex(value: SnmpVarbind['value'] | undefined): string | null {
  if (value == null) {
    return null;
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('hex');
  }
  if (typeof value !== 'string') {
    throw new Error('agent answered a non-octet value for an octet-string object');
  }
  return Buffer.from(value, 'latin1').toString('hex');
}

/**
 * OFDM downstream channels: DOCS-IF31 channel, channel power and profile statistics tables, DOCS-PNM RxMER; a full
 * poll adds the DOCS-PNM summaries.
 */
function parseOfdm(c: PollColumns, full: boolean): OfdmChannel[] {
  return c.ofType(IF_TYPE.docsOfdmDownstream).map((ix) => {
    const mer = c.col('docsPnmCmDsOfdmRxMerMean');
    const centre = c.col('docsIf31CmDsOfdmChannelPowerCenterFrequency');
    return {
      ifIndex: Number(ix),
      channelId: c.num(c.col('docsIf31CmDsOfdmChanChannelId'), ix),
      plcFrequencyHz: c.num(c.col('docsIf31CmDsOfdmChanPlcFreq'), ix),
      bandPowersDbmv: subRows(c.col('docsIf31CmDsOfdmChannelPowerRxPower'), ix).map(([band, v]) => ({
        band,
        frequencyHz: c.num(centre, `${ix}.${band}`),
        powerDbmv: numeric(v, `${ix}.${band}`) / 10,
      })),
      meanRxMerDb: rxMerMean(c, mer, ix),
      profiles: parseOfdmProfiles(c, ix),
      ...(full && { pnm: parseOfdmPnm(c, ix) }),
    };
  });
}

/**
 * A mean RxMER of 0 is a measurement the modem has not made (no channel it decodes has 0 dB), not a dead channel: some
 * modems answer 0 until a PNM capture ran. Not read, so it is not graded as a fault.
 */
function rxMerMean(c: PollColumns, mer: ColumnRows, ix: string): number | null {
  if (!mer.has(ix)) {
    return null;
  }
  const centiDb = c.num(mer, ix);
  return centiDb === 0 ? null : centiDb / 100;
}

const MEAS_STATUS: Record<number, PnmMeasStatus> = {
  1: 'other',
  2: 'inactive',
  3: 'busy',
  4: 'sampleReady',
  5: 'error',
  6: 'resourceUnavailable',
  7: 'sampleTruncated',
};

const CO_ADJ_STATUS: Record<number, PreEqCoAdjStatus> = {
  1: 'other',
  2: 'success',
  3: 'clipped',
  4: 'rejected',
};

/** A MeasStatus column's value for the channel; null when not answered, `other` for a value the MIB does not list. */
function measStatus(c: PollColumns, name: OidName, ix: string): PnmMeasStatus | null {
  const v = c.firstOf([name], ix);
  return v == null ? null : (MEAS_STATUS[v] ?? 'other');
}

/** Reads the summary columns of one channel, each in its unit: nothing but its status unless it is sampleReady. */
function summaryReader(
  c: PollColumns,
  status: PnmMeasStatus | null,
  ix: string,
): (name: OidName, perUnit: number) => number | null {
  return (name, perUnit) => {
    const raw = status === 'sampleReady' ? c.firstOf([name], ix) : null;
    // 0 / n and -0 / n: a stored summary must stay plain JSON, which has no -0.
    return raw == null ? null : raw / perUnit + 0;
  };
}

/** docsPnmCmDsOfdmRxMerTable and docsPnmCmOfdmChanEstCoefTable (2017 MIB units, docs/pnm.md §1). */
function parseOfdmPnm(c: PollColumns, ix: string): OfdmPnmSummary {
  const merStatus = measStatus(c, 'docsPnmCmDsOfdmRxMerMeasStatus', ix);
  const mer = summaryReader(c, merStatus, ix);
  const estStatus = measStatus(c, 'docsPnmCmOfdmChEstCoefMeasStatus', ix);
  const est = summaryReader(c, estStatus, ix);
  return {
    rxMer: {
      status: merStatus,
      stdDevDb: mer('docsPnmCmDsOfdmRxMerStdDev', 100),
      percentile: mer('docsPnmCmDsOfdmRxMerPercentile', 1),
      percentileDb: mer('docsPnmCmDsOfdmRxMerThrVal', 4),
      percentileHighestFreqHz: mer('docsPnmCmDsOfdmRxMerThrHighestFreq', 1),
    },
    channelEstimate: {
      status: estStatus,
      ampRipplePkPkDb: est('docsPnmCmOfdmChEstCoefAmpRipplePkToPk', 1000),
      ampRippleRmsDb: est('docsPnmCmOfdmChEstCoefAmpRippleRms', 1000),
      ampSlopeDbPerMhz: est('docsPnmCmOfdmChEstCoefAmpSlope', 1000),
      ampMeanDb: est('docsPnmCmOfdmChEstCoefAmpMean', 1000),
      groupDelayRipplePkPkNs: est('docsPnmCmOfdmChEstCoefGrpDelayRipplePkToPk', 1000),
      groupDelayRippleRmsNs: est('docsPnmCmOfdmChEstCoefGrpDelayRippleRms', 1000),
      groupDelaySlopeNsPerMhz: est('docsPnmCmOfdmChEstCoefGrpDelaySlope', 1000),
      groupDelayMeanNs: est('docsPnmCmOfdmChEstCoefGrpDelayMean', 1000),
    },
  };
}

/**
 * docsPnmCmUsPreEqTable (2017 MIB: thousandths of a dB and of a ns; the group-delay ripples' UNITS clause says
 * "nsec" but their description "units of 0.001 nsec", as every other column of the table).
 */
function parseOfdmaPnm(c: PollColumns, ix: string): OfdmaPnmSummary {
  const status = measStatus(c, 'docsPnmCmUsPreEqMeasStatus', ix);
  const eq = summaryReader(c, status, ix);
  const coAdj = c.firstOf(['docsPnmCmUsPreEqPreEqCoAdjStatus'], ix);
  const preEq: EqualizerSummary = {
    status,
    ampRipplePkPkDb: eq('docsPnmCmUsPreEqAmpRipplePkToPk', 1000),
    ampRippleRmsDb: eq('docsPnmCmUsPreEqAmpRippleRms', 1000),
    ampSlopeDbPerMhz: eq('docsPnmCmUsPreEqAmpSlope', 1000),
    ampMeanDb: eq('docsPnmCmUsPreEqAmpMean', 1000),
    groupDelayRipplePkPkNs: eq('docsPnmCmUsPreEqGrpDelayRipplePkToPk', 1000),
    groupDelayRippleRmsNs: eq('docsPnmCmUsPreEqGrpDelayRippleRms', 1000),
    groupDelaySlopeNsPerMhz: eq('docsPnmCmUsPreEqGrpDelaySlope', 1000),
    groupDelayMeanNs: eq('docsPnmCmUsPreEqGrpDelayMean', 1000),
  };
  return { preEq, coAdjStatus: coAdj == null ? null : (CO_ADJ_STATUS[coAdj] ?? 'other') };
}

/** A profile is kept only with all three counters read: a missing one is not read, never 0. */
function parseOfdmProfiles(c: PollColumns, ix: string): OfdmChannel['profiles'] {
  return subRows(c.col('docsIf31CmDsOfdmProfileStatsTotalCodewords'), ix).flatMap(([profileId]) => {
    const pix = `${ix}.${profileId}`;
    const total = c.big(['docsIf31CmDsOfdmProfileStatsTotalCodewords'], pix);
    const corrected = c.big(['docsIf31CmDsOfdmProfileStatsCorrectedCodewords'], pix);
    const uncorrectable = c.big(['docsIf31CmDsOfdmProfileStatsUncorrectableCodewords'], pix);
    return total == null || corrected == null || uncorrectable == null
      ? []
      : [{ profileId, total, corrected, uncorrectable }];
  });
}

/** OFDMA upstream channels: DOCS-IF31 OFDMA channel and status tables; a full poll adds the DOCS-PNM pre-eq summary. */
function parseOfdma(c: PollColumns, full: boolean): OfdmaChannel[] {
  const ofdmaTx = c.col('docsIf31CmUsOfdmaChanTxPower');
  return c
    .ofType(IF_TYPE.docsOfdmaUpstream)
    .filter((ix) => ofdmaTx.has(ix))
    .map((ix) => ({
      ifIndex: Number(ix),
      channelId: c.num(c.col('docsIf31CmUsOfdmaChanChannelId'), ix),
      txPowerDbmv: decodeOfdmaTxPower(c.num(ofdmaTx, ix)),
      t3Timeouts: c.firstOf(['docsIf31CmStatusOfdmaUsT3Timeouts'], ix),
      t4Timeouts: c.firstOf(['docsIf31CmStatusOfdmaUsT4Timeouts'], ix),
      t3Exceededs: c.firstOf(['docsIf31CmStatusOfdmaUsT3Exceededs'], ix),
      muted: c.num(c.col('docsIf31CmStatusOfdmaUsIsMuted'), ix, 2) === 1,
      rangingStatus: RANGING[c.num(c.col('docsIf31CmStatusOfdmaUsRangingStatus'), ix, 4)] ?? 'other',
      ...(full && { pnm: parseOfdmaPnm(c, ix) }),
    }));
}

/** The registration state: docsIf3CmStatusValue (on the MAC row, else its only row), else docsIfCmStatusValue. */
function parseStatusValue(c: PollColumns, macIx: string): number | null {
  const status3 = c.col('docsIf3CmStatusValue');
  return status3.size > 0
    ? c.num(status3, macIx, numeric([...status3.values()][0], 'docsIf3CmStatusValue'))
    : c.firstOf(['docsIfCmStatusValue'], macIx);
}

/** The registration state with its name, and the modem's reset and lost-sync counters. */
function parseStatus(c: PollColumns, macIx: string, statusValue: number | null): ReachableReading['status'] {
  return {
    value: statusValue,
    name: statusValue == null ? 'not read' : cmStatusName(statusValue),
    resets: c.firstOf(['docsIf3CmStatusResets', 'docsIfCmStatusResets'], macIx),
    lostSyncs: c.firstOf(['docsIf3CmStatusLostSyncs', 'docsIfCmStatusLostSyncs'], macIx),
  };
}

/** The system group and the DOCSIS version. */
function parseSystem(
  c: PollColumns,
): Pick<ReachableReading, 'sysDescr' | 'uptimeSec' | 'docsisVersion' | 'docsisVersionSource'> {
  return {
    sysDescr: String(c.scalar('sysDescr') ?? ''),
    uptimeSec: numeric(c.scalar('sysUpTime') ?? 0, 'sysUpTime.0') / 100,
    ...docsisVersion(
      c.scalar('docsIf31CmDocsisBaseCapability'),
      c.scalar('docsIfDocsisBaseCapability'),
      (prefix) => c.answeredUnder(prefix),
    ),
  };
}

const answered = (varbinds: readonly SnmpVarbind[] | ColumnSet, name: OidName): boolean => {
  if (varbinds instanceof Map) {
    return (varbinds.get(OID[name])?.size ?? 0) > 0;
  }
  const prefix = `${OID[name]}.`;
  return varbinds.some((vb) => vb.oid.startsWith(prefix));
};

/**
 * The DOCS-IF-MIB columns a second walk must read because the fast poll lacked the newer objects: the 32-bit
 * codeword counters when downstream channels came without docsIfSigQExt* rows, the docsIfCmStatus resets and lost
 * syncs when docsIf3CmStatusTable did not answer.
 */
export function fallbackColumns(varbinds: readonly SnmpVarbind[] | ColumnSet): OidName[] {
  const out: OidName[] = [];
  if (answered(varbinds, 'docsIfDownChannelPower') && !answered(varbinds, 'docsIfSigQExtUnerroreds')) {
    out.push(...FALLBACK_COLUMNS.docsIfSigQExtUnerroreds);
  }
  if (!answered(varbinds, 'docsIf3CmStatusValue')) {
    out.push(...FALLBACK_COLUMNS.docsIf3CmStatusValue);
  }
  if (!answered(varbinds, 'docsIf3CmStatusUsEqData')) {
    out.push(...FALLBACK_COLUMNS.docsIf3CmStatusUsEqData);
  }
  return out;
}

const DOCSIS_CAPABILITY: Record<number, DocsisVersion> = { 1: '1.x', 2: '1.x', 3: '2.0', 4: '3.0', 5: '3.1' };
const DOCS_IF31_PREFIX = '1.3.6.1.4.1.4491.2.1.28.';
const DOCS_IF3_PREFIX = '1.3.6.1.4.1.4491.2.1.20.';
const DOCS_IF_PREFIX = '1.3.6.1.2.1.10.127.';

/**
 * The capability scalars first (DOCS-IF31, then DOCS-IF-MIB); without them, the newest MIB that answered. A modem
 * that speaks only DOCS-IF-MIB is at most DOCSIS 2.0, and its tables do not tell 2.0 from 1.x.
 */
function docsisVersion(
  cap31: SnmpVarbind['value'] | undefined,
  cap: SnmpVarbind['value'] | undefined,
  answered: (prefix: string) => boolean,
): { docsisVersion: DocsisVersion; docsisVersionSource?: DocsisVersionSource } {
  const v31 = DOCSIS_CAPABILITY[Number(cap31)];
  if (v31 != null) {
    return { docsisVersion: v31, docsisVersionSource: 'docsIf31CmDocsisBaseCapability' };
  }
  const v = DOCSIS_CAPABILITY[Number(cap)];
  if (v != null) {
    return { docsisVersion: v, docsisVersionSource: 'docsIfDocsisBaseCapability' };
  }
  const inferred: DocsisVersion | null = answered(DOCS_IF31_PREFIX)
    ? '3.1'
    : answered(DOCS_IF3_PREFIX)
      ? '3.0'
      : answered(DOCS_IF_PREFIX)
        ? '2.0'
        : null;
  return inferred == null
    ? { docsisVersion: 'unknown' }
    : { docsisVersion: inferred, docsisVersionSource: 'inferred' };
}

/** Rows of a table indexed {ifIndex, sub}: the sub-indexes under one ifIndex, in order. */
function subRows(c: Column, ifIndex: string): [number, SnmpVarbind['value']][] {
  const prefix = `${ifIndex}.`;
  return [...c]
    .filter(([ix]) => ix.startsWith(prefix))
    .map(([ix, v]): [number, SnmpVarbind['value']] => [Number(ix.slice(prefix.length)), v])
    .sort((a, b) => a[0] - b[0]);
}

const FDB_LEARNED = 3;

/**
 * BRIDGE-MIB rows are indexed by the MAC itself (six sub-ids). Only the status column tells learned(3) devices
 * behind the modem from its own self(4) entry and the cable side's; without it the rows prove nothing either way,
 * so no MAC is taken from them (a "device connected" claim would name the modem itself).
 */
function bridgeTable(
  port: Column,
  status: Column,
): { cpeMacs: string[] | null; bridgeTable: BridgeTableState } {
  if (status.size > 0) {
    const cpeMacs = [...status]
      .filter(([, v]) => Number(v) === FDB_LEARNED)
      .map(([ix]) => macFromIndex(ix))
      .filter((mac): mac is string => mac != null);
    return { cpeMacs, bridgeTable: 'withStatus' };
  }
  return { cpeMacs: null, bridgeTable: port.size > 0 ? 'withoutStatus' : 'absent' };
}

export function macFromIndex(index: string): string | null {
  const parts = index.split('.').map(Number);
  if (parts.length !== 6 || parts.some((b) => !Number.isInteger(b) || b < 0 || b > 255)) {
    return null;
  }
  return parts.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** docsDevCpeInetSource is indexed {InetAddressType, InetAddress}; InetAddress carries a length sub-id. */
function parseCpes(c: Column): CpeEntry[] {
  const out: CpeEntry[] = [];
  for (const [ix, v] of c) {
    const parts = ix.split('.').map(Number);
    const [type, len, ...addr] = parts;
    if (addr.length !== len) {
      continue;
    }
    let ip: string;
    if (type === 1 && len === 4) {
      ip = addr.join('.');
    } else if (type === 2 && len === 16) {
      ip = Array.from({ length: 8 }, (_, i) => ((addr[2 * i] << 8) | addr[2 * i + 1]).toString(16)).join(':');
    } else {
      continue;
    }
    const source = Number(v) === 2 ? 'manual' : Number(v) === 3 ? 'learned' : 'other';
    out.push({ ip, source });
  }
  return out;
}

const COLUMN_BASES = new Set<string>(Object.values(OID));

/**
 * The known column (or scalar) an OID belongs to: the longest known prefix ending at a dot. Searched from the end,
 * since an index is one to six arcs and a column's OID a dozen.
 */
function columnOf(oid: string): string | undefined {
  for (let dot = oid.lastIndexOf('.'); dot > 0; dot = oid.lastIndexOf('.', dot - 1)) {
    const prefix = oid.slice(0, dot);
    if (COLUMN_BASES.has(prefix)) {
      return prefix;
    }
  }
  return undefined;
}

/** Varbinds filed by their known column (or scalar) and row index; others are left out. */
export function groupByColumn(varbinds: readonly SnmpVarbind[], into: ColumnSet = new Map()): ColumnSet {
  const out = into;
  for (const vb of varbinds) {
    const base = columnOf(vb.oid);
    if (!base) {
      continue;
    }
    let c = out.get(base);
    if (!c) {
      c = new Map();
      out.set(base, c);
    }
    c.set(vb.oid.slice(base.length + 1), vb.value);
  }
  return out;
}
