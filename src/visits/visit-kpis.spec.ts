import type { DecisionRecord, Visit, VisitFound } from '../domain/visit';
import { outcomeKpis, thresholdReport } from './visit-kpis';

const DAY = 86_400_000;
const D0 = 100 * DAY;
const FROM = D0;
const TO = D0 + 10 * DAY;

function decision(modemId: string, day: number, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    modemId,
    at: D0 + day * DAY,
    verdict: 'TEXTBOOK_OK',
    subKinds: [],
    findings: [],
    place: null,
    dispatch: { needed: false, urgency: 'NONE', skill: 'NONE', confirmed: false },
    ...over,
  };
}

const NEEDED = { needed: true, urgency: 'NEXT_AVAILABLE', skill: 'INSTALL_TECH', confirmed: true } as const;

// Six decisions in range; d7 is older (before `from`) but still sends a visit in range.
const d1 = decision('cm-1', 1, {
  verdict: 'LINE_FAULT',
  place: 'DROP',
  findings: [{ code: 'LOW_DS_SNR', severity: 'FAULT' }],
  dispatch: NEEDED,
});
const d2 = decision('cm-2', 2, {
  verdict: 'MARGINAL',
  place: 'HOME',
  findings: [
    { code: 'HIGH_CORRECTED', severity: 'MARGINAL' },
    { code: 'LOW_DS_SNR', severity: 'MARGINAL' },
  ],
  dispatch: NEEDED,
});
const d3 = decision('cm-3', 3);
const d4 = decision('cm-4', 4);
const d5 = decision('cm-5', 9);
const d6 = decision('cm-6', 5, {
  verdict: 'LINE_FAULT',
  place: 'UNKNOWN',
  findings: [{ code: 'T3_T4_TIMEOUTS', severity: 'FAULT' }],
  dispatch: NEEDED,
});
const d7 = decision('cm-7', -1, {
  verdict: 'LINE_FAULT',
  place: 'HOME',
  findings: [{ code: 'LOW_DS_SNR', severity: 'FAULT' }],
  dispatch: NEEDED,
});

function visit(id: string, modemId: string, day: number, found: VisitFound, d: DecisionRecord | null): Visit {
  return {
    id,
    modemId,
    externalId: null,
    visitedAt: D0 + day * DAY,
    found,
    fixed: null,
    technician: null,
    diagnosisAt: d?.at ?? null,
    recordedAt: D0 + day * DAY,
  };
}

const VISITS = [
  visit('v0', 'cm-1', -10, 'DROP', null), // before the range: makes v1 a repeat
  visit('v1', 'cm-1', 2, 'DROP', d1),
  visit('v2', 'cm-2', 3, 'NO_FAULT_FOUND', d2),
  visit('v3', 'cm-3', 5, 'CUSTOMER_EQUIPMENT', d3), // 2 days after d3: d3 is not resolved without a visit
  visit('v4', 'cm-6', 6, 'TAP_OR_AMPLIFIER', d6),
  visit('v5', 'cm-2', 8, 'NO_FAULT_FOUND', null), // no decision in the log; a repeat of v2
  visit('v6', 'cm-5', 17, 'PLANT', null), // after the range, 8 days after d5: d5 still resolved
  visit('v7', 'cm-7', 9, 'HOME_WIRING', d7),
];
const DECISIONS = [d1, d2, d3, d4, d5, d6];
const ALL = [...DECISIONS, d7];

function linked(v: Visit): DecisionRecord | null {
  return ALL.find((d) => d.modemId === v.modemId && d.at === v.diagnosisAt) ?? null;
}

describe('outcomeKpis', () => {
  it('gives the figures computed by hand', () => {
    const k = outcomeKpis(
      { from: FROM, to: TO, visits: VISITS, decisions: DECISIONS, linked },
      { resolvedWithoutVisitDays: 7 },
    );
    expect(k).toEqual({
      from: new Date(FROM).toISOString(),
      to: new Date(TO).toISOString(),
      // v1, v2, v3, v4, v5, v7
      visits: 6,
      byFound: {
        NO_FAULT_FOUND: 2,
        HOME_WIRING: 1,
        DROP: 1,
        TAP_OR_AMPLIFIER: 1,
        PLANT: 0,
        MODEM: 0,
        CUSTOMER_EQUIPMENT: 1,
        OTHER: 0,
      },
      noFaultFound: { count: 2, of: 6, rate: 0.3333 },
      // v1 (v0 12 days before), v5 (v2 5 days before)
      repeatVisits: { count: 2, of: 6, rate: 0.3333 },
      unlinkedVisits: 1,
      byVerdict: [
        { verdict: 'TEXTBOOK_OK', visits: 1, faultFound: 0, rate: 0 },
        { verdict: 'MARGINAL', visits: 1, faultFound: 0, rate: 0 },
        { verdict: 'LINE_FAULT', visits: 3, faultFound: 3, rate: 1 },
      ],
      byPlace: [
        { place: 'HOME', visits: 2, foundThere: 1, rate: 0.5 },
        { place: 'DROP', visits: 1, foundThere: 1, rate: 1 },
        { place: 'UNKNOWN', visits: 1, foundThere: null, rate: null },
      ],
      // d4 (no visit) and d5 (its visit 8 days later) of six
      resolvedWithoutVisit: { count: 2, of: 6, rate: 0.3333, windowDays: 7 },
    });
  });

  it('a longer window takes d5 back: its visit came within it', () => {
    const k = outcomeKpis(
      { from: FROM, to: TO, visits: VISITS, decisions: DECISIONS, linked },
      { resolvedWithoutVisitDays: 8 },
    );
    expect(k.resolvedWithoutVisit).toEqual({ count: 1, of: 6, rate: 0.1667, windowDays: 8 });
  });

  it('gives null rates, never NaN or 0, when nothing is in range', () => {
    const k = outcomeKpis(
      { from: TO + 100 * DAY, to: TO + 110 * DAY, visits: VISITS, decisions: [], linked },
      { resolvedWithoutVisitDays: 7 },
    );
    expect(k.visits).toBe(0);
    expect(k.noFaultFound).toEqual({ count: 0, of: 0, rate: null });
    expect(k.repeatVisits).toEqual({ count: 0, of: 0, rate: null });
    expect(k.resolvedWithoutVisit).toEqual({ count: 0, of: 0, rate: null, windowDays: 7 });
    expect(k.byVerdict).toEqual([]);
    expect(k.byPlace).toEqual([]);
    expect(JSON.stringify(k)).not.toMatch(/NaN/);
  });
});

describe('thresholdReport', () => {
  it('lists the findings that sent visits which found no fault, most often first, with their no-fault share', () => {
    const more = [
      ...VISITS,
      // another no-fault visit sent by a HIGH_CORRECTED marginal: 2 of 2 such visits found nothing
      visit('v8', 'cm-8', 4, 'NO_FAULT_FOUND', null),
    ];
    const d8 = decision('cm-8', 3, {
      verdict: 'MARGINAL',
      findings: [{ code: 'HIGH_CORRECTED', severity: 'MARGINAL' }],
    });
    more[more.length - 1] = { ...more[more.length - 1], diagnosisAt: d8.at };
    const r = thresholdReport({
      from: FROM,
      to: TO,
      visits: more,
      linked: (v) => (v.modemId === 'cm-8' ? d8 : linked(v)),
    });
    expect(r).toEqual({
      from: new Date(FROM).toISOString(),
      to: new Date(TO).toISOString(),
      // v2 and v8; v5 has no decision
      noFaultVisits: 2,
      codes: [
        { code: 'HIGH_CORRECTED', severity: 'MARGINAL', noFaultVisits: 2, visits: 2, noFaultShare: 1 },
        // LOW_DS_SNR as a MARGINAL finding (v2) only; as a FAULT (v1, v7) it sent no visit that found nothing
        { code: 'LOW_DS_SNR', severity: 'MARGINAL', noFaultVisits: 1, visits: 1, noFaultShare: 1 },
      ],
    });
  });
});
