import { FOUND_AT_PLACE, type VisitFound } from '../src/domain/visit';
import { simPlant, type SimModemView, type SimPlant } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 16's outcome loop through HTTP: line checks fill the decision log, the field reports visits (one by one and
// as CSV), and GET /kpis gives the figures computed here by hand. Refused records change nothing.

const FLEET = {
  SIMULATOR_MODEMS: '20',
  SIMULATOR_SERVICE_GROUP_SIZE: '20',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '1',
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
  SIMULATOR_CMTS_DIALECT_MIX: 'docsis30=1',
  CMTS_SNAPSHOT_TTL_SEC: '1',
  // No re-poll of an unconfirmed fault: the readings stay the ones the test diagnosed.
  DISPATCH_RECHECK_AFTER_SEC: '0',
};

interface Diagnosis {
  modemId: string;
  observedAt: string;
  verdict: string;
  findings: { code: string; severity: string }[];
  location?: { place: keyof typeof FOUND_AT_PLACE };
  dispatch: { needed: boolean };
}

/** The (code, severity) pairs of a diagnosis' FAULT and MARGINAL findings, each once. */
function findingKeys(d: Diagnosis): string[] {
  return [...new Set(d.findings.filter((f) => f.severity !== 'INFO').map((f) => `${f.code}/${f.severity}`))];
}

describe.each(['redis', 'memory'] as const)('visits and outcome KPIs (%s store)', (store) => {
  let t: TestApp;
  let modems: SimModemView[];
  let plant: SimPlant;
  const d: Diagnosis[] = [];
  let visitedAt: string;

  const kpis = async () => (await t.http().get('/api/v1/kpis').expect(200)).body;
  /** The KPIs without their range, which moves with the clock. */
  const figures = async () => {
    const { from: _from, to: _to, ...rest } = await kpis();
    return rest as Record<string, unknown>;
  };
  const postVisit = (id: string, body: object) => t.http().post(`/api/v1/modems/${id}/visits`).send(body);
  const importCsv = (csv: string) =>
    t.http().post('/api/v1/visits/import').set('Content-Type', 'text/csv').send(csv);

  beforeAll(async () => {
    t = await startTestApp(store, FLEET);
    plant = simPlant(t);
    modems = (await plant.modems()).slice(0, 4);
    await plant.setModem(modems[1].id, 'DS_SNR_FAULT');
    await plant.setModem(modems[3].id, 'DS_SNR_FAULT');
    for (const m of modems) {
      d.push(await plant.diagnose(m.id));
    }
    // A cache answer of the same reading adds no decision.
    expect((await plant.diagnose(modems[0].id, 3600)).observedAt).toBe(d[0].observedAt);
    visitedAt = new Date().toISOString();
  });
  afterAll(() => t.close());

  it('starts with the decisions logged and no visits: rates null, not 0', async () => {
    expect(d.map((x) => [x.verdict, x.dispatch.needed])).toEqual([
      ['TEXTBOOK_OK', false],
      ['LINE_FAULT', true],
      ['TEXTBOOK_OK', false],
      ['LINE_FAULT', true],
    ]);
    const k = await kpis();
    expect(k.visits).toBe(0);
    expect(k.noFaultFound).toEqual({ count: 0, of: 0, rate: null });
    expect(k.repeatVisits).toEqual({ count: 0, of: 0, rate: null });
    // Four decisions (the cache answer not counted); both that sent nobody are resolved so far.
    expect(k.resolvedWithoutVisit).toEqual({ count: 2, of: 4, rate: 0.5, windowDays: 7 });
  });

  it('records a visit linked to the latest diagnosis, and the same externalId again changes nothing', async () => {
    const body = { externalId: 'FS-1', visitedAt, found: 'NO_FAULT_FOUND', technician: 'Jan' };
    const created = await postVisit(modems[1].id, body).expect(201);
    expect(created.body).toMatchObject({
      modemId: modems[1].id,
      externalId: 'FS-1',
      found: 'NO_FAULT_FOUND',
      fixed: null,
      technician: 'Jan',
      diagnosisAt: d[1].observedAt,
    });
    const again = await postVisit(modems[1].id, body).expect(200);
    expect(again.body).toEqual(created.body);
    const clash = await postVisit(modems[1].id, { ...body, found: 'DROP' }).expect(409);
    expect(clash.body).toMatchObject({ externalId: 'FS-1', visitId: created.body.id });
    expect((await t.http().get(`/api/v1/modems/${modems[1].id}/visits`).expect(200)).body).toEqual([
      created.body,
    ]);
  });

  it('records a CSV of visits, and the KPIs are the figures computed by hand', async () => {
    const place = d[3].location?.place ?? null;
    // m3's technician finds the fault where the diagnosis placed it (DROP when it placed it nowhere).
    const m3Found: VisitFound = (place && FOUND_AT_PLACE[place]) ?? 'DROP';
    const csv =
      'modemId,externalId,visitedAt,found,fixed,technician,diagnosisAt\n' +
      `${modems[3].id},FS-2,${visitedAt},${m3Found},"new connector, ground block",Ola,${d[3].observedAt}\n` +
      `${modems[2].id},,${visitedAt},CUSTOMER_EQUIPMENT,,,\n`;
    expect((await importCsv(csv).expect(200)).body).toEqual({ received: 2, created: 2, duplicates: 0 });

    const k = await kpis();
    expect(k).toMatchObject({
      visits: 3,
      byFound: {
        NO_FAULT_FOUND: 1,
        HOME_WIRING: m3Found === 'HOME_WIRING' ? 1 : 0,
        DROP: m3Found === 'DROP' ? 1 : 0,
        TAP_OR_AMPLIFIER: m3Found === 'TAP_OR_AMPLIFIER' ? 1 : 0,
        PLANT: m3Found === 'PLANT' ? 1 : 0,
        MODEM: 0,
        CUSTOMER_EQUIPMENT: 1,
        OTHER: 0,
      },
      noFaultFound: { count: 1, of: 3, rate: 0.3333 },
      repeatVisits: { count: 0, of: 3, rate: 0 },
      unlinkedVisits: 0,
      // m2's visit (CUSTOMER_EQUIPMENT) found no fault; of the two LINE_FAULT visits, m3's did.
      byVerdict: [
        { verdict: 'TEXTBOOK_OK', visits: 1, faultFound: 0, rate: 0 },
        { verdict: 'LINE_FAULT', visits: 2, faultFound: 1, rate: 0.5 },
      ],
      // m0 sent nobody and had no visit; m2 sent nobody but had one.
      resolvedWithoutVisit: { count: 1, of: 4, rate: 0.25, windowDays: 7 },
    });
    // m1 and m3 ran the same scenario: the same predicted place, found there by m3's visit only.
    const expectedPlaces =
      place == null
        ? []
        : [
            FOUND_AT_PLACE[place] == null
              ? { place, visits: 2, foundThere: null, rate: null }
              : { place, visits: 2, foundThere: 1, rate: 0.5 },
          ];
    expect(d[1].location?.place ?? null).toBe(place);
    expect(k.byPlace).toEqual(expectedPlaces);

    // The threshold report: m1's findings sent the one no-fault visit; m3's same findings sent a visit that found it.
    const report = (await t.http().get('/api/v1/kpis/thresholds').expect(200)).body;
    const codes = findingKeys(d[1]);
    expect(codes.length).toBeGreaterThan(0);
    expect(findingKeys(d[3])).toEqual(codes);
    expect(report.noFaultVisits).toBe(1);
    expect(
      report.codes.map((c: { code: string; severity: string }) => `${c.code}/${c.severity}`).sort(),
    ).toEqual([...codes].sort());
    for (const c of report.codes) {
      expect(c).toMatchObject({ noFaultVisits: 1, visits: 2, noFaultShare: 0.5 });
    }

    const metrics = (await t.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^linecheck_visits_total\{found="NO_FAULT_FOUND"\} 1$/m);
    expect(metrics).toMatch(/^linecheck_visits_total\{found="CUSTOMER_EQUIPMENT"\} 1$/m);
    expect(metrics).toMatch(/^linecheck_visits_no_fault_found_ratio 0\.3333$/m);
    expect(metrics).toMatch(/^linecheck_visits_repeat_ratio 0$/m);
  });

  it('refuses bad visit records naming the field, and changes nothing', async () => {
    const before = await figures();
    const good = { visitedAt, found: 'DROP' };
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const cases: [object, string][] = [
      [{ ...good, found: 'BROKEN' }, 'found'],
      [{ visitedAt }, 'found'],
      [{ ...good, visitedAt: 'yesterday' }, 'visitedAt'],
      [{ ...good, visitedAt: future }, 'visitedAt'],
      [{ ...good, externalId: 'has space' }, 'externalId'],
      [{ ...good, fixed: 'x'.repeat(501) }, 'fixed'],
      [{ ...good, technician: 'x'.repeat(121) }, 'technician'],
      [{ ...good, diagnosisAt: '2020-01-01T00:00:00Z' }, 'diagnosisAt'],
      [{ ...good, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await postVisit(modems[0].id, body).expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    }
    await postVisit('no-such-modem', good).expect(404);
    const badId = await postVisit('bad id!', good).expect(400);
    expect(badId.body.fields[0].field).toBe('id');
    expect((await t.http().get(`/api/v1/modems/${modems[0].id}/visits`).expect(200)).body).toEqual([]);
    expect(await figures()).toEqual(before);
  });

  it('a CSV with one bad row records nothing and names the row by its line; a duplicate externalId changes nothing', async () => {
    const before = await figures();
    const header = 'modemId,externalId,visitedAt,found,fixed,technician,diagnosisAt\n';
    const bad = await importCsv(
      header +
        `${modems[0].id},FS-3,${visitedAt},DROP,,,\n` +
        `${modems[0].id},FS-4,${visitedAt},BROKEN,,,\n` +
        `no-such-modem,FS-5,${visitedAt},DROP,,,\n`,
    ).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual([
      'line 3: found',
      'line 4: modemId',
    ]);
    expect((await importCsv('modemId,foundAt\nx,y\n').expect(400)).body.fields[0].field).toBe('body');

    // FS-1 again as it was recorded: a duplicate, nothing new.
    const dup = await importCsv(header + `${modems[1].id},FS-1,${visitedAt},NO_FAULT_FOUND,,Jan,\n`).expect(
      200,
    );
    expect(dup.body).toEqual({ received: 1, created: 0, duplicates: 1 });
    // FS-1 with another find, beside a good row: the whole file is refused.
    await importCsv(
      header +
        `${modems[0].id},FS-6,${visitedAt},DROP,,,\n` +
        `${modems[1].id},FS-1,${visitedAt},DROP,,Jan,\n`,
    ).expect(409);

    expect((await t.http().get(`/api/v1/modems/${modems[0].id}/visits`).expect(200)).body).toEqual([]);
    expect(await figures()).toEqual(before);
  });

  it('refuses a bad KPI range, naming the field', async () => {
    const reversed = await t
      .http()
      .get('/api/v1/kpis?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z')
      .expect(400);
    expect(reversed.body.fields[0].field).toBe('from');
    const garbled = await t.http().get('/api/v1/kpis/thresholds?to=tomorrow').expect(400);
    expect(garbled.body.fields[0].field).toBe('to');
  });

  it('audits the visits recorded', async () => {
    const audit = (await t.http().get('/api/v1/audit').expect(200)).body;
    const entries: { action: string; outcome: string }[] = audit.items ?? audit;
    expect(entries.filter((e) => e.action === 'visit.record').map((e) => e.outcome)).toEqual(
      expect.arrayContaining(['created', 'duplicate', 'conflict']),
    );
    expect(entries.filter((e) => e.action === 'visits.import').map((e) => e.outcome)).toEqual(
      expect.arrayContaining(['ok', 'refused', 'conflict']),
    );
  });
});
