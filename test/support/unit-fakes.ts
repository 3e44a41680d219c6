// Hand-written fakes for the unit specs of the orchestration services (src/**/*.spec.ts): the SNMP ports answer what
// the spec tells them, count what they are asked, and hold their answers until the spec lets them go, so a spec can
// line up concurrent callers deterministically (no UDP, no Redis, no sleeps). Not a spec: no jest globals here.
import { DecisionLog } from '../../src/visits/decision-log';
import { MemoryVisitStore } from '../../src/store/memory/memory-visit.store';
import { DispatchRechecks } from '../../src/checks/dispatch-rechecks';
import { LineCheckService } from '../../src/checks/line-check.service';
import { CmtsService } from '../../src/cmts/cmts.service';
import { CmtsPoller, type CmtsWalkOptions } from '../../src/cmts/cmts-poller';
import type { LockStore } from '../../src/common/lock.store';
import type { AppConfig } from '../../src/config/app-config';
import { OuiRegistry } from '../../src/cpe/oui-registry';
import { InventoryService } from '../../src/inventory/inventory.service';
import { MetricsService } from '../../src/metrics/metrics.service';
import { MemoryCmtsStore } from '../../src/store/memory/memory-cmts.store';
import { MemoryLockStore } from '../../src/store/memory/memory-lock.store';
import { MemoryModemStore } from '../../src/store/memory/memory-modem.store';
import { MemoryReadingStore } from '../../src/store/memory/memory-reading.store';
import { ModemPoller } from '../../src/checks/modem-poller';
import { textbookReading } from '../../src/diagnosis/test-reading.factory';
import type {
  CmtsModemRow,
  CmtsSnapshot,
  CmtsTablesSeen,
  CmtsUpstreamChannel,
} from '../../src/domain/cmts-reading';
import type { ModemReading, PollDetail } from '../../src/domain/modem-reading';
import type { SnmpTarget } from '../../src/domain/snmp-target';
import {
  LiveEvents,
  type DiagnosisEvent,
  type LiveBatch,
  type SweepEvent,
} from '../../src/events/live-events';

/** A promise with its settle functions in hand. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Counts calls and, while held, keeps them waiting: `hold()`, line the callers up (`await started(n)`), then
 * `release()`. Released, calls pass straight through.
 */
export class CallGate {
  /** Calls that entered, held or not. */
  calls = 0;
  private gate: Deferred<void> | null = null;
  private readonly waiters: { n: number; resolve: () => void }[] = [];

  hold(): void {
    this.gate ??= deferred();
  }

  release(): void {
    this.gate?.resolve();
    this.gate = null;
  }

  /** Resolves once `n` calls have entered in all. */
  started(n: number): Promise<void> {
    if (this.calls >= n) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }

  /** Counts one call; waits while the gate is held. */
  async pass(): Promise<void> {
    this.calls++;
    for (const w of this.waiters.filter((w) => this.calls >= w.n)) {
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve();
    }
    if (this.gate) {
      await this.gate.promise;
    }
  }
}

/** The modem side of SNMP: a healthy reading taken at the moment it is answered, unless told otherwise. */
export class FakeModemPoller extends ModemPoller {
  /** Modem ids, one per poll, in call order. */
  readonly polls: string[] = [];
  /** One per short probe of a modem without a CMTS row. */
  readonly probes: { host: string; timeoutMs: number }[] = [];
  readonly gate = new CallGate();
  /** What a poll answers (computed when the poll is released). */
  answer: (modemId: string) => ModemReading = (modemId) =>
    textbookReading({ modemId, observedAt: Date.now() });
  /** Whether a modem answers the probe. */
  answersProbe = true;

  /** What each poll asked for, in call order. */
  readonly details: PollDetail[] = [];

  /** A full poll's reading says so, as the SNMP poller's does. */
  async poll(modemId: string, _target: SnmpTarget, detail: PollDetail = 'fast'): Promise<ModemReading> {
    this.polls.push(modemId);
    this.details.push(detail);
    await this.gate.pass();
    const reading = this.answer(modemId);
    return reading.reachable && detail === 'full' ? { ...reading, detail } : reading;
  }

  answers(target: SnmpTarget, timeoutMs: number): Promise<boolean> {
    this.probes.push({ host: target.host, timeoutMs });
    return Promise.resolve(this.answersProbe);
  }

  reset(): Promise<void> {
    return Promise.reject(new Error('FakeModemPoller does not reset modems'));
  }
}

/**
 * The CMTS side of SNMP: `plant` holds each CMTS's rows as a walk (or the single row GET) finds them now; a CMTS
 * without an entry does not answer. Snapshots say they were taken `snapshotAgeMs` before they are answered.
 */
export class FakeCmtsPoller extends CmtsPoller {
  /** CMTS ids, one per walk, in call order. */
  readonly walks: string[] = [];
  /** MACs, one per single-row GET. */
  readonly rowReads: string[] = [];
  readonly plant = new Map<string, CmtsModemRow[]>();
  /** What each walk was asked to read beyond the rows, in call order. */
  readonly walkOptions: (CmtsWalkOptions | undefined)[] = [];
  /** Which tables a walk of a CMTS reports (default: DOCS-IF3, nothing missing). */
  readonly tables = new Map<string, CmtsTablesSeen>();
  /** The CMTS's upstream channels, given to walks that read the coefficients. */
  readonly upstreamChannels = new Map<string, CmtsUpstreamChannel[]>();
  readonly gate = new CallGate();
  snapshotAgeMs = 0;

  /** As the SNMP poller: the rows' coefficients (eqData) only for a walk that reads them. */
  async snapshot(cmtsId: string, _target: SnmpTarget, options?: CmtsWalkOptions): Promise<CmtsSnapshot> {
    this.walks.push(cmtsId);
    this.walkOptions.push(options);
    await this.gate.pass();
    const rows = this.plant.get(cmtsId);
    const observedAt = Date.now() - this.snapshotAgeMs;
    if (!rows) {
      return { reachable: false, cmtsId, observedAt, error: 'timeout' };
    }
    const preEq = options?.usEqData === true;
    return {
      reachable: true,
      cmtsId,
      observedAt,
      rows: structuredClone(rows).map((r) =>
        preEq ? r : { ...r, upstream: r.upstream.map(({ eqData: _, ...us }) => us) },
      ),
      tables: this.tables.get(cmtsId) ?? { modemTables: 'docsIf3', missing: [] },
      ...(preEq ? { upstreamChannels: this.upstreamChannels.get(cmtsId) ?? [] } : {}),
    };
  }

  row(_target: SnmpTarget, known: CmtsModemRow): Promise<CmtsModemRow | null> {
    this.rowReads.push(known.mac);
    for (const rows of this.plant.values()) {
      const row = rows.find((r) => r.mac === known.mac);
      if (row) {
        return Promise.resolve(structuredClone(row));
      }
    }
    return Promise.resolve(null);
  }
}

/** Live events as a list of what was published, with no flush timer. */
export class RecordingLiveEvents extends LiveEvents {
  readonly diagnoses: DiagnosisEvent[] = [];
  readonly sweeps: SweepEvent[] = [];

  override diagnosis(e: DiagnosisEvent): void {
    this.diagnoses.push(e);
  }

  override sweep(e: SweepEvent): void {
    this.sweeps.push(e);
  }

  protected send(_batch: LiveBatch): void {}

  protected closeTransport(): Promise<void> {
    return Promise.resolve();
  }
}

/** A LineCheckService on the in-process stores with fake SNMP pollers: what the orchestration specs build on. */
export function lineCheckRig(config: AppConfig, locks: LockStore = new MemoryLockStore()) {
  const modems = new MemoryModemStore();
  const cmtses = new MemoryCmtsStore();
  const readings = new MemoryReadingStore(config.retention);
  const modemPoller = new FakeModemPoller();
  const cmtsPoller = new FakeCmtsPoller();
  const events = new RecordingLiveEvents();
  const metrics = new MetricsService();
  const rechecks = new DispatchRechecks();
  const visits = new MemoryVisitStore();
  const cmts = new CmtsService(config, cmtses, modems, readings, cmtsPoller);
  const checks = new LineCheckService(
    config,
    new InventoryService(modems, cmtses, readings),
    modemPoller,
    readings,
    locks,
    cmts,
    new OuiRegistry(),
    metrics,
    events,
    rechecks,
    new DecisionLog(config, visits),
  );
  return {
    modems,
    cmtses,
    readings,
    locks,
    modemPoller,
    cmtsPoller,
    events,
    metrics,
    cmts,
    checks,
    rechecks,
    visits,
  };
}
