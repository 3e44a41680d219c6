import { loggedTime, simulatedLogRows } from './event-log';
import type { EqualizerProfile } from './pnm-summaries';
import { preEqOctets } from './pre-eq-coefficients';
import { OID } from '../mib/docsis-oids';
import { encodeOid } from '../mib/ber/ber-codec';
import type { AgentVarbind, AgentView, SetResult } from '../snmp-agent/agent-view';
import type { SnmpType } from '../mib/snmp-value';
import { IF_INDEX, type ModemProfile } from './modem-profile';
import { entry, OidIndex, OverlaidIndex, type MibEntry } from './oid-index';
import type { SimModem } from './sim-modem';

// The objects of docsis-reference §1.5 "CM fast poll", in raw MIB units (tenths, quarter dB, Counter64),
// as one sorted OID skeleton per modem shape. Values are computed when a request reads them.

type Value = number | bigint | string | Buffer;
type Getter = (m: SimModem, uptimeSec: number) => Value;

type Entry = MibEntry<Getter>;

const SC_QAM_CW_PER_SEC = { qam256: 47_900, qam64: 33_900 } as const;
const OFDM_CW_PER_SEC = 100_000;
const NCP_CW_PER_SEC = 2_000;
const OFDM_PROFILES = [0, 255] as const;
const TRUTH = (b: boolean): number => (b ? 1 : 2);
const tenths = (v: number): number => Math.round(v * 10);

function count(ratePerSec: number, uptimeSec: number, share = 1): bigint {
  return BigInt(Math.floor(ratePerSec * uptimeSec * share));
}

function perDay(perDayRate: number, uptimeSec: number): number {
  return Math.floor((perDayRate * uptimeSec) / 86_400);
}

function dsCounters(m: SimModem, i: number, up: number): { unerr: bigint; corr: bigint; uncorr: bigint } {
  const ch = m.profile.ds[i];
  const rate = ch.locked ? SC_QAM_CW_PER_SEC[ch.modulation] : 0;
  const corr = count(rate, up, ch.correctedRatio);
  const uncorr = count(rate, up, ch.uncorrectableRatio);
  return { unerr: count(rate, up) - corr - uncorr, corr, uncorr };
}

const U32 = (v: bigint): number => Number(v & 0xffffffffn);

class SkeletonBuilder {
  readonly entries: Entry[] = [];

  add(base: string, index: string, type: SnmpType, get: Getter): void {
    this.entries.push(entry(`${base}.${index}`, type, get));
  }

  build(): OidIndex<Getter> {
    return new OidIndex(this.entries);
  }
}

/** ifIndexes of the placeholder SC-QAM rows of the DUMMY_SC_QAM_ROWS quirk. */
const DUMMY_DS_IF_INDEXES = [200, 201] as const;
/** docsIfDocsisBaseCapability / DOCS-IF31 ClabsDocsisVersion: docsis20(3) docsis30(4) docsis31(5). */
const DOCSIS_CAPABILITY = { '2.0': 3, '3.0': 4, '3.1': 5 } as const;

/** DOCSIS 2.0: DOCS-IF-MIB alone (RFC 2670 era), with only the 32-bit codeword counters. */
const isDocsis20 = (p: ModemProfile): boolean => p.docsis === '2.0';
/** The placeholder SC-QAM rows this shape keeps, if any. */
const dummyDsIfIndexes = (p: ModemProfile): readonly number[] =>
  p.quirks.includes('DUMMY_SC_QAM_ROWS') ? DUMMY_DS_IF_INDEXES : [];

/** SNMPv2-MIB system group. */
function addSystem(b: SkeletonBuilder): void {
  b.add(OID.sysDescr, '0', 'OctetString', (m) => {
    const pr = m.profile;
    return `<<HW_REV: 1.0; VENDOR: ${pr.vendor}; BOOTR: 1.2.1; SW_REV: ${pr.swRev}; MODEL: ${pr.model}>>`;
  });
  b.add(OID.sysObjectID, '0', 'OID', () => '1.3.6.1.4.1.4491.2.4.1');
  b.add(OID.sysUpTime, '0', 'TimeTicks', (_m, up) => Math.floor(up * 100) >>> 0);
  b.add(OID.sysName, '0', 'OctetString', (m) => m.id);
}

/** IF-MIB ifTable: one row per interface, the placeholder SC-QAM rows included. */
function addInterfaces(b: SkeletonBuilder, p: ModemProfile): void {
  const ifaces: { ifIndex: number; type: number; descr: string; up: (m: SimModem) => boolean }[] = [
    { ifIndex: IF_INDEX.ethernet, type: 6, descr: 'Ethernet CPE Interface', up: () => true },
    { ifIndex: IF_INDEX.mac, type: 127, descr: 'RF MAC Interface', up: () => true },
    ...p.ds.map((ch, i) => ({
      ifIndex: ch.ifIndex,
      type: 128,
      descr: 'RF Downstream Interface',
      up: (m: SimModem) => m.profile.ds[i].locked,
    })),
    ...p.us.map((ch, i) => ({
      ifIndex: ch.ifIndex,
      type: 129,
      descr: 'RF Upstream Interface',
      up: (m: SimModem) => !m.profile.us[i].muted,
    })),
    ...p.ofdm.map((ch) => ({ ifIndex: ch.ifIndex, type: 277, descr: 'RF OFDM Downstream', up: () => true })),
    ...p.ofdma.map((ch) => ({ ifIndex: ch.ifIndex, type: 278, descr: 'RF OFDMA Upstream', up: () => true })),
    ...dummyDsIfIndexes(p).map((ifIndex) => ({
      ifIndex,
      type: 128,
      descr: 'RF Downstream Interface',
      up: () => false,
    })),
  ];
  for (const f of ifaces) {
    b.add(OID.ifIndex, `${f.ifIndex}`, 'Integer', () => f.ifIndex);
    b.add(OID.ifDescr, `${f.ifIndex}`, 'OctetString', () => f.descr);
    b.add(OID.ifType, `${f.ifIndex}`, 'Integer', () => f.type);
    b.add(OID.ifOperStatus, `${f.ifIndex}`, 'Integer', (m) => (f.up(m) ? 1 : 2));
  }
}

/**
 * DOCS-IF-MIB docsIfDownstreamChannelTable and docsIfSignalQualityTable (32-bit counters), with
 * docsIfSignalQualityExtTable and DOCS-IF3 RxMER except on DOCSIS 2.0 modems.
 */
function addScQamDownstream(b: SkeletonBuilder, p: ModemProfile): void {
  const is20 = isDocsis20(p);
  p.ds.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const ds = (m: SimModem): ModemProfile['ds'][number] => m.profile.ds[i];
    b.add(OID.docsIfDownChannelId, ix, 'Integer', (m) => ds(m).channelId);
    b.add(OID.docsIfDownChannelFrequency, ix, 'Integer', (m) => ds(m).frequencyHz);
    b.add(OID.docsIfDownChannelModulation, ix, 'Integer', (m) => (ds(m).modulation === 'qam256' ? 4 : 3));
    b.add(OID.docsIfDownChannelPower, ix, 'Integer', (m) => tenths(ds(m).powerDbmv));
    b.add(OID.docsIfSigQUnerroreds, ix, 'Counter32', (m, up) => U32(dsCounters(m, i, up).unerr));
    b.add(OID.docsIfSigQCorrecteds, ix, 'Counter32', (m, up) => U32(dsCounters(m, i, up).corr));
    b.add(OID.docsIfSigQUncorrectables, ix, 'Counter32', (m, up) => U32(dsCounters(m, i, up).uncorr));
    b.add(OID.docsIfSigQSignalNoise, ix, 'Integer', (m) => tenths(ds(m).snrDb));
    b.add(OID.docsIfSigQMicroreflections, ix, 'Integer', () => 32);
    if (is20) {
      return;
    }
    b.add(OID.docsIfSigQExtUnerroreds, ix, 'Counter64', (m, up) => dsCounters(m, i, up).unerr);
    b.add(OID.docsIfSigQExtCorrecteds, ix, 'Counter64', (m, up) => dsCounters(m, i, up).corr);
    b.add(OID.docsIfSigQExtUncorrectables, ix, 'Counter64', (m, up) => dsCounters(m, i, up).uncorr);
    b.add(OID.docsIf3SignalQualityExtRxMER, ix, 'Integer', (m) => tenths(ds(m).snrDb));
  });
}

/** Rows in the SC-QAM tables where no SC-QAM channel is tuned: the DUMMY_SC_QAM_ROWS quirk, and OFDM channels. */
function addPlaceholderDownstreamRows(b: SkeletonBuilder, p: ModemProfile): void {
  // Placeholder rows some DOCSIS 3.1 modems keep in the SC-QAM tables: nothing is tuned there.
  for (const ifIndex of dummyDsIfIndexes(p)) {
    const ix = `${ifIndex}`;
    b.add(OID.docsIfDownChannelId, ix, 'Integer', () => 0);
    b.add(OID.docsIfDownChannelFrequency, ix, 'Integer', () => 0);
    b.add(OID.docsIfDownChannelModulation, ix, 'Integer', () => 1);
    b.add(OID.docsIfDownChannelPower, ix, 'Integer', () => 0);
    b.add(OID.docsIfSigQSignalNoise, ix, 'Integer', () => 0);
    b.add(OID.docsIfSigQExtUnerroreds, ix, 'Counter64', () => 0n);
    b.add(OID.docsIfSigQExtCorrecteds, ix, 'Counter64', () => 0n);
    b.add(OID.docsIfSigQExtUncorrectables, ix, 'Counter64', () => 0n);
    b.add(OID.docsIf3SignalQualityExtRxMER, ix, 'Integer', () => 0);
  }
  // DOCS-IF31-MIB: RFC 4546 tables may carry rows for OFDM channels "but with dummy values".
  for (const ch of p.ofdm) {
    const ix = `${ch.ifIndex}`;
    b.add(OID.docsIfDownChannelId, ix, 'Integer', () => 0);
    b.add(OID.docsIfDownChannelFrequency, ix, 'Integer', () => 0);
    b.add(OID.docsIfDownChannelModulation, ix, 'Integer', () => 2);
    b.add(OID.docsIfDownChannelPower, ix, 'Integer', () => 0);
    b.add(OID.docsIfSigQSignalNoise, ix, 'Integer', () => 0);
    b.add(OID.docsIfSigQExtUnerroreds, ix, 'Counter64', () => 0n);
    b.add(OID.docsIfSigQExtCorrecteds, ix, 'Counter64', () => 0n);
    b.add(OID.docsIfSigQExtUncorrectables, ix, 'Counter64', () => 0n);
  }
}

/** DOCS-IF-MIB docsIfDocsisBaseCapability. */
function addBaseCapability(b: SkeletonBuilder, p: ModemProfile): void {
  b.add(OID.docsIfDocsisBaseCapability, '0', 'Integer', () => DOCSIS_CAPABILITY[p.docsis]);
}

/**
 * DOCS-IF-MIB docsIfUpstreamChannelTable, and DOCS-IF3 docsIf3CmStatusUsTable except on DOCSIS 2.0 modems and
 * the NO_US_STATUS_TABLE quirk.
 */
function addUpstream(b: SkeletonBuilder, p: ModemProfile): void {
  const usStatusTable = !isDocsis20(p) && !p.quirks.includes('NO_US_STATUS_TABLE');
  p.us.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const us = (m: SimModem): ModemProfile['us'][number] => m.profile.us[i];
    b.add(OID.docsIfUpChannelId, ix, 'Integer', (m) => us(m).channelId);
    b.add(OID.docsIfUpChannelFrequency, ix, 'Integer', (m) => us(m).frequencyHz);
    b.add(OID.docsIfUpChannelWidth, ix, 'Integer', () => 6_400_000);
    if (!usStatusTable) {
      return;
    }
    b.add(OID.docsIf3CmStatusUsTxPower, ix, 'Integer', (m) => tenths(us(m).txPowerDbmv));
    b.add(OID.docsIf3CmStatusUsT3Timeouts, ix, 'Counter32', (m, up) => perDay(us(m).t3PerDay, up));
    b.add(OID.docsIf3CmStatusUsT4Timeouts, ix, 'Counter32', (m, up) => perDay(us(m).t4PerDay, up));
    b.add(OID.docsIf3CmStatusUsRangingAborteds, ix, 'Counter32', () => 0);
    b.add(OID.docsIf3CmStatusUsModulationType, ix, 'Integer', () => 2);
    b.add(OID.docsIf3CmStatusUsEqData, ix, 'OctetString', (m) => preEqOctets(us(m).preEq, m.profile.vendor));
    b.add(OID.docsIf3CmStatusUsT3Exceededs, ix, 'Counter32', (m, up) => perDay(us(m).t3ExceededPerDay, up));
    b.add(OID.docsIf3CmStatusUsIsMuted, ix, 'Integer', (m) => TRUTH(us(m).muted));
    b.add(OID.docsIf3CmStatusUsRangingStatus, ix, 'Integer', (m) => us(m).rangingStatus);
  });
}

/** DOCS-IF-MIB docsIfCmStatusTable on the MAC interface, and DOCS-IF3 docsIf3CmStatusTable except on DOCSIS 2.0. */
function addCmStatus(b: SkeletonBuilder, p: ModemProfile): void {
  const mac = `${IF_INDEX.mac}`;
  const sumUs = (m: SimModem, up: number, k: 't3PerDay' | 't4PerDay'): number =>
    m.profile.us.reduce((s, ch) => s + perDay(ch[k], up), 0);
  // RFC 4546 has no forwardingDisabled: such a modem shows other(1) there.
  const rfcStatus = (v: number): number => (v === 12 || v === 13 ? v : v === 20 ? 1 : Math.min(v, 11));
  b.add(OID.docsIfCmStatusValue, mac, 'Integer', (m) => rfcStatus(m.profile.statusValue));
  b.add(OID.docsIfCmStatusCode, mac, 'OctetString', () => '');
  b.add(OID.docsIfCmStatusTxPower, mac, 'Integer', (m) => tenths(m.profile.us[0].txPowerDbmv));
  b.add(OID.docsIfCmStatusResets, mac, 'Counter32', (m) => m.profile.resetsSinceBoot);
  b.add(OID.docsIfCmStatusLostSyncs, mac, 'Counter32', () => 0);
  b.add(OID.docsIfCmStatusT3Timeouts, mac, 'Counter32', (m, up) => sumUs(m, up, 't3PerDay'));
  b.add(OID.docsIfCmStatusT4Timeouts, mac, 'Counter32', (m, up) => sumUs(m, up, 't4PerDay'));
  // DOCS-IF-MIB's coefficients are the primary (first) upstream's.
  b.add(OID.docsIfCmStatusEqualizationData, mac, 'OctetString', (m) =>
    preEqOctets(m.profile.us[0].preEq, m.profile.vendor),
  );
  if (!isDocsis20(p)) {
    b.add(OID.docsIf3CmStatusValue, mac, 'Integer', (m) => m.profile.statusValue);
    b.add(OID.docsIf3CmStatusCode, mac, 'OctetString', () => '');
    b.add(OID.docsIf3CmStatusResets, mac, 'Counter32', (m) => m.profile.resetsSinceBoot);
    b.add(OID.docsIf3CmStatusLostSyncs, mac, 'Counter32', () => 0);
  }
}

/** DOCS-CABLE-DEVICE-MIB: the reset switch, the serial number and the event log's control (read: useDefaultReporting). */
function addDocsDev(b: SkeletonBuilder, p: ModemProfile): void {
  b.add(OID.docsDevResetNow, '0', 'Integer', () => 2);
  b.add(OID.docsDevSerialNumber, '0', 'OctetString', (m) => `SIM${m.seed.toString(16)}${m.index}`);
  if (!p.quirks.includes('NO_EVENT_LOG')) {
    b.add(OID.docsDevEvControl, '0', 'Integer', () => 2);
  }
}

/**
 * DOCSIS 3.1 downstream: the DOCS-IF31 capability, OFDM channel, profile statistics and channel power tables,
 * and DOCS-PNM RxMER.
 */
function addOfdmDownstream(b: SkeletonBuilder, p: ModemProfile): void {
  if (p.docsis !== '3.1') {
    return;
  }
  b.add(OID.docsIf31CmDocsisBaseCapability, '0', 'Integer', () => 5);
  p.ofdm.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const of = (m: SimModem): ModemProfile['ofdm'][number] => m.profile.ofdm[i];
    b.add(OID.docsPnmCmDsOfdmRxMerMean, ix, 'Gauge32', (m) => Math.round(of(m).merDb * 100));
    b.add(OID.docsIf31CmDsOfdmChanChannelId, ix, 'Integer', (m) => of(m).channelId);
    b.add(OID.docsIf31CmDsOfdmChanPlcFreq, ix, 'Gauge32', (m) => of(m).plcFrequencyHz);
    for (const profileId of OFDM_PROFILES) {
      const pix = `${ix}.${profileId}`;
      const rate = profileId === 255 ? NCP_CW_PER_SEC : OFDM_CW_PER_SEC;
      const share = (m: SimModem, k: 'correctedRatio' | 'uncorrectableRatio'): number =>
        profileId === 255 ? 0 : of(m)[k];
      b.add(OID.docsIf31CmDsOfdmProfileStatsTotalCodewords, pix, 'Counter64', (_m, up) => count(rate, up));
      b.add(OID.docsIf31CmDsOfdmProfileStatsCorrectedCodewords, pix, 'Counter64', (m, up) =>
        count(rate, up, share(m, 'correctedRatio')),
      );
      b.add(OID.docsIf31CmDsOfdmProfileStatsUncorrectableCodewords, pix, 'Counter64', (m, up) =>
        count(rate, up, share(m, 'uncorrectableRatio')),
      );
    }
    ch.bands.forEach((band, j) => {
      const bix = `${ix}.${band.band}`;
      b.add(
        OID.docsIf31CmDsOfdmChannelPowerCenterFrequency,
        bix,
        'Gauge32',
        (m) => of(m).bands[j].frequencyHz,
      );
      b.add(OID.docsIf31CmDsOfdmChannelPowerRxPower, bix, 'Integer', (m) => tenths(of(m).bands[j].powerDbmv));
    });
  });
}

/** DOCSIS 3.1 upstream: DOCS-IF31 OFDMA status and channel tables. */
function addOfdmaUpstream(b: SkeletonBuilder, p: ModemProfile): void {
  if (p.docsis !== '3.1') {
    return;
  }
  p.ofdma.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const oa = (m: SimModem): ModemProfile['ofdma'][number] => m.profile.ofdma[i];
    b.add(OID.docsIf31CmStatusOfdmaUsT3Timeouts, ix, 'Counter32', (m, up) => perDay(oa(m).t3PerDay, up));
    b.add(OID.docsIf31CmStatusOfdmaUsT4Timeouts, ix, 'Counter32', (m, up) => perDay(oa(m).t4PerDay, up));
    b.add(OID.docsIf31CmStatusOfdmaUsT3Exceededs, ix, 'Counter32', (m, up) =>
      perDay(oa(m).t3ExceededPerDay, up),
    );
    b.add(OID.docsIf31CmStatusOfdmaUsIsMuted, ix, 'Integer', (m) => TRUTH(oa(m).muted));
    b.add(OID.docsIf31CmStatusOfdmaUsRangingStatus, ix, 'Integer', (m) => oa(m).rangingStatus);
    b.add(OID.docsIf31CmUsOfdmaChanChannelId, ix, 'Integer', (m) => oa(m).channelId);
    // 2017 DOCS-IF31-MIB: Unsigned32 in quarter dBmV.
    b.add(OID.docsIf31CmUsOfdmaChanTxPower, ix, 'Gauge32', (m) => Math.round(oa(m).txPowerDbmv * 4));
  });
}

/** DOCS-PNM MeasStatusType: inactive(2) busy(3) sampleReady(4). */
const MEAS = { inactive: 2, busy: 3, sampleReady: 4 } as const;
const thousandths = (v: number): number => Math.round(v * 1000);

type EqualizerColumns = Record<keyof EqualizerProfile, string>;

const CHANNEL_ESTIMATE_COLUMNS: EqualizerColumns = {
  ampRipplePkPkDb: OID.docsPnmCmOfdmChEstCoefAmpRipplePkToPk,
  ampRippleRmsDb: OID.docsPnmCmOfdmChEstCoefAmpRippleRms,
  ampSlopeDbPerMhz: OID.docsPnmCmOfdmChEstCoefAmpSlope,
  ampMeanDb: OID.docsPnmCmOfdmChEstCoefAmpMean,
  groupDelayRipplePkPkNs: OID.docsPnmCmOfdmChEstCoefGrpDelayRipplePkToPk,
  groupDelayRippleRmsNs: OID.docsPnmCmOfdmChEstCoefGrpDelayRippleRms,
  groupDelaySlopeNsPerMhz: OID.docsPnmCmOfdmChEstCoefGrpDelaySlope,
  groupDelayMeanNs: OID.docsPnmCmOfdmChEstCoefGrpDelayMean,
};

const US_PRE_EQ_COLUMNS: EqualizerColumns = {
  ampRipplePkPkDb: OID.docsPnmCmUsPreEqAmpRipplePkToPk,
  ampRippleRmsDb: OID.docsPnmCmUsPreEqAmpRippleRms,
  ampSlopeDbPerMhz: OID.docsPnmCmUsPreEqAmpSlope,
  ampMeanDb: OID.docsPnmCmUsPreEqAmpMean,
  groupDelayRipplePkPkNs: OID.docsPnmCmUsPreEqGrpDelayRipplePkToPk,
  groupDelayRippleRmsNs: OID.docsPnmCmUsPreEqGrpDelayRippleRms,
  groupDelaySlopeNsPerMhz: OID.docsPnmCmUsPreEqGrpDelaySlope,
  groupDelayMeanNs: OID.docsPnmCmUsPreEqGrpDelayMean,
};

/** Unsigned32 and Gauge32 columns of the equaliser tables; the others (slopes, means) are Integer32. */
const UNSIGNED: ReadonlySet<keyof EqualizerProfile> = new Set([
  'ampRipplePkPkDb',
  'ampRippleRmsDb',
  'groupDelayRipplePkPkNs',
  'groupDelayRippleRmsNs',
]);

/** One equaliser summary's columns in thousandths (2017 DOCS-PNM-MIB); 0 throughout while it is not ready. */
function addEqualizer(
  b: SkeletonBuilder,
  columns: EqualizerColumns,
  ix: string,
  ready: boolean,
  summary: (m: SimModem) => EqualizerProfile,
): void {
  for (const key of Object.keys(columns) as (keyof EqualizerProfile)[]) {
    const type = UNSIGNED.has(key) ? 'Gauge32' : 'Integer';
    b.add(columns[key], ix, type, ready ? (m) => thousandths(summary(m)[key]) : () => 0);
  }
}

/**
 * DOCS-PNM-MIB summaries (2017 revision): RxMER statistics and channel estimate per OFDM channel, the pre-equaliser
 * per OFDMA channel. The PNM_NOT_READY quirk answers the downstream rows with measurements not ready and values 0,
 * and has no pre-equaliser rows.
 */
function addPnmSummaries(b: SkeletonBuilder, p: ModemProfile): void {
  if (p.docsis !== '3.1') {
    return;
  }
  const ready = !p.quirks.includes('PNM_NOT_READY');
  p.ofdm.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const of = (m: SimModem): ModemProfile['ofdm'][number] => m.profile.ofdm[i];
    b.add(OID.docsPnmCmDsOfdmRxMerPercentile, ix, 'Gauge32', () => 2);
    b.add(OID.docsPnmCmDsOfdmRxMerStdDev, ix, 'Gauge32', (m) =>
      ready ? Math.round(of(m).pnm.rxMerStdDevDb * 100) : 0,
    );
    b.add(OID.docsPnmCmDsOfdmRxMerThrVal, ix, 'Gauge32', (m) =>
      ready ? Math.max(0, Math.floor((of(m).merDb - of(m).pnm.rxMerP2BelowMeanDb) * 4)) : 0,
    );
    b.add(OID.docsPnmCmDsOfdmRxMerThrHighestFreq, ix, 'Gauge32', (m) =>
      ready ? of(m).pnm.rxMerP2FrequencyHz : 0,
    );
    b.add(OID.docsPnmCmDsOfdmRxMerMeasStatus, ix, 'Integer', () =>
      ready ? MEAS.sampleReady : MEAS.inactive,
    );
    addEqualizer(b, CHANNEL_ESTIMATE_COLUMNS, ix, ready, (m) => of(m).pnm.channelEstimate);
    b.add(OID.docsPnmCmOfdmChEstCoefMeasStatus, ix, 'Integer', () => (ready ? MEAS.sampleReady : MEAS.busy));
  });
  if (!ready) {
    return;
  }
  p.ofdma.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const oa = (m: SimModem): ModemProfile['ofdma'][number] => m.profile.ofdma[i];
    addEqualizer(b, US_PRE_EQ_COLUMNS, ix, true, (m) => oa(m).pnm.preEq);
    b.add(OID.docsPnmCmUsPreEqPreEqCoAdjStatus, ix, 'Integer', (m) => oa(m).pnm.coAdjStatus);
    b.add(OID.docsPnmCmUsPreEqMeasStatus, ix, 'Integer', () => MEAS.sampleReady);
  });
}

/** The MIB tables and groups of a modem's skeleton, each adding its rows for one modem shape. */
const MIB_TABLES: readonly ((b: SkeletonBuilder, p: ModemProfile) => void)[] = [
  addSystem,
  addInterfaces,
  addScQamDownstream,
  addPlaceholderDownstreamRows,
  addBaseCapability,
  addUpstream,
  addCmStatus,
  addDocsDev,
  addOfdmDownstream,
  addOfdmaUpstream,
  addPnmSummaries,
];

function buildSkeleton(p: ModemProfile): OidIndex<Getter> {
  const b = new SkeletonBuilder();
  for (const addTable of MIB_TABLES) {
    addTable(b, p);
  }
  return b.build();
}

const skeletons = new Map<string, OidIndex<Getter>>();

function skeletonFor(m: SimModem): OidIndex<Getter> {
  let s = skeletons.get(m.shapeKey());
  if (!s) {
    s = buildSkeleton(m.profile);
    skeletons.set(m.shapeKey(), s);
  }
  return s;
}

/** Rows whose OIDs carry addresses (CPE IPs, bridge MACs): they differ per modem, so they are kept apart. */
function addressedEntries(m: SimModem): OidIndex<Getter> {
  const entries: Entry[] = [];
  const add = (oid: string, value: number): void => {
    entries.push(entry(oid, 'Integer', () => value));
  };
  for (const cpe of m.profile.cpes) {
    add(`${OID.docsDevCpeInetSource}.1.4.${cpe.ip}`, 3);
  }
  // BRIDGE-MIB: the modem's own MAC is self(4); devices behind it are learned(3) on the Ethernet port.
  const bridged = [
    { mac: m.mac, port: IF_INDEX.mac, status: 4 },
    ...m.profile.cpes.map((c) => ({ mac: c.mac, port: IF_INDEX.ethernet, status: 3 })),
  ];
  const withStatus = !m.profile.quirks.includes('BRIDGE_WITHOUT_STATUS');
  for (const b of bridged) {
    const ix = macIndex(b.mac);
    add(`${OID.dot1dTpFdbPort}.${ix}`, b.port);
    if (withStatus) {
      add(`${OID.dot1dTpFdbStatus}.${ix}`, b.status);
    }
  }
  entries.push(...eventLogEntries(m.profile));
  return new OidIndex(entries);
}

/** docsDevEventTable: its rows follow the modem's scenario, so they are kept with its profile, not its shape. */
function eventLogEntries(p: ModemProfile): Entry[] {
  return simulatedLogRows(p).flatMap((row, i) => {
    const ix = `${i + 1}`;
    const context = (m: SimModem): string =>
      row.withContext ? `;CM-MAC=${m.mac};CMTS-MAC=00:17:10:00:00:01;CM-QOS=1.1;CM-VER=3.0;` : '';
    return [
      entry(`${OID.docsDevEvFirstTime}.${ix}`, 'OctetString', (m, up) =>
        loggedTime(m, row, row.firstSec(m, up)),
      ),
      entry(`${OID.docsDevEvLastTime}.${ix}`, 'OctetString', (m, up) =>
        loggedTime(m, row, row.lastSec(m, up)),
      ),
      entry(`${OID.docsDevEvCounts}.${ix}`, 'Counter32', (m, up) => row.count(m, up)),
      entry(`${OID.docsDevEvLevel}.${ix}`, 'Integer', () => row.level),
      entry(`${OID.docsDevEvId}.${ix}`, 'Gauge32', () => row.eventId),
      entry(`${OID.docsDevEvText}.${ix}`, 'OctetString', (m) => `${row.text}${context(m)}`),
    ];
  });
}

/** A MacAddress index: six sub-identifiers, no length prefix. */
export function macIndex(mac: string): string {
  return mac
    .split(':')
    .map((h) => parseInt(h, 16))
    .join('.');
}

interface EntryVarbind extends AgentVarbind {
  entry: Entry;
}

const indexes = new WeakMap<ModemProfile, OverlaidIndex<Getter>>();

/** Built on a modem's first read and kept with its profile: it goes when the profile does (sim-modem.ts). */
function indexFor(m: SimModem): OverlaidIndex<Getter> {
  const profile = m.profile;
  let index = indexes.get(profile);
  if (!index) {
    index = new OverlaidIndex(skeletonFor(m), addressedEntries(m));
    indexes.set(profile, index);
  }
  return index;
}

/** A view of one modem at one instant, for the SNMP agent. */
export function modemView(m: SimModem, now: number, writable: boolean): AgentView {
  const index = indexFor(m);
  const up = m.uptimeSec(now);
  const read = (e: Entry | undefined): EntryVarbind | undefined =>
    e && { oid: e.oid, type: e.type, value: e.get(m, up), oidBer: (e.oidBer ??= encodeOid(e.oid)), entry: e };
  return {
    delayMs: m.responseDelayMs,
    get: (oid) => read(index.exact(oid)),
    next: (oid) => read(index.after(oid)),
    // The agent hands back varbinds that this view returned, so they carry their entry.
    nextAfter: (vb) => read(index.afterEntry((vb as EntryVarbind).entry)),
    set: (oid, type, value): SetResult => {
      if (!index.exact(oid)) {
        return 'noCreation';
      }
      if (!writable) {
        return 'noAccess';
      }
      if (oid !== `${OID.docsDevResetNow}.0`) {
        return 'notWritable';
      }
      if (type !== 'Integer') {
        return 'wrongType';
      }
      if (value === 1) {
        m.reset(now);
        return 'ok';
      }
      return value === 2 ? 'ok' : 'wrongValue';
    },
  };
}
