import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { LineCheckService } from '../checks/line-check.service';
import {
  ConflictError,
  fromRecord,
  InvalidInputError,
  NotFoundError,
  recordOf,
  UnprocessableError,
  type AppErrorRecord,
} from '../common/app-errors';
import { AppConfig } from '../config/app-config';
import { LiveEvents } from '../events/live-events';
import { groupKey } from '../domain/modem-record';
import { MetricsService } from '../metrics/metrics.service';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import { LockStore } from '../common/lock.store';
import { CmtsStore } from '../inventory/cmts.store';
import { ModemStore } from '../inventory/modem.store';
import { SweepStore, type SweepOutcome, type SweepScope, type SweepState } from './sweep.store';
import { KeyedSemaphore } from './keyed-semaphore';
import { PollPacer } from './poll-pacer';
import { SweepRunner, type SweepChunk } from './sweep-runner';

export interface SweepView extends Omit<SweepState, 'createdAt' | 'finishedAt'> {
  status: 'running' | 'finished';
  startedAt: string;
  finishedAt: string | null;
  elapsedSec: number;
  etaSec: number | null;
}

const PAGE = 1000;
/** How long a client may retry a sweep trigger with the same Idempotency-Key and get the same sweep. */
const IDEMPOTENCY_TTL_SEC = 86_400;
/** How long a retry waits for a concurrent first request with the same key to record its sweep. */
const IDEMPOTENCY_WAIT_MS = 5_000;
const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;
const IDEMPOTENCY_KEY_RULE = 'Idempotency-Key must be 8-128 letters, digits, _ . : - (a UUID does)';

/**
 * What the first request with a key did: the sweep it started, or the refusal it got. A record written before the
 * application errors (an HTTP status and body) still reads: the only refusal a start recorded then was a 404.
 */
interface IdempotentTrigger {
  scope: SweepScope;
  sweepId?: string;
  refused?: AppErrorRecord | { status: number; body: string | { message?: string } };
}

function refusalOf(refused: NonNullable<IdempotentTrigger['refused']>): Error {
  if ('kind' in refused) {
    return fromRecord(refused);
  }
  const message = typeof refused.body === 'string' ? refused.body : String(refused.body.message);
  return new NotFoundError(message);
}

/** Fleet sweeps: resolve the scope, cut it into chunks, run them anywhere, count each modem exactly once. */
@Injectable()
export class SweepService implements OnModuleInit {
  private readonly log = new Logger('Sweeps');
  /** What this instance has worked on (each chunk attempt counts). */
  readonly stats = { chunks: 0, modems: 0 };
  private readonly reported = new Set<string>();
  /** Checks in flight per CMTS on this instance, across all chunks: the plant behind one CMTS is not hammered. */
  private readonly cmtsSlots: KeyedSemaphore;
  /** Polls per second overall and per CMTS, across instances. */
  private readonly pacer: PollPacer;

  constructor(
    private readonly config: AppConfig,
    private readonly checks: LineCheckService,
    @Inject(SweepStore) private readonly sweepStore: SweepStore,
    @Inject(LockStore) private readonly locks: LockStore,
    @Inject(ModemStore) private readonly modems: ModemStore,
    @Inject(CmtsStore) private readonly cmtses: CmtsStore,
    @Inject(SweepRunner) private readonly runner: SweepRunner,
    private readonly metrics: MetricsService,
    @Inject(LiveEvents) private readonly events: LiveEvents,
  ) {
    this.cmtsSlots = new KeyedSemaphore(config.sweep.perCmtsConcurrency);
    this.pacer = new PollPacer(locks, config.sweep);
  }

  onModuleInit(): void {
    this.runner.setProcessor(
      (chunk) => this.processChunk(chunk),
      (chunk, reason) => this.abandonChunk(chunk, reason),
    );
  }

  async start(scope: SweepScope, trigger: SweepState['trigger'] = 'api'): Promise<SweepView> {
    const modems = await this.resolve(scope);
    const sweep: SweepState = {
      id: `sw-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      scope,
      trigger,
      total: modems.length,
      done: 0,
      failed: 0,
      byVerdict: {},
      createdAt: Date.now(),
      finishedAt: modems.length === 0 ? Date.now() : null,
    };
    await this.sweepStore.createSweep(sweep);
    await this.runner.submit(this.chunks(sweep.id, modems, trigger));
    return present(sweep);
  }

  /**
   * Modems round-robin over their nodes, so that each chunk mixes CMTSes and nodes instead of hitting one node at
   * a time, and no node waits behind another: a node with many modems, or whose modems all time out, gets one
   * modem of each round rather than its share of every chunk, so the other nodes are done early instead of at the
   * very end. A scheduled sweep also spreads its chunks over SWEEP_SPREAD_SHARE of its interval, so the plant sees
   * an even load rather than a burst at every interval start.
   */
  private chunks(sweepId: string, modems: ScopedModem[], trigger: SweepState['trigger']): SweepChunk[] {
    const ordered = roundRobinByNode(modems);
    const size = this.config.sweep.chunkSize;
    const count = Math.ceil(ordered.length / size);
    const spreadMs =
      trigger === 'schedule' ? this.config.sweep.intervalSec * 1000 * this.config.sweep.spreadShare : 0;
    return Array.from({ length: count }, (_, i) => ({
      sweepId,
      modemIds: ordered.slice(i * size, (i + 1) * size),
      ...(spreadMs > 0 ? { delayMs: Math.floor((spreadMs * i) / count) } : {}),
    }));
  }

  /**
   * A trigger from a client: with an Idempotency-Key (per API key) it is safe to retry (startOnce) and `replayed`
   * says whether this answer replays an earlier one; without one it just starts a sweep.
   */
  async trigger(
    scope: SweepScope,
    callerKeyId: string,
    idempotencyKey: string | undefined,
  ): Promise<{ sweep: SweepView; replayed?: boolean }> {
    if (idempotencyKey === undefined) {
      return { sweep: await this.start(scope) };
    }
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new InvalidInputError('Idempotency-Key', IDEMPOTENCY_KEY_RULE);
    }
    return this.startOnce(scope, callerKeyId, idempotencyKey);
  }

  /**
   * A trigger a client may retry safely: the first request with this key (per API key) starts the sweep, and every
   * retry within a day gets that same sweep back, whoever answers it. `replayed` says which one this was.
   */
  async startOnce(
    scope: SweepScope,
    callerKeyId: string,
    idempotencyKey: string,
  ): Promise<{ sweep: SweepView; replayed: boolean }> {
    const id = `${callerKeyId}:${idempotencyKey}`;
    if (await this.locks.claimSlot(`idempotency:${id}`, IDEMPOTENCY_TTL_SEC)) {
      let sweep: SweepView;
      try {
        sweep = await this.start(scope);
      } catch (error) {
        const refused = recordOf(error);
        if (refused) {
          await this.sweepStore.putTrigger(id, { scope, refused }, IDEMPOTENCY_TTL_SEC);
        }
        throw error;
      }
      await this.sweepStore.putTrigger(id, { scope, sweepId: sweep.id }, IDEMPOTENCY_TTL_SEC);
      return { sweep, replayed: false };
    }
    const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
    for (;;) {
      const first = await this.sweepStore.getTrigger<IdempotentTrigger>(id);
      if (first) {
        if (JSON.stringify(first.scope) !== JSON.stringify(scope)) {
          throw new UnprocessableError(
            `Idempotency-Key ${idempotencyKey} was used for another scope (${JSON.stringify(first.scope)})`,
          );
        }
        if (first.refused) {
          throw refusalOf(first.refused);
        }
        return { sweep: await this.get(first.sweepId!), replayed: true };
      }
      if (Date.now() > deadline) {
        // The first request claimed the key but recorded no sweep: it failed or its instance died.
        throw new ConflictError(
          `a request with Idempotency-Key ${idempotencyKey} claimed it but started no sweep; use a new key`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * A chunk every try of which failed, or that the in-process runner did not start before shutdown: its modems count
   * as failed (the seen-set skips any counted before), so the sweep still ends, with the failure visible in its
   * counts, rather than showing "running" for good.
   */
  async abandonChunk(chunk: SweepChunk, reason: string): Promise<void> {
    this.log.warn(`gave up on a chunk of ${chunk.sweepId} (${chunk.modemIds.length} modems): ${reason}`);
    const outcomes = chunk.modemIds.map((modemId) => ({ modemId, verdict: null }));
    await this.sweepStore.recordSweepOutcomes(chunk.sweepId, outcomes, Date.now());
    // Its duration is not a sweep's duration: only a sweep whose last chunk ran reports one.
    const sweep = await this.publishProgress(chunk.sweepId, false);
    if (sweep?.finishedAt != null) {
      this.log.warn(
        `sweep ${sweep.id} ended: ${sweep.done} checked, ${sweep.failed} failed of ${sweep.total}`,
      );
    }
  }

  async get(id: string): Promise<SweepView> {
    const sweep = await this.sweepStore.getSweep(id);
    if (!sweep) {
      throw new NotFoundError(`unknown sweep ${id}`);
    }
    return present(sweep);
  }

  async list(limit: number): Promise<SweepView[]> {
    return (await this.sweepStore.listSweeps(limit)).map(present);
  }

  /**
   * One chunk: every modem checked (a recent enough reading is reused), outcomes counted once. When the store
   * fails (Redis away), the modems are not at fault: the chunk fails as a whole, records nothing, and its runner
   * runs it again (BullMQ: attempts with backoff); a modem counted by an earlier attempt is not counted twice.
   */
  async processChunk(chunk: SweepChunk): Promise<void> {
    const outcomes: SweepOutcome[] = [];
    const queue = [...chunk.modemIds];
    let storeError: StoreUnavailableError | undefined;
    const records = new Map((await this.modems.getModems(chunk.modemIds)).map((m) => [m.id, m]));
    const scope = this.checks.scope(records);
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id != null && !storeError; id = queue.shift()) {
        const release = await this.cmtsSlots.acquire(records.get(id)?.cmtsId ?? '');
        try {
          const d = await this.checks.diagnosis(id, this.config.sweep.maxAgeSec, {
            refreshCmtsRow: false,
            detail: 'fast',
            withDispatch: false,
            scope,
            ...(this.pacer.enabled && { beforePoll: (m) => this.pacer.pace(m.cmtsId) }),
          });
          outcomes.push({ modemId: id, verdict: d.verdict });
        } catch (error) {
          if (error instanceof StoreUnavailableError) {
            storeError = error;
          }
          outcomes.push({ modemId: id, verdict: null });
        } finally {
          release();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.sweep.concurrency, queue.length) }, worker));
    if (storeError) {
      throw storeError;
    }
    await this.sweepStore.recordSweepOutcomes(chunk.sweepId, outcomes, Date.now());
    this.stats.chunks++;
    this.stats.modems += outcomes.length;
    const failed = outcomes.filter((o) => o.verdict == null).length;
    this.metrics.sweepModems.inc({ result: 'ok' }, outcomes.length - failed);
    this.metrics.sweepModems.inc({ result: 'failed' }, failed);
    // The outcomes are recorded, so the chunk is done: a store that fails right now must not run it again.
    await this.publishProgress(chunk.sweepId, true).catch((error: unknown) =>
      this.log.warn(
        `sweep ${chunk.sweepId}: progress not published: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }

  /** The sweep's progress as a live event and metrics (with `ran`, the duration of a sweep it completed, once). */
  private async publishProgress(sweepId: string, ran: boolean): Promise<SweepState | null> {
    const sweep = await this.sweepStore.getSweep(sweepId);
    if (sweep) {
      this.events.sweep({
        sweepId: sweep.id,
        total: sweep.total,
        done: sweep.done,
        failed: sweep.failed,
        finished: sweep.finishedAt != null,
      });
      this.metrics.sweepProgress.set(sweep.total === 0 ? 1 : (sweep.done + sweep.failed) / sweep.total);
      // The chunk that completed the sweep reports its duration, once.
      if (
        ran &&
        sweep.finishedAt != null &&
        sweep.done + sweep.failed === sweep.total &&
        !this.reported.has(sweep.id)
      ) {
        this.reported.add(sweep.id);
        this.metrics.sweepSeconds.observe((sweep.finishedAt - sweep.createdAt) / 1000);
      }
    }
    return sweep;
  }

  private async resolve(scope: SweepScope): Promise<ScopedModem[]> {
    if (scope.kind === 'node') {
      const ids = await this.modems.groupMembers(scope.cmtsId, scope.serviceGroupId);
      if (ids.length === 0) {
        throw new NotFoundError(`unknown node ${scope.serviceGroupId} on ${scope.cmtsId}`);
      }
      return ids.map((id) => ({ id, node: '' }));
    }
    if (scope.kind === 'cmts' && !(await this.cmtses.getCmts(scope.cmtsId))) {
      throw new NotFoundError(`unknown CMTS ${scope.cmtsId}`);
    }
    const modems: ScopedModem[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.modems.listModems(offset, PAGE);
      for (const m of page.items) {
        if (scope.kind === 'all' || m.cmtsId === scope.cmtsId) {
          // Modems discovery has not placed yet share one pseudo-node per CMTS.
          modems.push({
            id: m.id,
            node: m.membership ? `${m.membership.cmtsId}/${groupKey(m.membership)}` : `${m.cmtsId ?? ''}/`,
          });
        }
      }
      if (page.items.length < PAGE) {
        return modems;
      }
    }
  }
}

/** A modem in a sweep's scope, with the node (CMTS and service group) it was last seen in. */
interface ScopedModem {
  id: string;
  node: string;
}

/**
 * The k-th modem of every node, then the (k+1)-th of every node, and so on: within a node in the order of a hash
 * of the modem id, within a round in the order of a hash of the node.
 */
function roundRobinByNode(modems: readonly ScopedModem[]): string[] {
  const rankInNode = new Map<string, number>();
  return [...modems]
    .sort((a, b) => fnv1a(a.id) - fnv1a(b.id) || a.id.localeCompare(b.id))
    .map((m) => {
      const rank = rankInNode.get(m.node) ?? 0;
      rankInNode.set(m.node, rank + 1);
      return { id: m.id, node: m.node, nodeHash: fnv1a(m.node), rank };
    })
    .sort((a, b) => a.rank - b.rank || a.nodeHash - b.nodeHash || a.node.localeCompare(b.node))
    .map((m) => m.id);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

function present(s: SweepState): SweepView {
  const end = s.finishedAt ?? Date.now();
  const elapsedSec = Math.max(0, (end - s.createdAt) / 1000);
  const counted = s.done + s.failed;
  const remaining = s.total - counted;
  return {
    id: s.id,
    scope: s.scope,
    trigger: s.trigger,
    status: s.finishedAt == null ? 'running' : 'finished',
    total: s.total,
    done: s.done,
    failed: s.failed,
    byVerdict: s.byVerdict,
    startedAt: new Date(s.createdAt).toISOString(),
    finishedAt: s.finishedAt == null ? null : new Date(s.finishedAt).toISOString(),
    elapsedSec: Math.round(elapsedSec * 10) / 10,
    etaSec: s.finishedAt != null ? 0 : counted === 0 ? null : Math.round((elapsedSec / counted) * remaining),
  };
}
