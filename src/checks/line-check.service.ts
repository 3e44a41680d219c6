import { Inject, Injectable } from '@nestjs/common';
import { CmtsReadScope, CmtsService } from '../cmts/cmts.service';
import { AppConfig } from '../config/app-config';
import { OuiRegistry } from '../cpe/oui-registry';
import { MetricsService } from '../metrics/metrics.service';
import { diagnose } from '../diagnosis/diagnose';
import { toHistoryEntry } from '../diagnosis/history';
import { lineTimeline, type LineTimeline } from '../diagnosis/timeline';
import { preEqView, type PreEqView } from '../diagnosis/pre-eq/pre-eq-view';
import type { CmtsContext, CounterSnapshot, CpeDevice, Diagnosis, HistoryEntry } from '../domain/diagnosis';
import { InventoryService } from '../inventory/inventory.service';
import { groupKey, type ModemRecord } from '../domain/modem-record';
import { LiveEvents } from '../events/live-events';
import { pollBudgetMs } from '../domain/snmp-target';
import { decideDispatch } from '../diagnosis/dispatch/decide-dispatch';
import type { Dispatch } from '../domain/dispatch';
import { DispatchRechecks } from './dispatch-rechecks';
import { ModemPoller } from './modem-poller';
import type { SnmpTarget } from '../domain/snmp-target';
import type { ModemReading, PollDetail } from '../domain/modem-reading';
import { LockStore } from '../common/lock.store';
import { ReadingStore, type StoredReading } from '../readings/reading.store';
import { DecisionLog } from '../visits/decision-log';

export interface LineDiagnosis extends Diagnosis {
  modemId: string;
  observedAt: string;
  ageSec: number;
  source: 'live' | 'cache';
  thresholdsProfile: string;
  /** What the diagnosis asks of the field, as of the answer; absent for sweeps (`withDispatch` false). */
  dispatch?: Dispatch;
  /**
   * The devices the modem's bridge table showed behind it, with their makers (IEEE OUI); null when the table was not
   * read or the modem did not answer.
   */
  devices: CpeDevice[] | null;
}

export interface CheckOptions {
  /** False (sweeps): the cached CMTS snapshot stands for the modem's row, read once per snapshot. */
  refreshCmtsRow: boolean;
  /**
   * `fast` (sweeps): the objects every sweep reads. `full` (the default, a call-centre check): those and the PNM
   * summaries and event log; a stored fast reading does not answer it, however young.
   */
  detail?: PollDetail;
  /** Awaited right before an SNMP poll goes out (not for cache hits or modems offline at the CMTS). */
  beforePoll?: (record: ModemRecord) => Promise<void>;
  /** A sweep chunk's shared reads: its modems' records (read once for the chunk) and the CMTS reads they share. */
  scope?: CheckScope;
  /** False (sweeps): no dispatch decision, so no history read for it. Default true. */
  withDispatch?: boolean;
  /** False: an unconfirmed fault schedules no re-check (the re-check itself, reboot follow-ups). Default true. */
  recheck?: boolean;
  /**
   * False: the decision is not logged for the outcome KPIs. The service's own re-polls (a fault's re-check, a
   * reboot's follow-ups) are not calls; a caller's next answer of the same reading logs it. Default true.
   */
  logDecision?: boolean;
}

export interface CheckScope {
  records: ReadonlyMap<string, ModemRecord>;
  cmts: CmtsReadScope;
}

const HOUR_MS = 3_600_000;
const LOCK_WAIT_STEP_MS = 50;

/** Poll -> store -> verdict for one modem, with at most one SNMP poll in flight per modem. */
@Injectable()
export class LineCheckService {
  private readonly inflight = new Map<string, Promise<StoredReading>>();
  private cmtsReads: { reads: CmtsReadScope; until: number } | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly inventory: InventoryService,
    @Inject(ModemPoller) private readonly poller: ModemPoller,
    @Inject(ReadingStore) private readonly readings: ReadingStore,
    @Inject(LockStore) private readonly locks: LockStore,
    private readonly cmts: CmtsService,
    private readonly oui: OuiRegistry,
    private readonly metrics: MetricsService,
    @Inject(LiveEvents) private readonly events: LiveEvents,
    private readonly rechecks: DispatchRechecks,
    private readonly decisions: DecisionLog,
  ) {}

  /** The verdict for one modem: a stored one younger than `maxAgeSec`, or a fresh poll. */
  async diagnosis(
    modemId: string,
    maxAgeSec?: number,
    options: CheckOptions = { refreshCmtsRow: true },
  ): Promise<LineDiagnosis> {
    const record = options.scope?.records.get(modemId) ?? (await this.inventory.record(modemId));
    const maxAgeMs = (maxAgeSec ?? this.config.diagnosis.defaultMaxAgeSec) * 1000;
    const started = Date.now();
    const detail = options.detail ?? 'full';
    if (maxAgeMs > 0) {
      const cached = await this.readings.latest(modemId);
      if (cached && started - cached.reading.observedAt <= maxAgeMs && answers(cached.reading, detail)) {
        this.metrics.diagnoses.inc({ source: 'cache' });
        return this.withDispatch(record, cached, 'cache', options);
      }
    }
    const stored = await this.pollOnce(record, started, maxAgeMs, { ...options, detail });
    this.metrics.diagnoses.inc({ source: 'live' });
    return this.withDispatch(record, stored, 'live', options);
  }

  /**
   * The answer with its dispatch decision: confirmed by the modem's earlier readings or a hard fault; an unconfirmed
   * fault schedules one re-poll, whose reading confirms it (or not) for the next answer.
   */
  private async withDispatch(
    record: ModemRecord,
    stored: StoredReading,
    source: 'live' | 'cache',
    options: CheckOptions,
  ): Promise<LineDiagnosis> {
    const answer = present(stored, source, this.oui);
    if (options.withDispatch === false) {
      return answer;
    }
    const policy = this.config.dispatch;
    const { reading, diagnosis } = stored;
    const history = await this.readings.history(
      record.id,
      reading.observedAt - policy.confirmWindowHours * HOUR_MS,
    );
    const m = record.membership;
    let dispatch = decideDispatch({
      diagnosis,
      reading,
      history,
      node: m ? { cmtsId: m.cmtsId, groupKey: groupKey(m) } : null,
      thresholds: this.config.diagnosis.thresholds,
      policy,
      now: Date.now(),
      recheckAt: this.rechecks.pendingAt(record.id),
    });
    const c = dispatch.confirmation;
    if (
      dispatch.needed &&
      !c.confirmed &&
      c.recheckAt == null &&
      options.recheck !== false &&
      policy.recheckAfterSec > 0
    ) {
      const recheckAt = this.rechecks.schedule(record.id, policy.recheckAfterSec * 1000, () =>
        this.diagnosis(record.id, 0, { refreshCmtsRow: true, recheck: false, logDecision: false }),
      );
      dispatch = { ...dispatch, confirmation: { ...c, recheckAt } };
    }
    if (options.logDecision !== false) {
      await this.decisions.record(record.id, reading.observedAt, diagnosis, dispatch);
    }
    return { ...answer, dispatch };
  }

  /**
   * A modem its CMTS shows offline is not polled: the poll could only time out, and the CMTS already says why.
   * A modem with no row at all is not offline on that evidence alone (a row the CMTS dropped, a MAC the inventory
   * has wrong): it is asked once, with one short try, before it is called silent.
   * Returns the reading that stands for the poll, or null when the modem should be polled.
   */
  private async offlineAtCmts(
    modemId: string,
    cmts: CmtsContext,
    target: SnmpTarget,
  ): Promise<ModemReading | null> {
    // A CMTS with no modem table shows nothing either way, and a row without a state says nothing: polled.
    if (cmts.modemTables === 'none' || cmts.row?.state.online || cmts.row?.state.value === null) {
      return null;
    }
    const observedAt = Date.now();
    if (cmts.row) {
      const state = cmts.row.state.name;
      return {
        reachable: false,
        modemId,
        observedAt,
        latencyMs: 0,
        error: `not polled: ${cmts.cmtsId} shows the modem ${state}`,
      };
    }
    const probeMs = this.config.snmp.probeTimeoutMs ?? this.config.snmp.timeoutMs;
    if (await this.poller.answers(target, probeMs)) {
      return null;
    }
    return {
      reachable: false,
      modemId,
      observedAt,
      latencyMs: Date.now() - observedAt,
      error: `no registration on ${cmts.cmtsId}, and no answer to one ${probeMs} ms try`,
    };
  }

  /** Other modems whose latest reading found them silent within the profile's silence window. */
  private async othersSilent(modemId: string, at: number): Promise<number> {
    const t = this.config.diagnosis.thresholds.neighbourhood;
    const since = at - t.silenceBurstWindowMinutes * 60_000;
    const silent = await this.readings.silentModemsSince(since);
    const own = await this.readings.latest(modemId);
    const selfCounted = own != null && !own.reading.reachable && own.reading.observedAt >= since;
    return Math.max(0, silent - (selfCounted ? 1 : 0));
  }

  /**
   * Shared reads for checks of many modems at once (a sweep chunk): their records, and the CMTS reads (CMTS records,
   * nodes' latest verdicts) that every chunk started within one CMTS snapshot lifetime shares, as the CMTS rows
   * themselves are shared. Chunks mix nodes, so a per-chunk read would cost a node read per modem.
   */
  scope(records: ReadonlyMap<string, ModemRecord>): CheckScope {
    const now = Date.now();
    if (!this.cmtsReads || now >= this.cmtsReads.until) {
      this.cmtsReads = { reads: new CmtsReadScope(), until: now + this.config.cmts.snapshotTtlSec * 1000 };
    }
    return { records, cmts: this.cmtsReads.reads };
  }

  async latestReading(modemId: string): Promise<ModemReading | null> {
    await this.inventory.record(modemId);
    return (await this.readings.latest(modemId))?.reading ?? null;
  }

  /**
   * The latest stored reading's upstream pre-equalisation, channel by channel (taps, metrics, echo, frequency
   * response), made now from its coefficients: it is not part of a diagnosis, so sweeps never pay for it.
   */
  async preEqualisation(modemId: string): Promise<PreEqView & { thresholdsProfile: string }> {
    const reading = await this.latestReading(modemId);
    const thresholds = this.config.diagnosis.thresholds;
    return { ...preEqView(modemId, reading, thresholds.preEq), thresholdsProfile: thresholds.name };
  }

  /**
   * What happened to the line in the last `days`: verdict changes, reboots, re-registrations, offline spells, and
   * what the modem logged itself (read by the latest call-centre check).
   */
  async timeline(
    modemId: string,
    days: number,
  ): Promise<LineTimeline & { since: number; coveredFrom: number | null }> {
    const since = Date.now() - days * 86_400_000;
    const [entries, log] = await Promise.all([this.history(modemId, since), this.readings.eventLog(modemId)]);
    return {
      since,
      coveredFrom: entries[0]?.at ?? null,
      ...lineTimeline(entries, log, since),
    };
  }

  async history(modemId: string, sinceMs: number): Promise<HistoryEntry[]> {
    await this.inventory.record(modemId);
    return this.readings.history(modemId, sinceMs);
  }

  /**
   * Concurrent callers asking for the same detail share one poll: in memory here, and across instances through the
   * store's poll lock (a full check waiting behind a fast poll polls again once the lock is free).
   */
  private pollOnce(
    record: ModemRecord,
    requestedAt: number,
    maxAgeMs: number,
    options: CheckOptions & { detail: PollDetail },
  ): Promise<StoredReading> {
    const key = `${options.detail}:${record.id}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = this.pollGuarded(record, requestedAt, maxAgeMs, options).finally(() =>
        this.inflight.delete(key),
      );
      this.inflight.set(key, pending);
    }
    return pending;
  }

  private async pollGuarded(
    record: ModemRecord,
    requestedAt: number,
    maxAgeMs: number,
    options: CheckOptions & { detail: PollDetail },
  ): Promise<StoredReading> {
    const lockTtlMs = pollBudgetMs(this.config.snmp) + 1000;
    const deadline = Date.now() + lockTtlMs;
    let locked = await this.locks.tryLockPoll(record.id, lockTtlMs);
    const waited = !locked;
    while (!locked) {
      const fresh = await this.freshReading(record.id, requestedAt, options.detail);
      if (fresh) {
        return fresh;
      }
      if (Date.now() > deadline) {
        // Polled without the lock: the one there now is another instance's, and is not released here.
        break;
      }
      await sleep(LOCK_WAIT_STEP_MS);
      locked = await this.locks.tryLockPoll(record.id, lockTtlMs);
    }
    try {
      // A lock that came free while this instance waited was most likely released by the one that just stored
      // its poll: that reading answers this request too.
      return (
        (waited && locked ? await this.freshReading(record.id, requestedAt, options.detail) : null) ??
        (await this.pollAndStore(record, maxAgeMs, options))
      );
    } finally {
      if (locked) {
        await this.locks.unlockPoll(record.id);
      }
    }
  }

  /** The stored reading when a poll of enough detail started at or after `requestedAt` took it, else null. */
  private async freshReading(
    modemId: string,
    requestedAt: number,
    detail: PollDetail,
  ): Promise<StoredReading | null> {
    const stored = await this.readings.latest(modemId);
    return stored && stored.reading.observedAt >= requestedAt && answers(stored.reading, detail)
      ? stored
      : null;
  }

  private async pollAndStore(
    record: ModemRecord,
    requestedMaxAgeMs: number,
    options: CheckOptions & { detail: PollDetail },
  ): Promise<StoredReading> {
    const cmts = await this.cmts.context(record, {
      refreshRow: options.refreshCmtsRow,
      // What the answer says about the node must be as fresh as the caller asked (maxAgeSec=0: walked now).
      snapshotMaxAgeMs: options.refreshCmtsRow ? requestedMaxAgeMs : undefined,
      scope: options.scope?.cmts,
    });
    const target: SnmpTarget = { host: record.host, port: record.port, credentials: record.snmp };
    const skipped = cmts ? await this.offlineAtCmts(record.id, cmts, target) : null;
    if (!skipped) {
      await options.beforePoll?.(record);
    }
    const reading = skipped ?? (await this.poller.poll(record.id, target, options.detail));
    const thresholds = this.config.diagnosis.thresholds;
    const historyWindowMs =
      Math.max(thresholds.flapping.windowHours, thresholds.timeouts.windowHours) * HOUR_MS;
    const [history, counterBaseline, othersSilent] = await Promise.all([
      this.readings.history(record.id, reading.observedAt - historyWindowMs),
      this.readings.counterBaseline(
        record.id,
        reading.observedAt - thresholds.codewords.windowMinutes * 60_000,
      ),
      reading.reachable || (cmts?.neighbourhood?.others ?? 0) > 0
        ? undefined
        : this.othersSilent(record.id, reading.observedAt),
    ]);
    const devices = reading.reachable ? cpeDevices(reading.cpeMacs ?? [], this.oui) : [];
    const diagnosis = diagnose({
      reading,
      history,
      counterBaseline,
      thresholds,
      cmts,
      cpeDevices: devices,
      othersSilent,
    });
    const stored: StoredReading = { reading, diagnosis, thresholdsProfile: thresholds.name };
    this.metrics.polls.inc({
      outcome: skipped ? 'offline_at_cmts' : reading.reachable ? 'reachable' : 'unreachable',
    });
    if (!skipped) {
      this.metrics.pollSeconds.observe(reading.latencyMs / 1000);
    }
    this.metrics.verdicts.inc({ verdict: diagnosis.verdict });
    const entry = toHistoryEntry(reading, diagnosis.verdict, cmts?.row);
    await this.readings.saveReading(stored, entry, counterSnapshot(reading));
    const m = record.membership;
    this.events.diagnosis({
      modemId: record.id,
      verdict: diagnosis.verdict,
      cmtsId: m?.cmtsId ?? record.cmtsId ?? null,
      serviceGroupId: m ? groupKey(m) : null,
    });
    return stored;
  }
}

/**
 * Whether a stored reading answers a check of this detail. A silent modem's reading answers both: a full poll would
 * have read nothing more.
 */
function answers(reading: ModemReading, detail: PollDetail): boolean {
  return detail === 'fast' || !reading.reachable || reading.detail === 'full';
}

function cpeDevices(macs: readonly string[], oui: OuiRegistry): CpeDevice[] {
  return macs.map((mac) => ({ mac, vendor: oui.vendorOf(mac) }));
}

function present(stored: StoredReading, source: 'live' | 'cache', oui: OuiRegistry): LineDiagnosis {
  const { reading, diagnosis, thresholdsProfile } = stored;
  return {
    modemId: reading.modemId,
    verdict: diagnosis.verdict,
    subKinds: diagnosis.subKinds,
    action: diagnosis.action,
    summary: diagnosis.summary,
    findings: diagnosis.findings,
    // Diagnoses stored before notChecked existed decode without it.
    notChecked: diagnosis.notChecked ?? [],
    ...(diagnosis.preEq ? { preEq: diagnosis.preEq } : {}),
    ...(diagnosis.location ? { location: diagnosis.location } : {}),
    ...(diagnosis.neighbours ? { neighbours: diagnosis.neighbours } : {}),
    devices: reading.reachable && reading.cpeMacs != null ? cpeDevices(reading.cpeMacs, oui) : null,
    observedAt: new Date(reading.observedAt).toISOString(),
    ageSec: Math.max(0, Math.round((Date.now() - reading.observedAt) / 1000)),
    source,
    thresholdsProfile,
  };
}

export function counterSnapshot(reading: ModemReading): CounterSnapshot | null {
  if (!reading.reachable) {
    return null;
  }
  return {
    at: reading.observedAt,
    uptimeSec: reading.uptimeSec,
    ds: reading.downstream.flatMap(({ ifIndex, unerrored, corrected, uncorrectable }) =>
      unerrored == null || corrected == null || uncorrectable == null
        ? []
        : [{ ifIndex, unerrored, corrected, uncorrectable }],
    ),
    ofdm: reading.ofdm.flatMap((ch) =>
      ch.profiles.map((p) => ({
        ifIndex: ch.ifIndex,
        profileId: p.profileId,
        total: p.total,
        corrected: p.corrected,
        uncorrectable: p.uncorrectable,
      })),
    ),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
