import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/app-errors';
import { CmtsService } from '../cmts/cmts.service';
import { AppConfig } from '../config/app-config';
import type { SubKind, Verdict } from '../domain/diagnosis';
import { neighbourPreEq, rowGroupKey } from '../cmts/cmts.service';
import { normalizeMac } from '../inventory/mac-address';
import { groupedBy, type CmtsRecord, type GroupedBy } from '../domain/modem-record';
import { ModemStore } from '../inventory/modem.store';
import { CmtsStore } from '../inventory/cmts.store';
import { ReadingStore } from '../readings/reading.store';
import { echoClusters, type EchoCluster } from '../diagnosis/fault-location';

export type NodeState = 'OUTAGE' | 'NODE_WIDE_FAULT' | 'DEGRADED' | 'OK' | 'UNKNOWN';

export interface NodeSummary {
  cmtsId: string;
  serviceGroupId: string;
  /** serviceGroup: MdIfIndex.MdCmSgId; upstreamChannels: the CMTS gives no service group (`us:<ifIndexes>`). */
  groupedBy: GroupedBy;
  state: NodeState;
  /** Every modem of the node: the CMTS's rows in the group plus last known members whose rows vanished. */
  modems: number;
  /** Of those, rows the CMTS reports that the inventory does not know (counted, without a verdict). */
  notInInventory: number;
  offline: number;
  offlineShare: number;
  /** Share of the node's modems that are offline or have a line fault or flap of their own. */
  troubledShare: number;
  byVerdict: Partial<Record<Verdict, number>>;
  sharedFaults: { subKind: SubKind; modems: number; share: number }[];
  /**
   * Modems whose pre-equalisation shows the same echo: a cavity in the plant they share (as of their latest checks,
   * or of the CMTS's snapshot where the CMTS reads the modems' coefficients).
   */
  echoClusters: EchoCluster[];
  cmtsObservedAt: string | null;
}

export interface NodeDetail extends NodeSummary {
  worst: { modemId: string; verdict: Verdict | 'OFFLINE_AT_CMTS'; subKinds: SubKind[]; at: string | null }[];
}

const VERDICT_RANK: Record<Verdict, number> = {
  PLANT_OUTAGE: 0,
  MODEM_OFFLINE: 1,
  LINE_FAULT: 2,
  FLAPPING: 3,
  PROVISIONING_ISSUE: 4,
  MARGINAL: 5,
  INSUFFICIENT_DATA: 6,
  TEXTBOOK_OK: 7,
};
/** Offline at the CMTS but not diagnosed as such yet: after a diagnosed outage, before a diagnosed single offline. */
const OFFLINE_AT_CMTS_RANK = 0.5;
const STATE_RANK: Record<NodeState, number> = {
  OUTAGE: 0,
  NODE_WIDE_FAULT: 1,
  DEGRADED: 2,
  UNKNOWN: 3,
  OK: 4,
};
const WORST_LIMIT = 10;
const FAULT_VERDICTS: ReadonlySet<Verdict> = new Set(['LINE_FAULT', 'FLAPPING']);

/** Service groups (nodes) as the NOC sees them: the CMTS's current rows plus each modem's latest verdict. */
@Injectable()
export class NodesService {
  constructor(
    private readonly config: AppConfig,
    private readonly cmts: CmtsService,
    @Inject(ModemStore) private readonly modems: ModemStore,
    @Inject(CmtsStore) private readonly cmtses: CmtsStore,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
  ) {}

  /** A node's health; `worst` lists its worst modems (WORST_LIMIT), or all of them with `allModems`. */
  async node(cmtsId: string, serviceGroupId: string, allModems = false): Promise<NodeDetail> {
    const record = await this.cmts.record(cmtsId);
    const members = await this.modems.groupMembers(cmtsId, serviceGroupId);
    if (members.length === 0) {
      throw new NotFoundError(`unknown node ${serviceGroupId} on ${cmtsId}`);
    }
    return this.describe(record, serviceGroupId, members, allModems ? Infinity : WORST_LIMIT);
  }

  async list(cmtsId: string | undefined, sort: 'worst' | 'id', limit: number): Promise<NodeSummary[]> {
    const cmtses = cmtsId ? [await this.cmts.record(cmtsId)] : await this.cmtses.listCmts();
    const nodes: NodeSummary[] = [];
    for (const record of cmtses) {
      for (const group of await this.modems.groups(record.id)) {
        const { worst: _worst, ...summary } = await this.describe(
          record,
          group,
          await this.modems.groupMembers(record.id, group),
        );
        nodes.push(summary);
      }
    }
    if (sort === 'worst') {
      nodes.sort(
        (a, b) =>
          STATE_RANK[a.state] - STATE_RANK[b.state] ||
          b.troubledShare - a.troubledShare ||
          b.offlineShare - a.offlineShare ||
          (b.sharedFaults[0]?.share ?? 0) - (a.sharedFaults[0]?.share ?? 0),
      );
    }
    return nodes.slice(0, limit);
  }

  /**
   * A node's modems are every one the CMTS reports in the group now, known to the inventory or not, plus the
   * group's last known members whose rows vanished. Its state follows the profile's thresholds: a share of its
   * modems, never one modem's own trouble.
   */
  private async describe(
    record: CmtsRecord,
    serviceGroupId: string,
    ids: string[],
    listed = WORST_LIMIT,
  ): Promise<NodeDetail> {
    const [snapshot, members, verdicts] = await Promise.all([
      this.cmts.rows(record),
      this.modems.getModems(ids),
      this.readings.latestVerdicts(ids),
    ]);
    // A CMTS without modem tables shows nobody online or offline: its nodes are UNKNOWN, not in outage.
    const cmts = snapshot?.snapshot.tables.modemTables === 'none' ? null : snapshot;
    const byVerdict: Partial<Record<Verdict, number>> = {};
    const faults = new Map<SubKind, number>();
    const worst: NodeDetail['worst'] = [];
    let offline = 0;
    let withFault = 0;
    const memberMacs = new Set<string>();
    const here: { id: string; mac?: string }[] = [];
    for (const m of members) {
      const mac = m.mac == null ? undefined : (normalizeMac(m.mac) ?? m.mac);
      const row = cmts && mac ? cmts.byMac.get(mac) : undefined;
      if (mac && row && rowGroupKey(row) !== serviceGroupId) {
        continue; // moved to another node since it was last seen here
      }
      if (mac) {
        memberMacs.add(mac);
      }
      here.push({ id: m.id, ...(mac ? { mac } : {}) });
      const isOffline = cmts != null && (!row || !row.state.online);
      const v = verdicts.get(m.id);
      if (isOffline) {
        offline++;
      }
      if (v) {
        byVerdict[v.verdict] = (byVerdict[v.verdict] ?? 0) + 1;
        if (!isOffline && FAULT_VERDICTS.has(v.verdict)) {
          withFault++;
          v.subKinds.forEach((k) => faults.set(k, (faults.get(k) ?? 0) + 1));
        }
      }
      worst.push({
        modemId: m.id,
        verdict:
          isOffline && (!v || VERDICT_RANK[v.verdict] > VERDICT_RANK.MODEM_OFFLINE)
            ? 'OFFLINE_AT_CMTS'
            : (v?.verdict ?? 'INSUFFICIENT_DATA'),
        subKinds: v?.subKinds ?? [],
        at: v ? new Date(v.at).toISOString() : null,
      });
    }
    const unknownRows = (cmts?.byGroup.get(serviceGroupId) ?? []).filter((r) => !memberMacs.has(r.mac));
    offline += unknownRows.filter((r) => !r.state.online).length;
    const n = worst.length + unknownRows.length;
    const sharedFaults = [...faults]
      .filter(([k]) => k !== 'NODE_WIDE')
      .map(([subKind, modems]) => ({ subKind, modems, share: round(modems / n) }))
      .sort((a, b) => b.modems - a.modems);
    const t = this.config.diagnosis.thresholds.neighbourhood;
    const troubled = offline + withFault;
    const state: NodeState = !cmts
      ? 'UNKNOWN'
      : offline >= t.outageMinOffline && offline / n >= t.outageMinShare
        ? 'OUTAGE'
        : // As each of them sees it: a fault is node-wide when every modem with it finds it on enough others.
          sharedFaults.some((f) => f.modems > 1 && (f.modems - 1) / (n - 1) >= t.nodeWideMinShare)
          ? 'NODE_WIDE_FAULT'
          : troubled >= t.degradedMinModems && troubled / n >= t.degradedMinShare
            ? 'DEGRADED'
            : 'OK';
    const rank = (w: NodeDetail['worst'][number]): number =>
      w.verdict === 'OFFLINE_AT_CMTS' ? OFFLINE_AT_CMTS_RANK : VERDICT_RANK[w.verdict];
    return {
      cmtsId: record.id,
      serviceGroupId,
      groupedBy: groupedBy(serviceGroupId),
      state,
      modems: n,
      notInInventory: unknownRows.length,
      offline,
      offlineShare: round(n > 0 ? offline / n : 0),
      troubledShare: round(n > 0 ? troubled / n : 0),
      byVerdict,
      sharedFaults,
      echoClusters: echoClusters(
        neighbourPreEq(here, verdicts, cmts?.preEqAtCmts(serviceGroupId)),
        this.config.diagnosis.thresholds.preEq,
      ),
      cmtsObservedAt: cmts ? new Date(cmts.snapshot.observedAt).toISOString() : null,
      worst: worst.sort((a, b) => rank(a) - rank(b) || a.modemId.localeCompare(b.modemId)).slice(0, listed),
    };
  }
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
