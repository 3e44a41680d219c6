import {
  FAULT_PLACES,
  VERDICTS,
  type FaultPlace,
  type Severity,
  type SubKind,
  type Verdict,
} from '../domain/diagnosis';
import {
  FOUND_AT_PLACE,
  NO_FAULT_FINDS,
  VISIT_FOUND,
  type DecisionRecord,
  type Visit,
  type VisitFound,
} from '../domain/visit';

// The outcome KPIs, pure: visits and decisions in, figures out. A rate whose denominator is 0 is null: no data is
// not a rate of 0.

const DAY_MS = 86_400_000;
/** A visit preceded by another to the same modem within this window is a repeat visit. */
export const REPEAT_WINDOW_DAYS = 30;

export interface KpiWindows {
  /** A decision that sent nobody is resolved when no visit to its modem follows within this many days. */
  resolvedWithoutVisitDays: number;
}

export interface KpiInput {
  from: number;
  to: number;
  /** Every visit with visitedAt in [from − REPEAT_WINDOW_DAYS, to + resolvedWithoutVisitDays): more does no harm. */
  visits: readonly Visit[];
  /** Every decision with from <= at < to. */
  decisions: readonly DecisionRecord[];
  /** The decision each visit in range refers to (by `modemId` and `diagnosisAt`), null when none is stored. */
  linked: (visit: Visit) => DecisionRecord | null;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, rounded to 4 decimals; null when `of` is 0. */
  rate: number | null;
}

export interface OutcomeKpis {
  from: string;
  to: string;
  /** Visits with from <= visitedAt < to. */
  visits: number;
  byFound: Record<VisitFound, number>;
  /** Visits that found NO_FAULT_FOUND, over visits. */
  noFaultFound: Rate;
  /** Visits preceded by another visit to the same modem within 30 days, over visits. */
  repeatVisits: Rate;
  /** Visits whose diagnosis (the decision that sent them) is not in the log. */
  unlinkedVisits: number;
  /** Per verdict of the linked decision: visits that found a fault (not NO_FAULT_FOUND, CUSTOMER_EQUIPMENT). */
  byVerdict: { verdict: Verdict; visits: number; faultFound: number; rate: number | null }[];
  /** Per predicted place: visits that found the fault there; UNKNOWN predicts no place (foundThere null). */
  byPlace: { place: FaultPlace; visits: number; foundThere: number | null; rate: number | null }[];
  /** Decisions in range that sent nobody and were not followed by a visit within the window, over decisions. */
  resolvedWithoutVisit: Rate & { windowDays: number };
}

export interface ThresholdReport {
  from: string;
  to: string;
  /** Visits in range that found no fault (NO_FAULT_FOUND) and whose decision is in the log. */
  noFaultVisits: number;
  /** The finding codes of those visits' decisions, most often first. */
  codes: {
    code: SubKind;
    severity: Exclude<Severity, 'INFO'>;
    /** No-fault visits whose decision had this finding. */
    noFaultVisits: number;
    /** Visits in range whose decision had this finding, whatever they found. */
    visits: number;
    /** noFaultVisits / visits. */
    noFaultShare: number | null;
  }[];
}

export function rate(count: number, of: number): Rate {
  return { count, of, rate: ratio(count, of) };
}

function ratio(count: number, of: number): number | null {
  return of === 0 ? null : Math.round((count / of) * 10_000) / 10_000;
}

export function foundAFault(found: VisitFound): boolean {
  return !NO_FAULT_FINDS.includes(found);
}

function inRange(input: { from: number; to: number }, at: number): boolean {
  return at >= input.from && at < input.to;
}

export function outcomeKpis(input: KpiInput, windows: KpiWindows): OutcomeKpis {
  const inside = input.visits.filter((v) => inRange(input, v.visitedAt));
  const byModem = new Map<string, Visit[]>();
  for (const v of input.visits) {
    byModem.set(v.modemId, [...(byModem.get(v.modemId) ?? []), v]);
  }
  const byFound = Object.fromEntries(VISIT_FOUND.map((f) => [f, 0])) as Record<VisitFound, number>;
  const verdicts = new Map<Verdict, { visits: number; faultFound: number }>();
  const places = new Map<FaultPlace, { visits: number; foundThere: number }>();
  let repeats = 0;
  let unlinked = 0;
  for (const v of inside) {
    byFound[v.found]++;
    const earliest = v.visitedAt - REPEAT_WINDOW_DAYS * DAY_MS;
    if (
      (byModem.get(v.modemId) ?? []).some(
        (o) => o.id !== v.id && o.visitedAt < v.visitedAt && o.visitedAt >= earliest,
      )
    ) {
      repeats++;
    }
    const d = input.linked(v);
    if (!d) {
      unlinked++;
      continue;
    }
    const byV = verdicts.get(d.verdict) ?? { visits: 0, faultFound: 0 };
    byV.visits++;
    byV.faultFound += foundAFault(v.found) ? 1 : 0;
    verdicts.set(d.verdict, byV);
    if (d.place) {
      const byP = places.get(d.place) ?? { visits: 0, foundThere: 0 };
      byP.visits++;
      byP.foundThere += FOUND_AT_PLACE[d.place] === v.found ? 1 : 0;
      places.set(d.place, byP);
    }
  }
  const windowMs = windows.resolvedWithoutVisitDays * DAY_MS;
  const resolved = input.decisions.filter(
    (d) =>
      !d.dispatch.needed &&
      !(byModem.get(d.modemId) ?? []).some((v) => v.visitedAt > d.at && v.visitedAt <= d.at + windowMs),
  ).length;
  return {
    from: new Date(input.from).toISOString(),
    to: new Date(input.to).toISOString(),
    visits: inside.length,
    byFound,
    noFaultFound: rate(byFound.NO_FAULT_FOUND, inside.length),
    repeatVisits: rate(repeats, inside.length),
    unlinkedVisits: unlinked,
    byVerdict: VERDICTS.flatMap((verdict) => {
      const n = verdicts.get(verdict);
      return n ? [{ verdict, ...n, rate: ratio(n.faultFound, n.visits) }] : [];
    }),
    byPlace: FAULT_PLACES.flatMap((place): OutcomeKpis['byPlace'] => {
      const n = places.get(place);
      if (!n) {
        return [];
      }
      return FOUND_AT_PLACE[place] == null
        ? [{ place, visits: n.visits, foundThere: null, rate: null }]
        : [{ place, ...n, rate: ratio(n.foundThere, n.visits) }];
    }),
    resolvedWithoutVisit: {
      ...rate(resolved, input.decisions.length),
      windowDays: windows.resolvedWithoutVisitDays,
    },
  };
}

/** For the visits in range that found no fault: the finding codes of the decisions that sent them, most often first. */
export function thresholdReport(input: Omit<KpiInput, 'decisions'>): ThresholdReport {
  const codes = new Map<string, ThresholdReport['codes'][number]>();
  let noFaultVisits = 0;
  for (const v of input.visits) {
    const d = inRange(input, v.visitedAt) ? input.linked(v) : null;
    if (!d) {
      continue;
    }
    const noFault = v.found === 'NO_FAULT_FOUND';
    noFaultVisits += noFault ? 1 : 0;
    for (const f of d.findings) {
      const key = `${f.code}/${f.severity}`;
      const row = codes.get(key) ?? { ...f, noFaultVisits: 0, visits: 0, noFaultShare: null };
      row.visits++;
      row.noFaultVisits += noFault ? 1 : 0;
      codes.set(key, row);
    }
  }
  return {
    from: new Date(input.from).toISOString(),
    to: new Date(input.to).toISOString(),
    noFaultVisits,
    codes: [...codes.values()]
      .filter((c) => c.noFaultVisits > 0)
      .map((c) => ({ ...c, noFaultShare: ratio(c.noFaultVisits, c.visits) }))
      .sort(
        (a, b) =>
          b.noFaultVisits - a.noFaultVisits ||
          (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
          (a.severity < b.severity ? -1 : a.severity > b.severity ? 1 : 0),
      ),
  };
}
