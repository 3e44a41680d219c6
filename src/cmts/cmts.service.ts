import { Inject, Injectable, Logger } from '@nestjs/common';
import { NotFoundError, UpstreamUnavailableError } from '../common/app-errors';
import { AppConfig } from '../config/app-config';
import { cmtsRowFaultKinds } from '../diagnosis/cmts-faults';
import { cmtsPreEqSummary } from '../diagnosis/cmts-pre-eq';
import type { CmtsContext, Neighbourhood, NeighbourPreEq, PreEqSummary, SubKind } from '../domain/diagnosis';
import { normalizeMac } from '../inventory/mac-address';
import {
  groupedBy,
  groupKey,
  type CmtsRecord,
  type CmtsUsEqData,
  type Membership,
  type ModemRecord,
} from '../domain/modem-record';
import { CmtsPoller } from './cmts-poller';
import type { SnmpCredentials } from '../domain/snmp-target';
import type {
  CmtsModemRow,
  CmtsModemTables,
  CmtsSnapshot,
  CmtsUpstreamChannel,
} from '../domain/cmts-reading';
import type { PreEqThresholds } from '../domain/thresholds';
import { CMTS_OBJECTS } from '../mib/parse-cmts-snapshot';
import { CmtsStore } from '../inventory/cmts.store';
import { ModemStore } from '../inventory/modem.store';
import { ReadingStore, type VerdictSummary } from '../readings/reading.store';

export interface CmtsInput {
  host: string;
  port?: number;
  snmp: SnmpCredentials;
  setPointDbmv?: number;
  /** Whether snapshots read docsIf3CmtsCmUsStatusEqData as the modems' coefficients; default off. */
  usEqData?: CmtsUsEqData;
  modemDefaults?: { port?: number; snmp: SnmpCredentials };
}

export interface CmtsView {
  id: string;
  host: string;
  port: number;
  snmpVersion: '2c' | '3';
  setPointDbmv: number;
  usEqData: CmtsUsEqData;
  discoversModems: boolean;
  /** Which modem tables the last discovery found: null before the first one. 'none': a blind CMTS. */
  modemTables: CmtsModemTables | null;
  /** The modem objects the last discovery found no rows in. */
  missingObjects: string[];
  createdAt: string;
  updatedAt: string;
}

export interface DiscoveryResult {
  cmtsId: string;
  at: string;
  rows: number;
  updated: number;
  created: number;
  unmatched: number;
  groups: number;
  modemTables: CmtsModemTables;
  missingObjects: string[];
  /** What limits the answers about this CMTS's modems: a missing table, nodes grouped by upstream channel. */
  warnings: string[];
}

const FAULT_VERDICTS = new Set(['LINE_FAULT', 'FLAPPING']);

/**
 * The CMTS view: inventory, a cached snapshot per CMTS (one walk answers many diagnoses), discovery of modems
 * and their service groups, and the context a diagnosis needs (the modem's row and its neighbourhood).
 */
@Injectable()
export class CmtsService {
  private readonly log = new Logger('Cmts');
  private readonly snapshots = new Map<string, CachedSnapshot>();
  /** The walk under way per CMTS, and whether it reads the coefficients (a record changed meanwhile walks anew). */
  private readonly inflight = new Map<string, { usEqData: boolean; walk: Promise<CmtsSnapshot> }>();

  constructor(
    private readonly config: AppConfig,
    @Inject(CmtsStore) private readonly cmtses: CmtsStore,
    @Inject(ModemStore) private readonly modems: ModemStore,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
    @Inject(CmtsPoller) private readonly poller: CmtsPoller,
  ) {}

  async put(id: string, input: CmtsInput, now = Date.now()): Promise<{ created: boolean; cmts: CmtsView }> {
    const existing = await this.cmtses.getCmts(id);
    const record: CmtsRecord = {
      id,
      host: input.host,
      port: input.port ?? 161,
      snmp: input.snmp,
      setPointDbmv: input.setPointDbmv ?? 0,
      usEqData: input.usEqData ?? 'off',
      ...(input.modemDefaults
        ? { modemDefaults: { port: input.modemDefaults.port ?? 161, snmp: input.modemDefaults.snmp } }
        : {}),
      ...(existing?.tables ? { tables: existing.tables } : {}),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.cmtses.putCmts(record);
    this.snapshots.delete(id);
    return { created: !existing, cmts: toView(record) };
  }

  async get(id: string): Promise<CmtsView> {
    return toView(await this.record(id));
  }

  async list(): Promise<CmtsView[]> {
    return (await this.cmtses.listCmts()).map(toView);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.cmtses.deleteCmts(id))) {
      throw new NotFoundError(`unknown CMTS ${id}`);
    }
    this.snapshots.delete(id);
  }

  /** Walks the CMTS now and records every modem's MAC, IP and service group. */
  async discover(id: string): Promise<DiscoveryResult> {
    const record = await this.record(id);
    const snapshot = await this.snapshot(record, 0);
    if (!snapshot.reachable) {
      throw new CmtsUnreachableError(`CMTS ${id} did not answer: ${snapshot.error}`);
    }
    const { tables } = snapshot;
    const groups = snapshot.rows.map((r) => groupKey(membershipOf(id, r, 0)));
    const result: DiscoveryResult = {
      cmtsId: id,
      at: new Date(snapshot.observedAt).toISOString(),
      rows: snapshot.rows.length,
      updated: 0,
      created: 0,
      unmatched: 0,
      groups: new Set(groups).size,
      modemTables: tables.modemTables,
      missingObjects: tables.missing,
      warnings: discoveryWarnings(id, tables.modemTables, tables.missing, groups),
    };
    await this.cmtses.putCmts({
      ...record,
      tables: { modemTables: tables.modemTables, missing: tables.missing, at: snapshot.observedAt },
    });
    for (const row of snapshot.rows) {
      const modemId = await this.modems.modemIdByMac(row.mac);
      const existing = modemId ? await this.modems.getModem(modemId) : null;
      const membership = membershipOf(id, row, snapshot.observedAt);
      if (existing) {
        await this.modems.putModem({ ...existing, cmtsId: id, membership, updatedAt: snapshot.observedAt });
        result.updated++;
      } else if (record.modemDefaults && row.ipv4) {
        await this.modems.putModem({
          id: `cm-${row.mac.replace(/:/g, '')}`,
          host: row.ipv4,
          port: record.modemDefaults.port,
          snmp: record.modemDefaults.snmp,
          mac: row.mac,
          cmtsId: id,
          membership,
          createdAt: snapshot.observedAt,
          updatedAt: snapshot.observedAt,
        });
        result.created++;
      } else {
        result.unmatched++;
      }
    }
    this.log.log(`discovered ${id}: ${JSON.stringify(result)}`);
    return result;
  }

  async discoverAll(): Promise<void> {
    for (const cmts of await this.cmtses.listCmts()) {
      try {
        await this.discover(cmts.id);
      } catch (error) {
        this.log.warn(
          `discovery of ${cmts.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }

  /**
   * What the CMTS knows about this modem, for its diagnosis: its row and its neighbourhood, from a snapshot no
   * older than `snapshotMaxAgeMs`. With `refreshRow` the modem's own row is re-read with one GET; when it no longer
   * agrees with the snapshot (the modem went offline or came back since), the snapshot is stale for what the answer
   * will claim about the node, so the CMTS is walked again. Undefined when the modem has no CMTS or the CMTS does
   * not answer.
   */
  async context(
    modem: ModemRecord,
    options: { refreshRow: boolean; snapshotMaxAgeMs?: number; scope?: CmtsReadScope },
  ): Promise<CmtsContext | undefined> {
    const mac = modem.mac == null ? null : (normalizeMac(modem.mac) ?? modem.mac);
    if (!modem.cmtsId || !mac) {
      return undefined;
    }
    const cmtsId = modem.cmtsId;
    const record = await (options.scope
      ? once(options.scope.cmtses, cmtsId, () => this.cmtses.getCmts(cmtsId))
      : this.cmtses.getCmts(cmtsId));
    if (!record) {
      return undefined;
    }
    const before = Date.now();
    const maxAgeMs = Math.min(options.snapshotMaxAgeMs ?? Infinity, this.config.cmts.snapshotTtlSec * 1000);
    let cachedSnapshot = await this.cachedSnapshot(record, maxAgeMs);
    if (!cachedSnapshot) {
      return undefined;
    }
    const { modemTables, missing } = cachedSnapshot.snapshot.tables;
    if (modemTables === 'none') {
      // No table to find the modem in: its absence says nothing, and there is no node to count.
      return {
        cmtsId: record.id,
        setPointDbmv: record.setPointDbmv,
        row: null,
        neighbourhood: null,
        modemTables,
        missingObjects: missing,
      };
    }
    const cached = cachedSnapshot.byMac.get(mac) ?? null;
    let row = cached;
    // A sweep reads the CMTS once per snapshot; a call-centre diagnosis also re-reads this modem's own row.
    if (cached && cachedSnapshot.snapshot.observedAt < before && options.refreshRow) {
      row = await this.poller.row(target(record), cached).catch(() => cached);
      if ((row?.state.online ?? false) !== cached.state.online) {
        const fresh = await this.cachedSnapshot(record, 0);
        if (fresh) {
          cachedSnapshot = fresh;
          row = fresh.byMac.get(mac) ?? null;
        }
      }
    }
    const membership = row ? membershipOf(record.id, row, Date.now()) : modem.membership;
    if (row && membership && !sameGroup(membership, modem.membership)) {
      await this.modems.putModem({ ...modem, membership });
    }
    return {
      cmtsId: record.id,
      setPointDbmv: record.setPointDbmv,
      row,
      neighbourhood:
        membership && membership.cmtsId === record.id
          ? await this.neighbourhood(record, cachedSnapshot, membership, modem.id, mac, options.scope)
          : null,
      modemTables,
      missingObjects: missing,
    };
  }

  /**
   * The modem's neighbours: every modem the CMTS reports in its group now, registered or not, plus the group's
   * last known members whose rows vanished (a node outage where rows disappear is still counted). Members whose
   * row now sits in another group moved, and are not neighbours.
   */
  private async neighbourhood(
    record: CmtsRecord,
    cached: CachedSnapshot,
    group: Membership,
    selfId: string,
    selfMac: string,
    scope: CmtsReadScope | undefined,
  ): Promise<Neighbourhood> {
    const key = groupKey(group);
    // A node's member list is read once per snapshot, not once per diagnosis: a sweep checks every member.
    let known = cached.members.get(key);
    if (!known) {
      known = this.modems
        .groupMembers(record.id, key)
        .then((ids) => this.modems.getModems(ids))
        .then((records) => records.map((m) => ({ id: m.id, mac: m.mac && (normalizeMac(m.mac) ?? m.mac) })));
      cached.members.set(key, known);
      known.catch(() => cached.members.delete(key));
    }
    const groupMembers = await known;
    const members = groupMembers.filter((m) => m.id !== selfId && m.mac !== selfMac);
    const memberMacs = new Set(members.flatMap((m) => (m.mac ? [m.mac] : [])));
    const rowsOfGroup = cached.byGroup.get(key) ?? [];
    const verdicts = await (scope
      ? once(scope.verdicts, `${record.id}\n${key}`, () =>
          this.readings.latestVerdicts(groupMembers.map((m) => m.id)),
        )
      : this.readings.latestVerdicts(members.map((m) => m.id)));
    const idByMac = new Map(members.flatMap((m) => (m.mac ? [[m.mac, m.id] as const] : [])));
    const thresholds = this.config.diagnosis.thresholds;
    let others = 0;
    let othersOffline = 0;
    let unregistered = 0;
    const faultCounts: Partial<Record<SubKind, number>> = {};
    const count = (row: CmtsModemRow | undefined, modemId: string | undefined): void => {
      others++;
      if (!row || !row.state.online) {
        othersOffline++;
        return;
      }
      // Graded once per row and snapshot: a sweep of a node asks this for every member about every other one.
      let graded = cached.rowFaultKinds.get(row);
      if (graded?.setPointDbmv !== record.setPointDbmv) {
        graded = {
          setPointDbmv: record.setPointDbmv,
          kinds: cmtsRowFaultKinds(row, record.setPointDbmv, thresholds),
        };
        cached.rowFaultKinds.set(row, graded);
      }
      const kinds = new Set<SubKind>(graded.kinds);
      const v = modemId == null ? undefined : verdicts.get(modemId);
      if (v && FAULT_VERDICTS.has(v.verdict)) {
        v.subKinds.forEach((k) => kinds.add(k));
      }
      kinds.forEach((k) => (faultCounts[k] = (faultCounts[k] ?? 0) + 1));
    };
    for (const row of rowsOfGroup) {
      if (row.mac === selfMac) {
        continue;
      }
      if (!memberMacs.has(row.mac)) {
        unregistered++;
      }
      count(row, idByMac.get(row.mac));
    }
    for (const m of members) {
      const row = m.mac ? cached.byMac.get(m.mac) : undefined;
      if (row == null) {
        count(undefined, m.id);
      }
    }
    return {
      cmtsId: record.id,
      mdIfIndex: group.mdIfIndex,
      sgId: group.sgId,
      groupKey: key,
      groupedBy: groupedBy(key),
      observedAt: cached.snapshot.observedAt,
      others,
      othersOffline,
      notInInventory: unregistered,
      faultCounts,
      ...this.neighboursPreEq(cached, key, scope ? groupMembers : members, verdicts, selfId),
    };
  }

  /**
   * The neighbours' pre-equalisation: each one's latest diagnosis, or the CMTS's coefficients where they are newer.
   * In a sweep (the scope's verdicts, read once per node) the node's list is made once and only this modem is left
   * out; the CMTS's coefficients are analysed once per node and snapshot either way.
   */
  private neighboursPreEq(
    cached: CachedSnapshot,
    key: string,
    members: readonly { id: string; mac?: string }[],
    verdicts: ReadonlyMap<string, VerdictSummary>,
    selfId: string,
  ): { preEq?: NeighbourPreEq[] } {
    let byGroup = cached.groupPreEq.get(verdicts);
    let list = byGroup?.get(key);
    if (!list) {
      list = neighbourPreEq(members, verdicts, cached.preEqAtCmts(key));
      byGroup ??= new Map();
      byGroup.set(key, list);
      cached.groupPreEq.set(verdicts, byGroup);
    }
    const preEq = list.filter((p) => p.modemId !== selfId);
    return preEq.length > 0 ? { preEq } : {};
  }

  /**
   * The cached snapshot if younger than maxAgeMs (and read as the record now asks), else a new walk; concurrent
   * callers share one walk.
   */
  async snapshot(record: CmtsRecord, maxAgeMs: number): Promise<CmtsSnapshot> {
    const usEqData = readsCoefficients(record);
    const cached = this.snapshots.get(record.id);
    if (cached && cached.usEqData === usEqData && Date.now() - cached.snapshot.observedAt <= maxAgeMs) {
      return cached.snapshot;
    }
    const pending = this.inflight.get(record.id);
    if (pending?.usEqData === usEqData) {
      return pending.walk;
    }
    const entry = {
      usEqData,
      walk: this.poller
        .snapshot(record.id, target(record), { usEqData })
        .then((s) => {
          if (s.reachable) {
            this.snapshots.set(record.id, cacheOf(s, usEqData, this.config.diagnosis.thresholds.preEq));
          }
          return s;
        })
        .finally(() => {
          if (this.inflight.get(record.id) === entry) {
            this.inflight.delete(record.id);
          }
        }),
    };
    this.inflight.set(record.id, entry);
    return entry.walk;
  }

  /**
   * The CMTS's rows by MAC and by group, and the nodes' pre-equalisation it gives, from a snapshot no older than the
   * TTL; null when it does not answer.
   */
  async rows(
    record: CmtsRecord,
  ): Promise<Pick<CachedSnapshot, 'snapshot' | 'byMac' | 'byGroup' | 'preEqAtCmts'> | null> {
    return (await this.cachedSnapshot(record, this.config.cmts.snapshotTtlSec * 1000)) ?? null;
  }

  private async cachedSnapshot(record: CmtsRecord, maxAgeMs: number): Promise<CachedSnapshot | undefined> {
    const s = await this.snapshot(record, maxAgeMs);
    return s.reachable ? this.snapshots.get(record.id) : undefined;
  }

  async record(id: string): Promise<CmtsRecord> {
    const record = await this.cmtses.getCmts(id);
    if (!record) {
      throw new NotFoundError(`unknown CMTS ${id}`);
    }
    return record;
  }
}

/**
 * Reads that sweep checks share (LineCheckService.scope): each CMTS record, and each node's latest verdicts, read
 * once per scope instead of once per modem. A node's verdicts are therefore those of when the scope first asked, at
 * most one CMTS snapshot lifetime ago, as the CMTS's rows (the node's main evidence) are.
 */
export class CmtsReadScope {
  readonly cmtses = new Map<string, Promise<CmtsRecord | null>>();
  readonly verdicts = new Map<string, Promise<Map<string, VerdictSummary>>>();
}

/** The memoised read for `key`, started on first ask; a failed one is forgotten so that the next ask retries. */
function once<T>(memo: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
  let p = memo.get(key);
  if (!p) {
    p = read();
    memo.set(key, p);
    p.catch(() => memo.delete(key));
  }
  return p;
}

interface CachedSnapshot {
  snapshot: Extract<CmtsSnapshot, { reachable: true }>;
  /** Whether the walk read the modems' coefficients (the record's usEqData then). */
  usEqData: boolean;
  byMac: ReadonlyMap<string, CmtsModemRow>;
  /** The CMTS's rows by group key: a node's modems as the CMTS reports them now. */
  byGroup: ReadonlyMap<string, readonly CmtsModemRow[]>;
  /** Node members (id, MAC) by group key, read on first use while this snapshot lives. */
  members: Map<string, Promise<{ id: string; mac?: string }[]>>;
  /** Each row's own CMTS-side fault kinds, graded against the CMTS's set point of the time. */
  rowFaultKinds: WeakMap<CmtsModemRow, { setPointDbmv: number; kinds: readonly SubKind[] }>;
  /** A node's online modems' coefficients as this snapshot gives them, analysed on first ask (empty when not read). */
  preEqAtCmts(groupKey: string): CmtsPreEq;
  /** A node's merged neighbour summaries per verdicts read (a sweep scope's, shared by the node's checks). */
  groupPreEq: WeakMap<ReadonlyMap<string, VerdictSummary>, Map<string, NeighbourPreEq[]>>;
}

/** What a CMTS snapshot says of a node's modems' pre-equalisation: summaries by MAC, as of the walk. */
export interface CmtsPreEq {
  observedAt: number;
  byMac: ReadonlyMap<string, PreEqSummary>;
}

const NO_CMTS_PRE_EQ: CmtsPreEq = { observedAt: -Infinity, byMac: new Map() };

function readsCoefficients(record: CmtsRecord): boolean {
  return record.usEqData === 'coefficients';
}

function cacheOf(
  s: Extract<CmtsSnapshot, { reachable: true }>,
  usEqData: boolean,
  t: PreEqThresholds,
): CachedSnapshot {
  const byGroup = rowsByGroup(s.rows);
  const channels = new Map<number, CmtsUpstreamChannel>(
    (s.upstreamChannels ?? []).map((c) => [c.ifIndex, c]),
  );
  const analysed = new Map<string, CmtsPreEq>();
  return {
    snapshot: s,
    usEqData,
    byMac: new Map(s.rows.map((r) => [r.mac, r])),
    byGroup,
    members: new Map(),
    rowFaultKinds: new WeakMap(),
    groupPreEq: new WeakMap(),
    preEqAtCmts: (key) => {
      if (!usEqData) {
        return NO_CMTS_PRE_EQ;
      }
      let found = analysed.get(key);
      if (!found) {
        const byMac = new Map<string, PreEqSummary>();
        for (const row of byGroup.get(key) ?? []) {
          // An offline modem's coefficients are those of before it went: not its line now.
          const summary = row.state.online ? cmtsPreEqSummary(row.upstream, channels, t) : null;
          if (summary) {
            byMac.set(row.mac, summary);
          }
        }
        found = { observedAt: s.observedAt, byMac };
        analysed.set(key, found);
      }
      return found;
    },
  };
}

/** The CMTS did not answer a walk asked for on the caller's behalf: 502 with this message. */
export class CmtsUnreachableError extends UpstreamUnavailableError {
  override name = 'CmtsUnreachableError';
}

function target(record: CmtsRecord): { host: string; port: number; credentials: SnmpCredentials } {
  return { host: record.host, port: record.port, credentials: record.snmp };
}

/** The node a CMTS row places its modem in now. */
export function rowGroupKey(row: CmtsModemRow): string {
  return groupKey(membershipOf('', row, 0));
}

function rowsByGroup(rows: readonly CmtsModemRow[]): Map<string, CmtsModemRow[]> {
  const out = new Map<string, CmtsModemRow[]>();
  for (const row of rows) {
    const key = rowGroupKey(row);
    const list = out.get(key);
    if (list) {
      list.push(row);
    } else {
      out.set(key, [row]);
    }
  }
  return out;
}

/** Without a service group id (RFC 4546, or MdCmSgId 0 = unknown) the node is the set of upstream channels. */
function membershipOf(cmtsId: string, row: CmtsModemRow, seenAt: number): Membership {
  return {
    cmtsId,
    mdIfIndex: row.mdIfIndex ?? 0,
    sgId: row.sgId ?? 0,
    ...(row.sgId == null ? { usIfIndexes: row.upstream.map((us) => us.ifIndex).filter((ix) => ix > 0) } : {}),
    regId: row.regId ?? row.statusIndex ?? 0,
    seenAt,
  };
}

function sameGroup(a: Membership, b: Membership | undefined): boolean {
  return b != null && a.cmtsId === b.cmtsId && groupKey(a) === groupKey(b);
}

function discoveryWarnings(
  cmtsId: string,
  modemTables: CmtsModemTables,
  missing: readonly string[],
  groups: readonly string[],
): string[] {
  const warnings: string[] = [];
  const preEqObjects: readonly string[] = [CMTS_OBJECTS.if3UsEqData, CMTS_OBJECTS.usChannels];
  const modemObjects = missing.filter((m) => !preEqObjects.includes(m));
  if (modemTables === 'none') {
    warnings.push(
      `${cmtsId} exposes no modem table (no rows in ${modemObjects.join(', ')}): its modems are polled directly, ` +
        'and their diagnoses carry no evidence from the headend (no offline state, no neighbourhood).',
    );
  } else if (modemObjects.length > 0) {
    warnings.push(`${cmtsId} gave no rows in ${modemObjects.join(', ')}; those objects are not read.`);
  }
  if (missing.includes(CMTS_OBJECTS.if3UsEqData)) {
    warnings.push(
      `${cmtsId} gave no rows in ${CMTS_OBJECTS.if3UsEqData}, which its record asks for (usEqData ` +
        "coefficients): neighbours' pre-equalisation comes only from their own checks.",
    );
  } else if (missing.includes(CMTS_OBJECTS.usChannels)) {
    warnings.push(
      `${cmtsId} gave no rows in ${CMTS_OBJECTS.usChannels}: the pre-equalisation it gives has no channel ` +
        'width (echo delays in taps, no distances) and no channel id (compared with every channel).',
    );
  }
  const byUpstream = groups.filter((g) => groupedBy(g) === 'upstreamChannels').length;
  if (byUpstream > 0) {
    warnings.push(
      `${byUpstream} of ${groups.length} modems have no service group id at ${cmtsId}: their nodes are grouped ` +
        'by upstream channel (us:<ifIndexes>), not by service group.',
    );
  }
  return warnings;
}

function toView(r: CmtsRecord): CmtsView {
  return {
    id: r.id,
    host: r.host,
    port: r.port,
    snmpVersion: r.snmp.version,
    setPointDbmv: r.setPointDbmv,
    usEqData: r.usEqData ?? 'off',
    discoversModems: r.modemDefaults != null,
    modemTables: r.tables?.modemTables ?? null,
    missingObjects: r.tables?.missing ?? [],
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

/**
 * The members' pre-equalisation summaries: a member's latest diagnosis's, unless it has none or is older than the
 * CMTS's walk that gives the member's coefficients; members with neither are left out.
 */
export function neighbourPreEq(
  members: readonly { id: string; mac?: string }[],
  verdicts: ReadonlyMap<string, VerdictSummary>,
  atCmts: CmtsPreEq = NO_CMTS_PRE_EQ,
): NeighbourPreEq[] {
  return members.flatMap((m): NeighbourPreEq[] => {
    const v = verdicts.get(m.id);
    if (v?.preEq && v.at >= atCmts.observedAt) {
      return [{ ...v.preEq, modemId: m.id, at: v.at, source: 'modem' }];
    }
    const fromCmts = m.mac == null ? undefined : atCmts.byMac.get(m.mac);
    if (fromCmts) {
      return [{ ...fromCmts, modemId: m.id, at: atCmts.observedAt, source: 'cmts' }];
    }
    return v?.preEq ? [{ ...v.preEq, modemId: m.id, at: v.at, source: 'modem' }] : [];
  });
}
