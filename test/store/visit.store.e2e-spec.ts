import type { DecisionRecord, Visit } from '../../src/domain/visit';
import { MemoryVisitStore } from '../../src/store/memory/memory-visit.store';
import { RedisVisitStore } from '../../src/store/redis/redis-visit.store';
import type { VisitStore } from '../../src/visits/visit.store';
import { BACKENDS, type Backend } from './store-fixtures';

const DAY = 86_400_000;

function decision(modemId: string, at: number, over: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    modemId,
    at,
    verdict: 'LINE_FAULT',
    subKinds: ['LOW_DS_SNR'],
    findings: [{ code: 'LOW_DS_SNR', severity: 'FAULT' }],
    place: 'DROP',
    dispatch: { needed: true, urgency: 'NEXT_AVAILABLE', skill: 'INSTALL_TECH', confirmed: true },
    ...over,
  };
}

function visit(id: string, modemId: string, visitedAt: number, over: Partial<Visit> = {}): Visit {
  return {
    id,
    modemId,
    externalId: null,
    visitedAt,
    found: 'DROP',
    fixed: null,
    technician: null,
    diagnosisAt: null,
    recordedAt: visitedAt + 1,
    ...over,
  };
}

describe.each(BACKENDS)('VisitStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: VisitStore;
  let clock: number;

  beforeEach(async () => {
    clock = 1_000 * DAY;
    backend = await open();
    store = backend.space
      ? new RedisVisitStore(backend.space, () => clock)
      : new MemoryVisitStore(() => clock);
  });
  afterEach(() => backend.close());

  it('keeps one decision per modem and reading, finds them by ref, range and latest, and drops them past retention', async () => {
    expect(await store.recordDecision(decision('cm-1', clock - 3 * DAY), 10 * 86400)).toBe(true);
    expect(
      await store.recordDecision(decision('cm-1', clock - 3 * DAY, { verdict: 'MARGINAL' }), 10 * 86400),
    ).toBe(false);
    await store.recordDecision(decision('cm-1', clock - DAY, { place: null }), 10 * 86400);
    await store.recordDecision(decision('cm-2', clock - 2 * DAY), 10 * 86400);

    expect(
      await store.decisions([
        { modemId: 'cm-1', at: clock - 3 * DAY },
        { modemId: 'cm-1', at: 5 },
      ]),
    ).toEqual([decision('cm-1', clock - 3 * DAY), null]);
    expect((await store.decisionsBetween(clock - 3 * DAY, clock - DAY)).map((d) => d.modemId)).toEqual([
      'cm-1',
      'cm-2',
    ]);
    expect(await store.latestDecision('cm-1', clock - 5 * DAY, clock - 2 * DAY)).toEqual(
      decision('cm-1', clock - 3 * DAY),
    );
    expect(await store.latestDecision('cm-1', clock - 5 * DAY, clock)).toEqual(
      decision('cm-1', clock - DAY, { place: null }),
    );
    expect(await store.latestDecision('cm-3', 0, clock)).toBeNull();

    // Past retention: the next write drops the old ones, from every index.
    clock += 8 * DAY;
    await store.recordDecision(decision('cm-3', clock), 10 * 86400);
    expect(
      (await store.decisionsBetween(0, clock + 1)).map((d) => `${d.modemId}@${(d.at - clock) / DAY}`),
    ).toEqual(['cm-2@-10', 'cm-1@-9', 'cm-3@0']);
    expect(await store.latestDecision('cm-1', 0, clock - 10 * DAY)).toBeNull();
    expect(await store.decisions([{ modemId: 'cm-1', at: clock - 11 * DAY }])).toEqual([null]);
  });

  it('records visits, by modem and by time, and dedupes them by external id, all or nothing', async () => {
    const a = visit('v1', 'cm-1', clock - 2 * DAY, { externalId: 'FS-1', technician: 'Jan' });
    const b = visit('v2', 'cm-2', clock - DAY);
    expect(
      await store.recordVisits([
        { visit: a, content: 'a' },
        { visit: b, content: 'b' },
      ]),
    ).toEqual([
      { outcome: 'created', visit: a },
      { outcome: 'created', visit: b },
    ]);
    // The same external id with the same content: the stored visit, nothing new.
    const again = visit('v3', 'cm-1', clock - 2 * DAY, { externalId: 'FS-1', technician: 'Jan' });
    const c = visit('v4', 'cm-1', clock, { externalId: 'FS-2' });
    expect(
      await store.recordVisits([
        { visit: again, content: 'a' },
        { visit: c, content: 'c' },
      ]),
    ).toEqual([
      { outcome: 'duplicate', visit: a },
      { outcome: 'created', visit: c },
    ]);
    // Other content under a stored external id: a conflict, and nothing of the write is stored.
    const d = visit('v5', 'cm-3', clock, { externalId: 'FS-3' });
    const clash = visit('v6', 'cm-1', clock, { externalId: 'FS-1', found: 'PLANT' });
    expect(
      await store.recordVisits([
        { visit: d, content: 'd' },
        { visit: clash, content: 'x' },
      ]),
    ).toEqual([
      { outcome: 'created', visit: d },
      { outcome: 'conflict', visit: a },
    ]);
    // Twice in one write: the second is a duplicate of the first, or a conflict with it.
    const e1 = visit('v7', 'cm-4', clock, { externalId: 'FS-4' });
    const e2 = visit('v8', 'cm-4', clock, { externalId: 'FS-4' });
    expect(
      await store.recordVisits([
        { visit: e1, content: 'e' },
        { visit: e2, content: 'e2' },
      ]),
    ).toEqual([
      { outcome: 'created', visit: e1 },
      { outcome: 'conflict', visit: e1 },
    ]);
    expect(
      await store.recordVisits([
        { visit: e1, content: 'e' },
        { visit: e2, content: 'e' },
      ]),
    ).toEqual([
      { outcome: 'created', visit: e1 },
      { outcome: 'duplicate', visit: e1 },
    ]);

    expect((await store.visitsOf('cm-1')).map((v) => v.id)).toEqual(['v1', 'v4']);
    expect(await store.visitsOf('cm-3')).toEqual([]);
    expect((await store.visitsBetween(clock - 2 * DAY, clock)).map((v) => v.id)).toEqual(['v1', 'v2']);
    expect((await store.visitsBetween(clock - DAY, clock + 1)).map((v) => v.id)).toEqual(['v2', 'v4', 'v7']);
  });
});
