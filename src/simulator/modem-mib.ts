import { OID } from '../snmp/docsis-oids';
import type { AgentView, SetResult } from '../snmp/snmp-agent';
import { compareOids, parseOid, type SnmpType, type SnmpVarbind } from '../snmp/snmp-value';
import { IF_INDEX, type ModemProfile } from './modem-profile';
import type { SimModem } from './sim-modem';

// The objects of docsis-reference §1.5 "CM fast poll", in raw MIB units (tenths, quarter dB, Counter64),
// as one sorted OID skeleton per modem shape. Values are computed when a request reads them.

type Value = number | bigint | string;
type Getter = (m: SimModem, uptimeSec: number) => Value;

interface Entry {
  oid: string;
  parts: number[];
  type: SnmpType;
  get: Getter;
}

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
    const oid = `${base}.${index}`;
    this.entries.push({ oid, parts: parseOid(oid), type, get });
  }

  build(): Entry[] {
    return this.entries.sort((a, b) => compareOids(a.parts, b.parts));
  }
}

function buildSkeleton(p: ModemProfile): Entry[] {
  const b = new SkeletonBuilder();
  const is31 = p.docsis === '3.1';
  b.add(OID.sysDescr, '0', 'OctetString', (m) => {
    const pr = m.profile;
    return `<<HW_REV: 1.0; VENDOR: ${pr.vendor}; BOOTR: 1.2.1; SW_REV: ${pr.swRev}; MODEL: ${pr.model}>>`;
  });
  b.add(OID.sysObjectID, '0', 'OID', () => '1.3.6.1.4.1.4491.2.4.1');
  b.add(OID.sysUpTime, '0', 'TimeTicks', (_m, up) => Math.floor(up * 100) >>> 0);
  b.add(OID.sysName, '0', 'OctetString', (m) => m.id);

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
  ];
  for (const f of ifaces) {
    b.add(OID.ifIndex, `${f.ifIndex}`, 'Integer', () => f.ifIndex);
    b.add(OID.ifDescr, `${f.ifIndex}`, 'OctetString', () => f.descr);
    b.add(OID.ifType, `${f.ifIndex}`, 'Integer', () => f.type);
    b.add(OID.ifOperStatus, `${f.ifIndex}`, 'Integer', (m) => (f.up(m) ? 1 : 2));
  }

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
    b.add(OID.docsIfSigQExtUnerroreds, ix, 'Counter64', (m, up) => dsCounters(m, i, up).unerr);
    b.add(OID.docsIfSigQExtCorrecteds, ix, 'Counter64', (m, up) => dsCounters(m, i, up).corr);
    b.add(OID.docsIfSigQExtUncorrectables, ix, 'Counter64', (m, up) => dsCounters(m, i, up).uncorr);
    b.add(OID.docsIf3SignalQualityExtRxMER, ix, 'Integer', (m) => tenths(ds(m).snrDb));
  });
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
  b.add(OID.docsIfDocsisBaseCapability, '0', 'Integer', () => (is31 ? 5 : 4));

  p.us.forEach((ch, i) => {
    const ix = `${ch.ifIndex}`;
    const us = (m: SimModem): ModemProfile['us'][number] => m.profile.us[i];
    b.add(OID.docsIfUpChannelId, ix, 'Integer', (m) => us(m).channelId);
    b.add(OID.docsIfUpChannelFrequency, ix, 'Integer', (m) => us(m).frequencyHz);
    b.add(OID.docsIfUpChannelWidth, ix, 'Integer', () => 6_400_000);
    b.add(OID.docsIf3CmStatusUsTxPower, ix, 'Integer', (m) => tenths(us(m).txPowerDbmv));
    b.add(OID.docsIf3CmStatusUsT3Timeouts, ix, 'Counter32', (m, up) => perDay(us(m).t3PerDay, up));
    b.add(OID.docsIf3CmStatusUsT4Timeouts, ix, 'Counter32', (m, up) => perDay(us(m).t4PerDay, up));
    b.add(OID.docsIf3CmStatusUsRangingAborteds, ix, 'Counter32', () => 0);
    b.add(OID.docsIf3CmStatusUsModulationType, ix, 'Integer', () => 2);
    b.add(OID.docsIf3CmStatusUsT3Exceededs, ix, 'Counter32', (m, up) => perDay(us(m).t3ExceededPerDay, up));
    b.add(OID.docsIf3CmStatusUsIsMuted, ix, 'Integer', (m) => TRUTH(us(m).muted));
    b.add(OID.docsIf3CmStatusUsRangingStatus, ix, 'Integer', (m) => us(m).rangingStatus);
  });

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
  b.add(OID.docsIf3CmStatusValue, mac, 'Integer', (m) => m.profile.statusValue);
  b.add(OID.docsIf3CmStatusCode, mac, 'OctetString', () => '');
  b.add(OID.docsIf3CmStatusResets, mac, 'Counter32', (m) => m.profile.resetsSinceBoot);
  b.add(OID.docsIf3CmStatusLostSyncs, mac, 'Counter32', () => 0);

  b.add(OID.docsDevResetNow, '0', 'Integer', () => 2);
  b.add(OID.docsDevSerialNumber, '0', 'OctetString', (m) => `SIM${m.seed.toString(16)}${m.index}`);

  if (is31) {
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
        b.add(OID.docsIf31CmDsOfdmChannelPowerRxPower, bix, 'Integer', (m) =>
          tenths(of(m).bands[j].powerDbmv),
        );
      });
    });
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
  return b.build();
}

const skeletons = new Map<string, Entry[]>();

function skeletonFor(m: SimModem): Entry[] {
  let s = skeletons.get(m.shapeKey());
  if (!s) {
    s = buildSkeleton(m.profile);
    skeletons.set(m.shapeKey(), s);
  }
  return s;
}

/** The CPE rows: their OIDs carry the CPE address, so they differ per modem. */
function cpeEntries(m: SimModem): Entry[] {
  return m.profile.cpeIps
    .map((ip) => {
      const oid = `${OID.docsDevCpeInetSource}.1.4.${ip}`;
      return { oid, parts: parseOid(oid), type: 'Integer' as const, get: () => 3 };
    })
    .sort((a, b) => compareOids(a.parts, b.parts));
}

/** Index of the first entry whose OID is > q (strict) or >= q. */
function bound(entries: Entry[], q: number[], strict: boolean): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareOids(entries[mid].parts, q);
    if (c < 0 || (strict && c === 0)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

function firstAfter(entries: Entry[], q: number[]): Entry | undefined {
  return entries[bound(entries, q, true)];
}

function exact(entries: Entry[], q: number[]): Entry | undefined {
  const e = entries[bound(entries, q, false)];
  return e && compareOids(e.parts, q) === 0 ? e : undefined;
}

/** A view of one modem at one instant, for the SNMP agent. */
export function modemView(m: SimModem, now: number, writable: boolean): AgentView {
  const skeleton = skeletonFor(m);
  const cpes = cpeEntries(m);
  const up = m.uptimeSec(now);
  const read = (e: Entry | undefined): SnmpVarbind | undefined =>
    e && { oid: e.oid, type: e.type, value: e.get(m, up) };
  return {
    delayMs: m.responseDelayMs,
    get: (oid) => {
      const q = parseOid(oid);
      return read(exact(skeleton, q) ?? exact(cpes, q));
    },
    next: (oid) => {
      const q = parseOid(oid);
      const a = firstAfter(skeleton, q);
      const b = firstAfter(cpes, q);
      return read(a && b ? (compareOids(a.parts, b.parts) < 0 ? a : b) : (a ?? b));
    },
    set: (oid, type, value): SetResult => {
      const q = parseOid(oid);
      if (!exact(skeleton, q) && !exact(cpes, q)) {
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
