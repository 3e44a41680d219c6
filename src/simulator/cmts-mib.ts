import type { CmtsDialect, OfflineRows } from '../config/simulator-spec';
import { OID } from '../mib/docsis-oids';
import { encodeOid } from '../mib/ber/ber-codec';
import type { AgentVarbind, AgentView } from '../snmp-agent/agent-view';
import type { SnmpVarbind } from '../mib/snmp-value';
import { entry, exactIn, firstAfter, OidIndex, type MibEntry } from './oid-index';
import type { CmtsRowState, SimModem } from './sim-modem';

// The CMTS side of docsis-reference §1.2, in the CMTS's dialect. docsis30: one row per registered modem
// (docsIf3CmtsCmRegStatusId), upstream status per modem and channel (with each modem's pre-equalisation
// coefficients, docsIf3CmtsCmUsStatusEqData, as the modem itself serves them), partial service, and the CPEs behind
// each modem. rfc4546: only the DOCS-IF-MIB docsIfCmtsCmStatusTable (one upstream per modem, no service group, no
// coefficients) and docsIfCmtsMacToCmTable. Both have the DOCS-IF-MIB docsIfUpstreamChannelTable of their upstream
// channels (id, width). blind: no modem table at all (a restricted view, or a CMTS that exposes none).

type Getter = (now: number) => SnmpVarbind['value'];

export interface SimCmts {
  id: string;
  index: number;
  dialect: CmtsDialect;
  offlineRows: OfflineRows;
  startedAt: number;
  setPointDbmv: number;
  modems: SimModem[];
  /** SNMP requests received: lets tests count CMTS reads. */
  requests: number;
  /**
   * Requested OIDs (GET, GETNEXT, a GETBULK's starting points) within docsIf3CmtsCmUsStatusEqData: lets tests see
   * whether a walk asked for the column. A GETBULK running on past the end of another column is not asking for it.
   */
  eqDataAsks: number;
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

/** The CMTS's upstream channel ifIndex that a modem's k-th upstream channel uses: each node has its own upstreams. */
export function cmtsUsIfIndex(m: SimModem, k: number): number {
  return 2000 + (m.placement.mdIfIndex - 1000) * 64 + (m.placement.sgId - 1) * 16 + k + 1;
}

const OTHER = 1;
const IF3_FORWARDING_DISABLED = 17;
const RFC4546_ACCESS_DENIED = 7;

/** CmtsCmRegState (the simulator's own terms) -> RFC 4546 docsIfCmtsCmStatusValue. */
function rfc4546Value(regState: number): number {
  switch (regState) {
    case 1:
    case 2:
    case 5:
    case 6:
    case 9:
      return regState;
    case 4:
      return 3; // rangingAborted: ranging that cannot finish
    case 8:
    case 17:
      return 6; // registrationComplete: RFC 4546's online state (it has no forwardingDisabled)
    case 18:
      return OTHER;
    default:
      return 4; // rangingComplete: ranged, provisioning under way
  }
}

const NO_ROW: CmtsRowState = {
  regState: OTHER,
  lastRegAt: 0,
  usRxOffsetDb: 0,
  usSnrDb: 0,
  usUncorrectables: 0,
  partialSvcState: 1,
  accessDenied: false,
};

/** The modem's row now, or null when the CMTS has none: absent, or offline on a CMTS whose offline rows vanish. */
function rowOf(cmts: SimCmts, m: SimModem, now: number): CmtsRowState | null {
  const row = m.cmtsRow(now);
  if (row && cmts.offlineRows === 'vanish' && m.node.outage == null && row.regState === OTHER) {
    return null;
  }
  return row;
}

function build(cmts: SimCmts, now: number): OidIndex<Getter> {
  const entries: MibEntry<Getter>[] = [
    entry(`${OID.sysDescr}.0`, 'OctetString', () => `Simulated CMTS ${cmts.id} (Linecheck, ${cmts.dialect})`),
    entry(`${OID.sysUpTime}.0`, 'TimeTicks', (t) => Math.floor((t - cmts.startedAt) / 10) >>> 0),
    entry(`${OID.sysName}.0`, 'OctetString', () => cmts.id),
  ];
  if (cmts.dialect === 'blind') {
    return new OidIndex(entries);
  }
  for (const m of cmts.modems) {
    if (!rowOf(cmts, m, now)) {
      continue;
    }
    const row = (t: number): CmtsRowState => rowOf(cmts, m, t) ?? NO_ROW;
    if (cmts.dialect === 'rfc4546') {
      entries.push(...rfc4546Entries(cmts, m, row));
    } else {
      entries.push(...docsIf3Entries(cmts, m, row));
    }
  }
  entries.push(...upstreamChannelEntries(cmts));
  return new OidIndex(entries);
}

/** Simulated upstreams are 6.4 MHz wide (5.12 Msym/s), on the CMTS as on the modems. */
const US_CHANNEL_WIDTH_HZ = 6_400_000;

/**
 * docsIfUpstreamChannelTable: every upstream channel of the CMTS's nodes. A modem's k-th upstream has channel id
 * k + 1 (modem-profile.ts), the id the CMTS gives its channel too.
 */
function upstreamChannelEntries(cmts: SimCmts): MibEntry<Getter>[] {
  const channelIds = new Map<number, number>();
  for (const m of cmts.modems) {
    for (let k = 0; k < m.usChannels; k++) {
      channelIds.set(cmtsUsIfIndex(m, k), k + 1);
    }
  }
  return [...channelIds].flatMap(([ifIndex, channelId]) => [
    entry(`${OID.docsIfUpChannelId}.${ifIndex}`, 'Integer', () => channelId),
    entry(`${OID.docsIfUpChannelWidth}.${ifIndex}`, 'Integer', () => US_CHANNEL_WIDTH_HZ),
  ]);
}

function rfc4546Entries(cmts: SimCmts, m: SimModem, row: (t: number) => CmtsRowState): MibEntry<Getter>[] {
  const ix = m.placement.regId;
  const uncorrectables = (t: number): number => row(t).usUncorrectables * Math.max(1, m.usChannels);
  return [
    entry(`${OID.docsIfCmtsCmStatusMacAddress}.${ix}`, 'OctetString', () => macOctets(m.mac)),
    entry(`${OID.docsIfCmtsCmStatusIpAddress}.${ix}`, 'IpAddress', () => m.placement.ipv4),
    entry(`${OID.docsIfCmtsCmStatusDownChannelIfIndex}.${ix}`, 'Integer', () => 3000 + m.placement.mdIfIndex),
    entry(`${OID.docsIfCmtsCmStatusUpChannelIfIndex}.${ix}`, 'Integer', () => cmtsUsIfIndex(m, 0)),
    entry(`${OID.docsIfCmtsCmStatusRxPower}.${ix}`, 'Integer', (t) =>
      tenths(cmts.setPointDbmv + row(t).usRxOffsetDb),
    ),
    entry(`${OID.docsIfCmtsCmStatusValue}.${ix}`, 'Integer', (t) =>
      row(t).accessDenied ? RFC4546_ACCESS_DENIED : rfc4546Value(row(t).regState),
    ),
    entry(`${OID.docsIfCmtsCmStatusUncorrectables}.${ix}`, 'Counter32', (t) => uncorrectables(t) >>> 0),
    entry(`${OID.docsIfCmtsCmStatusSignalNoise}.${ix}`, 'Integer', (t) => tenths(row(t).usSnrDb)),
    entry(`${OID.docsIfCmtsCmStatusExtUncorrectables}.${ix}`, 'Counter64', (t) => BigInt(uncorrectables(t))),
    entry(`${OID.docsIfCmtsCmStatusInetAddressType}.${ix}`, 'Integer', () => 1),
    entry(`${OID.docsIfCmtsCmStatusInetAddress}.${ix}`, 'OctetString', () => ipOctets(m.placement.ipv4)),
    entry(
      `${OID.docsIfCmtsCmStatusValueLastUpdate}.${ix}`,
      'TimeTicks',
      (t) => Math.max(0, Math.floor((row(t).lastRegAt - cmts.startedAt) / 10)) >>> 0,
    ),
    entry(`${OID.docsIfCmtsCmPtr}.${[...macOctets(m.mac)].join('.')}`, 'Integer', () => ix),
  ];
}

function docsIf3Entries(cmts: SimCmts, m: SimModem, row: (t: number) => CmtsRowState): MibEntry<Getter>[] {
  const id = m.placement.regId;
  const entries: MibEntry<Getter>[] = [];
  entries.push(
    entry(`${OID.docsIf3CmtsCmRegStatusMacAddr}.${id}`, 'OctetString', () => macOctets(m.mac)),
    entry(`${OID.docsIf3CmtsCmRegStatusIPv4Addr}.${id}`, 'OctetString', () => ipOctets(m.placement.ipv4)),
    entry(`${OID.docsIf3CmtsCmRegStatusValue}.${id}`, 'Integer', (t) =>
      row(t).accessDenied ? IF3_FORWARDING_DISABLED : row(t).regState,
    ),
    entry(`${OID.docsIf3CmtsCmRegStatusMdIfIndex}.${id}`, 'Integer', () => m.placement.mdIfIndex),
    entry(`${OID.docsIf3CmtsCmRegStatusMdCmSgId}.${id}`, 'Gauge32', () => m.placement.sgId),
    entry(`${OID.docsIf3CmtsCmRegStatusLastRegTime}.${id}`, 'OctetString', (t) =>
      dateAndTime(row(t).lastRegAt),
    ),
    entry(`${OID.docsIf31CmtsCmRegStatusPartialSvcState}.${id}`, 'Integer', (t) => row(t).partialSvcState),
  );
  for (let k = 0; k < m.usChannels; k++) {
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
      entry(`${OID.docsIf3CmtsCmUsStatusRangingStatus}.${ix}`, 'Integer', () => (m.usMuted(k) ? 2 : 4)),
      entry(`${OID.docsIf3CmtsCmUsStatusEqData}.${ix}`, 'OctetString', () => m.usPreEqOctets(k)),
    );
  }
  m.cpes.forEach((cpe, j) => {
    const ix = `${id}.${j + 1}`;
    entries.push(
      entry(`${OID.docsSubmgt3CpeIpAddr}.${ix}`, 'OctetString', () => ipOctets(cpe.ip)),
      entry(`${OID.docsSubmgt3CpeIpType}.${ix}`, 'Integer', () => cpe.type),
    );
  });
  return entries;
}

interface EntryVarbind extends AgentVarbind {
  entry: MibEntry<Getter>;
}

const EQ_DATA_COLUMN = OID.docsIf3CmtsCmUsStatusEqData;
const EQ_DATA_ROWS = `${EQ_DATA_COLUMN}.`;

/** A view of one CMTS at one instant, for the SNMP agent. Read-only. */
export function cmtsView(cmts: SimCmts, now: number): AgentView {
  let cached = cache.get(cmts);
  if (!cached || cached.generation !== cmts.generation) {
    cached = { generation: cmts.generation, index: build(cmts, now) };
    cache.set(cmts, cached);
  }
  const { index } = cached;
  const indexes = [index];
  const read = (e: MibEntry<Getter> | undefined): EntryVarbind | undefined =>
    e && { oid: e.oid, type: e.type, value: e.get(now), oidBer: (e.oidBer ??= encodeOid(e.oid)), entry: e };
  // get and next see the OIDs a request names; a GETBULK's repetitions step on through nextAfter.
  const asked = (oid: string): void => {
    if (oid === EQ_DATA_COLUMN || oid.startsWith(EQ_DATA_ROWS)) {
      cmts.eqDataAsks++;
    }
  };
  return {
    get: (oid) => (asked(oid), read(exactIn(indexes, oid))),
    next: (oid) => (asked(oid), read(firstAfter(indexes, oid))),
    nextAfter: (vb) => {
      const e = (vb as EntryVarbind).entry;
      return read(e && index.holds(e) ? index.afterPosition(e.position) : firstAfter(indexes, vb.oid));
    },
    set: () => 'notWritable',
  };
}
