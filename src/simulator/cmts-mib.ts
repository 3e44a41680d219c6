import { OID } from '../snmp/docsis-oids';
import { encodeOid } from '../snmp/ber-codec';
import type { AgentVarbind, AgentView } from '../snmp/snmp-agent';
import type { SnmpVarbind } from '../snmp/snmp-value';
import { entry, exactIn, firstAfter, OidIndex, type MibEntry } from './oid-index';
import type { CmtsRowState, SimModem } from './sim-modem';

// The CMTS side of docsis-reference §1.2: one row per registered modem (docsIf3CmtsCmRegStatusId), upstream
// status per modem and channel, partial service, and the CPEs behind each modem.

type Getter = (now: number) => SnmpVarbind['value'];

export interface SimCmts {
  id: string;
  index: number;
  startedAt: number;
  setPointDbmv: number;
  modems: SimModem[];
  /** SNMP requests received: lets tests count CMTS reads. */
  requests: number;
  /** Bumped whenever rows may appear or vanish (scenario changes), so the OID skeleton is rebuilt. */
  generation: number;
}

const cache = new WeakMap<SimCmts, { generation: number; index: OidIndex<Getter> }>();

const tenths = (v: number): number => Math.round(v * 10);

export function macOctets(mac: string): Buffer {
  return Buffer.from(mac.split(':').map((h) => parseInt(h, 16)));
}

function ipOctets(ip: string): Buffer {
  return Buffer.from(ip.split('.').map(Number));
}

/** SNMPv2-TC DateAndTime, 11 octets, UTC. */
export function dateAndTime(ms: number): Buffer {
  const d = new Date(ms);
  const b = Buffer.alloc(11);
  b.writeUInt16BE(d.getUTCFullYear(), 0);
  b.writeUInt8(d.getUTCMonth() + 1, 2);
  b.writeUInt8(d.getUTCDate(), 3);
  b.writeUInt8(d.getUTCHours(), 4);
  b.writeUInt8(d.getUTCMinutes(), 5);
  b.writeUInt8(d.getUTCSeconds(), 6);
  b.writeUInt8(Math.floor(d.getUTCMilliseconds() / 100), 7);
  b.write('+', 8, 'latin1');
  return b;
}

/** The CMTS's upstream channel ifIndex that a modem's k-th upstream channel uses. */
export function cmtsUsIfIndex(m: SimModem, k: number): number {
  return 2000 + (m.placement.mdIfIndex - 1000) * 16 + k + 1;
}

function build(cmts: SimCmts, now: number): OidIndex<Getter> {
  const entries: MibEntry<Getter>[] = [
    entry(`${OID.sysDescr}.0`, 'OctetString', () => `Simulated CMTS ${cmts.id} (Linecheck)`),
    entry(`${OID.sysUpTime}.0`, 'TimeTicks', (t) => Math.floor((t - cmts.startedAt) / 10) >>> 0),
    entry(`${OID.sysName}.0`, 'OctetString', () => cmts.id),
  ];
  for (const m of cmts.modems) {
    if (!m.cmtsRow(now)) {
      continue;
    }
    const id = m.placement.regId;
    const row = (t: number): CmtsRowState =>
      m.cmtsRow(t) ?? {
        regState: 1,
        lastRegAt: 0,
        usRxOffsetDb: 0,
        usSnrDb: 0,
        usUncorrectables: 0,
        partialSvcState: 1,
      };
    entries.push(
      entry(`${OID.docsIf3CmtsCmRegStatusMacAddr}.${id}`, 'OctetString', () => macOctets(m.mac)),
      entry(`${OID.docsIf3CmtsCmRegStatusIPv4Addr}.${id}`, 'OctetString', () => ipOctets(m.placement.ipv4)),
      entry(`${OID.docsIf3CmtsCmRegStatusValue}.${id}`, 'Integer', (t) => row(t).regState),
      entry(`${OID.docsIf3CmtsCmRegStatusMdIfIndex}.${id}`, 'Integer', () => m.placement.mdIfIndex),
      entry(`${OID.docsIf3CmtsCmRegStatusMdCmSgId}.${id}`, 'Gauge32', () => m.placement.sgId),
      entry(`${OID.docsIf3CmtsCmRegStatusLastRegTime}.${id}`, 'OctetString', (t) =>
        dateAndTime(row(t).lastRegAt),
      ),
      entry(`${OID.docsIf31CmtsCmRegStatusPartialSvcState}.${id}`, 'Integer', (t) => row(t).partialSvcState),
    );
    m.profile.us.forEach((ch, k) => {
      const ix = `${id}.${cmtsUsIfIndex(m, k)}`;
      entries.push(
        entry(`${OID.docsIf3CmtsCmUsStatusRxPower}.${ix}`, 'Integer', (t) =>
          tenths(cmts.setPointDbmv + row(t).usRxOffsetDb + k * 0.1),
        ),
        entry(`${OID.docsIf3CmtsCmUsStatusSignalNoise}.${ix}`, 'Integer', (t) => tenths(row(t).usSnrDb)),
        entry(
          `${OID.docsIf3CmtsCmUsStatusUncorrectables}.${ix}`,
          'Counter32',
          (t) => row(t).usUncorrectables >>> 0,
        ),
        entry(`${OID.docsIf3CmtsCmUsStatusRangingStatus}.${ix}`, 'Integer', () => (ch.muted ? 2 : 4)),
      );
    });
    m.profile.cpes.forEach((cpe, j) => {
      const ix = `${id}.${j + 1}`;
      entries.push(
        entry(`${OID.docsSubmgt3CpeIpAddr}.${ix}`, 'OctetString', () => ipOctets(cpe.ip)),
        entry(`${OID.docsSubmgt3CpeIpType}.${ix}`, 'Integer', () => cpe.type),
      );
    });
  }
  return new OidIndex(entries);
}

/** A view of one CMTS at one instant, for the SNMP agent. Read-only. */
export function cmtsView(cmts: SimCmts, now: number): AgentView {
  let cached = cache.get(cmts);
  if (!cached || cached.generation !== cmts.generation) {
    cached = { generation: cmts.generation, index: build(cmts, now) };
    cache.set(cmts, cached);
  }
  const indexes = [cached.index];
  const read = (e: MibEntry<Getter> | undefined): AgentVarbind | undefined =>
    e && { oid: e.oid, type: e.type, value: e.get(now), oidBer: (e.oidBer ??= encodeOid(e.oid)) };
  return {
    get: (oid) => read(exactIn(indexes, oid)),
    next: (oid) => read(firstAfter(indexes, oid)),
    set: () => 'notWritable',
  };
}
