import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../common/app-errors';
import { AppConfig } from '../config/app-config';
import type { Caller } from '../domain/api-key';
import type { DecisionRecord, Visit, VisitFound } from '../domain/visit';
import { InventoryService } from '../inventory/inventory.service';
import { MetricsService } from '../metrics/metrics.service';
import { readVisitCsv } from './visit-csv';
import {
  outcomeKpis,
  REPEAT_WINDOW_DAYS,
  thresholdReport,
  type OutcomeKpis,
  type ThresholdReport,
} from './visit-kpis';
import { VisitStore, type VisitWrite, type VisitWriteResult } from './visit.store';

const DAY_MS = 86_400_000;
/** A visit "now" on a field laptop whose clock runs a little ahead is still not in the future. */
export const VISIT_CLOCK_SKEW_MS = 5 * 60_000;
/** Without a diagnosisAt, a visit belongs to the modem's latest decision this recent before it. */
export const LINK_WINDOW_DAYS = 30;
/** The default KPI range, and the longest one asked at once. */
export const KPI_DEFAULT_DAYS = 30;
export const KPI_MAX_DAYS = 3650;
export const MAX_VISIT_ROWS = 100_000;
/** How long the visit gauges reuse one read of the last 30 days. */
const GAUGE_READ_TTL_MS = 10_000;

/** What a repeat of a visit's external id must match to be the same visit (the diagnosisAt as given, not as linked). */
function visitContent(visit: Visit, givenDiagnosisAt: number | null): string {
  return JSON.stringify([
    visit.modemId,
    visit.externalId,
    visit.visitedAt,
    visit.found,
    visit.fixed,
    visit.technician,
    givenDiagnosisAt,
  ]);
}

/** A visit as the field reports it (validated at the edge: shapes, enumerations, lengths). */
export interface VisitInput {
  externalId?: string;
  visitedAt: string;
  found: VisitFound;
  fixed?: string;
  technician?: string;
  diagnosisAt?: string;
}

/** A visit as the API answers it: times as ISO strings. */
export interface VisitView {
  id: string;
  modemId: string;
  externalId: string | null;
  visitedAt: string;
  found: VisitFound;
  fixed: string | null;
  technician: string | null;
  diagnosisAt: string | null;
  recordedAt: string;
}

/** A CSV row checked at the edge: the visit, or the fields at fault. */
export type VisitRowCheck = { modemId: string; input: VisitInput } | { problems: FieldProblem[] };

export interface VisitImportResult {
  received: number;
  created: number;
  /** Rows whose externalId was recorded already with the same content: nothing changed for them. */
  duplicates: number;
}

/** The outcome loop's visits: recorded, deduplicated by external id, linked to the decision that sent them, audited. */
@Injectable()
export class VisitsService implements OnModuleInit {
  private gaugeRead: { at: number; read: Promise<OutcomeKpis> } | undefined;

  constructor(
    private readonly config: AppConfig,
    @Inject(VisitStore) private readonly store: VisitStore,
    private readonly inventory: InventoryService,
    private readonly audit: AuditService,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.metrics.gaugeAtScrape(
      'linecheck_visits_no_fault_found_ratio',
      'Share of the last 30 days of visits that found no fault (absent without visits).',
      [],
      async (set) => {
        const rate = (await this.lastMonth()).noFaultFound.rate;
        if (rate != null) {
          set({}, rate);
        }
      },
    );
    this.metrics.gaugeAtScrape(
      'linecheck_visits_repeat_ratio',
      'Share of the last 30 days of visits preceded by another visit to the same modem within 30 days.',
      [],
      async (set) => {
        const rate = (await this.lastMonth()).repeatVisits.rate;
        if (rate != null) {
          set({}, rate);
        }
      },
    );
  }

  /** One visit: 201 created, or (same external id, same content) the stored one; other content is a conflict. */
  async record(
    modemId: string,
    input: VisitInput,
    caller: Caller,
  ): Promise<{ created: boolean; visit: VisitView }> {
    await this.inventory.record(modemId);
    const write = await this.prepare(modemId, input, Date.now());
    if ('problems' in write) {
      throw new InvalidInputError(
        write.problems,
        write.problems.map((p) => `${p.field}: ${p.problems.join('; ')}`).join(' | '),
      );
    }
    const [result] = await this.store.recordVisits([write]);
    await this.audit.record(caller, 'visit.record', modemId, result.outcome, {
      ...(input.externalId != null && { externalId: input.externalId }),
      found: input.found,
    });
    if (result.outcome === 'conflict') {
      throw conflict([{ externalId: input.externalId!, stored: result.visit }]);
    }
    this.count([result]);
    return { created: result.outcome === 'created', visit: view(result.visit) };
  }

  async list(modemId: string): Promise<VisitView[]> {
    await this.inventory.record(modemId);
    return (await this.store.visitsOf(modemId)).map(view);
  }

  /**
   * A CSV of visits: every row checked (by the edge's `check`, then against the inventory and the decision log);
   * one bad row and nothing is recorded (400 naming each bad row's line and field). Then all rows in one write.
   */
  async importCsv(
    text: string,
    caller: Caller,
    check: (value: Record<string, string>) => Promise<VisitRowCheck>,
  ): Promise<VisitImportResult> {
    const read = readVisitCsv(text);
    if ('error' in read) {
      throw new InvalidInputError([{ field: 'body', problems: [read.error] }], read.error);
    }
    if (read.rows.length > MAX_VISIT_ROWS) {
      throw new InvalidInputError(
        'body',
        `at most ${MAX_VISIT_ROWS} rows per import (got ${read.rows.length})`,
      );
    }
    const now = Date.now();
    const problems: FieldProblem[] = [];
    const writes: VisitWrite[] = [];
    const known = new Map<string, boolean>();
    for (const { line, value } of read.rows) {
      const checked = await check(value);
      let rowProblems: FieldProblem[];
      if ('problems' in checked) {
        rowProblems = checked.problems;
      } else if (!(await this.modemExists(checked.modemId, known))) {
        rowProblems = [{ field: 'modemId', problems: [`unknown modem ${checked.modemId}`] }];
      } else {
        const write = await this.prepare(checked.modemId, checked.input, now);
        if ('problems' in write) {
          rowProblems = write.problems;
        } else {
          rowProblems = [];
          writes.push(write);
        }
      }
      problems.push(...rowProblems.map((p) => ({ field: `line ${line}: ${p.field}`, problems: p.problems })));
    }
    if (problems.length > 0) {
      await this.audit.record(caller, 'visits.import', undefined, 'refused', {
        received: read.rows.length,
        problems: problems.length,
      });
      throw new InvalidInputError(
        problems,
        `nothing recorded: ${problems.map((p) => `${p.field}: ${p.problems.join('; ')}`).join(' | ')}`,
      );
    }
    const results = await this.store.recordVisits(writes);
    const conflicts = results.flatMap((r, i) =>
      r.outcome === 'conflict' ? [{ externalId: writes[i].visit.externalId!, stored: r.visit }] : [],
    );
    const outcome = {
      received: read.rows.length,
      created: conflicts.length > 0 ? 0 : results.filter((r) => r.outcome === 'created').length,
      duplicates: results.filter((r) => r.outcome === 'duplicate').length,
    };
    await this.audit.record(caller, 'visits.import', undefined, conflicts.length > 0 ? 'conflict' : 'ok', {
      ...outcome,
    });
    if (conflicts.length > 0) {
      throw conflict(conflicts);
    }
    this.count(results);
    return outcome;
  }

  async kpis(from?: string, to?: string): Promise<OutcomeKpis> {
    const range = kpiRange(from, to, Date.now());
    const resolvedWithoutVisitDays = this.config.outcomes.resolvedWithoutVisitDays;
    const [visits, decisions] = await Promise.all([
      this.store.visitsBetween(
        range.from - REPEAT_WINDOW_DAYS * DAY_MS,
        range.to + resolvedWithoutVisitDays * DAY_MS + 1,
      ),
      this.store.decisionsBetween(range.from, range.to),
    ]);
    const linked = await this.linkedDecisions(
      visits.filter((v) => v.visitedAt >= range.from && v.visitedAt < range.to),
    );
    return outcomeKpis({ ...range, visits, decisions, linked }, { resolvedWithoutVisitDays });
  }

  async thresholds(from?: string, to?: string): Promise<ThresholdReport> {
    const range = kpiRange(from, to, Date.now());
    const visits = await this.store.visitsBetween(range.from, range.to);
    return thresholdReport({ ...range, visits, linked: await this.linkedDecisions(visits) });
  }

  /** The last 30 days' KPIs for the gauges: both gauges of a scrape, and scrapes close together, share one read. */
  private lastMonth(): Promise<OutcomeKpis> {
    const now = Date.now();
    if (!this.gaugeRead || now - this.gaugeRead.at > GAUGE_READ_TTL_MS) {
      const read = this.kpis();
      this.gaugeRead = { at: now, read };
      // A failed read is not kept: the next scrape tries again.
      read.catch(() => {
        if (this.gaugeRead?.read === read) {
          this.gaugeRead = undefined;
        }
      });
    }
    return this.gaugeRead.read;
  }

  private async linkedDecisions(visits: readonly Visit[]): Promise<(v: Visit) => DecisionRecord | null> {
    const refs = visits.flatMap((v) =>
      v.diagnosisAt == null ? [] : [{ modemId: v.modemId, at: v.diagnosisAt }],
    );
    const found = await this.store.decisions(refs);
    const byRef = new Map(refs.map((r, i) => [`${r.modemId}|${r.at}`, found[i]]));
    return (v) => (v.diagnosisAt == null ? null : (byRef.get(`${v.modemId}|${v.diagnosisAt}`) ?? null));
  }

  private async modemExists(modemId: string, known: Map<string, boolean>): Promise<boolean> {
    let exists = known.get(modemId);
    if (exists === undefined) {
      exists = await this.inventory.record(modemId).then(
        () => true,
        (error: unknown) => {
          if (error instanceof NotFoundError) {
            return false;
          }
          throw error;
        },
      );
      known.set(modemId, exists);
    }
    return exists;
  }

  /** The visit to store, linked to its decision, or the fields at fault (times, a diagnosisAt not in the log). */
  private async prepare(
    modemId: string,
    input: VisitInput,
    now: number,
  ): Promise<VisitWrite | { problems: FieldProblem[] }> {
    const visitedAt = Date.parse(input.visitedAt);
    const givenDiagnosisAt = input.diagnosisAt == null ? null : Date.parse(input.diagnosisAt);
    const problems: FieldProblem[] = [];
    if (visitedAt > now + VISIT_CLOCK_SKEW_MS) {
      problems.push({
        field: 'visitedAt',
        problems: [
          `visitedAt must not be in the future (at most ${VISIT_CLOCK_SKEW_MS / 60_000} minutes ahead)`,
        ],
      });
    }
    let diagnosisAt: number | null;
    if (givenDiagnosisAt != null) {
      const [decision] = await this.store.decisions([{ modemId, at: givenDiagnosisAt }]);
      if (!decision) {
        problems.push({
          field: 'diagnosisAt',
          problems: [
            `diagnosisAt must be the observedAt of a recorded diagnosis of ${modemId}; none at ${input.diagnosisAt}`,
          ],
        });
      } else if (givenDiagnosisAt > visitedAt) {
        problems.push({ field: 'diagnosisAt', problems: ['diagnosisAt must not be after visitedAt'] });
      }
      diagnosisAt = givenDiagnosisAt;
    } else {
      const latest = await this.store.latestDecision(
        modemId,
        visitedAt - LINK_WINDOW_DAYS * DAY_MS,
        visitedAt,
      );
      diagnosisAt = latest?.at ?? null;
    }
    if (problems.length > 0) {
      return { problems };
    }
    const visit: Visit = {
      id: `v-${now.toString(36)}-${randomBytes(6).toString('hex')}`,
      modemId,
      externalId: input.externalId ?? null,
      visitedAt,
      found: input.found,
      fixed: input.fixed ?? null,
      technician: input.technician ?? null,
      diagnosisAt,
      recordedAt: now,
    };
    return { visit, content: visitContent(visit, givenDiagnosisAt) };
  }

  /** Whether any visit is stored with fromMs <= visitedAt < toMs. */
  async hasVisitsBetween(fromMs: number, toMs: number): Promise<boolean> {
    return (await this.store.visitsBetween(fromMs, toMs)).length > 0;
  }

  /**
   * Stores a made-up past (the simulator's demo history): its decisions, then its visits. Decisions dedupe by modem
   * and time and visits by external id, so storing the same past again adds nothing.
   */
  async seed(
    decisions: readonly DecisionRecord[],
    visits: readonly Visit[],
  ): Promise<{ decisions: number; visits: number }> {
    let newDecisions = 0;
    for (const d of decisions) {
      if (await this.store.recordDecision(d, this.config.outcomes.decisionRetentionSec)) {
        newDecisions++;
      }
    }
    const results = await this.store.recordVisits(
      visits.map((v) => ({ visit: v, content: visitContent(v, v.diagnosisAt) })),
    );
    this.count(results);
    return { decisions: newDecisions, visits: results.filter((r) => r.outcome === 'created').length };
  }

  private count(results: readonly VisitWriteResult[]): void {
    for (const r of results) {
      if (r.outcome === 'created') {
        this.metrics.visits.inc({ found: r.visit.found });
      }
    }
  }
}

/** The KPI range: [from, to), by default the last 30 days; refused when empty, reversed or too long. */
export function kpiRange(
  from: string | undefined,
  to: string | undefined,
  now: number,
): { from: number; to: number } {
  const end = to == null ? now : Date.parse(to);
  const start = from == null ? end - KPI_DEFAULT_DAYS * DAY_MS : Date.parse(from);
  if (start >= end) {
    throw new InvalidInputError(from == null ? 'to' : 'from', 'from must be before to');
  }
  if (end - start > KPI_MAX_DAYS * DAY_MS) {
    throw new InvalidInputError('from', `the range from..to must span at most ${KPI_MAX_DAYS} days`);
  }
  return { from: start, to: end };
}

function view(v: Visit): VisitView {
  return {
    id: v.id,
    modemId: v.modemId,
    externalId: v.externalId,
    visitedAt: new Date(v.visitedAt).toISOString(),
    found: v.found,
    fixed: v.fixed,
    technician: v.technician,
    diagnosisAt: v.diagnosisAt == null ? null : new Date(v.diagnosisAt).toISOString(),
    recordedAt: new Date(v.recordedAt).toISOString(),
  };
}

function conflict(items: { externalId: string; stored: Visit }[]): ConflictError {
  return new ConflictError(
    `nothing recorded: ${items
      .map((c) => `externalId ${c.externalId} is recorded already with other content (visit ${c.stored.id})`)
      .join('; ')}`,
    { externalId: items[0].externalId, visitId: items[0].stored.id },
  );
}
