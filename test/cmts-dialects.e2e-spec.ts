import { inNode, simPlant, type SimModemView, type SimPlant } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// CMTS dialects through HTTP against the simulated CMTSes: a DOCS-IF3 CMTS, an RFC 4546 one (rows of offline
// modems stay, and one where they vanish) and a blind one that exposes no modem table. On the Redis store, as in
// production; every diagnosis here asks maxAgeSec=0, which walks the CMTS again, so none waits out the snapshot TTL.

const FLEET = {
  SIMULATOR_MODEMS: '80',
  SIMULATOR_SERVICE_GROUP_SIZE: '10',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_CMTS: 'sim-cmts-1=docsis30,sim-cmts-2=rfc4546,sim-cmts-3=blind,sim-cmts-4=rfc4546/vanish',
  CMTS_SNAPSHOT_TTL_SEC: '1',
};

describe('CMTS dialects (Redis store)', () => {
  let t: TestApp;
  let modems: SimModemView[];
  let plant: SimPlant;

  beforeAll(async () => {
    t = await startTestApp('redis', FLEET);
    plant = simPlant(t);
    modems = await plant.modems();
  });
  afterAll(() => t.close());

  const requests = async (id: string): Promise<number> =>
    (await t.http().get(`/api/v1/simulator/modems/${id}`).expect(200)).body.requests;

  it('the simulator shows each CMTS’s dialect', async () => {
    const res = await t.http().get('/api/v1/simulator/cmts').expect(200);
    expect(res.body.items).toEqual([
      { id: 'sim-cmts-1', dialect: 'docsis30', offlineRows: 'stay', modems: 20 },
      { id: 'sim-cmts-2', dialect: 'rfc4546', offlineRows: 'stay', modems: 20 },
      { id: 'sim-cmts-3', dialect: 'blind', offlineRows: 'stay', modems: 20 },
      { id: 'sim-cmts-4', dialect: 'rfc4546', offlineRows: 'vanish', modems: 20 },
    ]);
  });

  it('discovery of a DOCS-IF3 CMTS: docsIf3 tables, no warnings', async () => {
    const res = await t.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ rows: 20, updated: 20, groups: 2, modemTables: 'docsIf3', warnings: [] }),
    );
  });

  it('discovery of an RFC 4546 CMTS: every modem, nodes grouped by upstream channel, and it says so', async () => {
    const res = await t.http().post('/api/v1/cmts/sim-cmts-2/discover').expect(200);
    expect(res.body).toEqual(
      expect.objectContaining({ rows: 20, updated: 20, unmatched: 0, groups: 2, modemTables: 'rfc4546' }),
    );
    expect(res.body.missingObjects).toEqual(
      expect.arrayContaining(['docsIf3CmtsCmRegStatusTable', 'docsIf3CmtsCmUsStatusTable']),
    );
    expect(res.body.warnings.join(' ')).toMatch(/grouped by upstream channel/);
    const cmts = await t.http().get('/api/v1/cmts/sim-cmts-2').expect(200);
    expect(cmts.body.modemTables).toBe('rfc4546');
  });

  it('a healthy modem on an RFC 4546 CMTS is polled and TEXTBOOK_OK; its node is grouped by upstream channel', async () => {
    const m = inNode(modems, 'sim-cmts-2', '1000.1')[1];
    const before = await requests(m.id);
    const res = await plant.diagnose(m.id);
    expect(res).toEqual(expect.objectContaining({ verdict: 'TEXTBOOK_OK', subKinds: [] }));
    expect(await requests(m.id)).toBeGreaterThan(before);
    const nodes = await t.http().get('/api/v1/nodes?cmtsId=sim-cmts-2').expect(200);
    expect(nodes.body.items).toHaveLength(2);
    for (const node of nodes.body.items) {
      expect(node).toEqual(
        expect.objectContaining({ groupedBy: 'upstreamChannels', state: 'OK', modems: 10, offline: 0 }),
      );
      expect(node.serviceGroupId).toMatch(/^us:\d+$/);
    }
    const one = await t
      .http()
      .get(`/api/v1/nodes/sim-cmts-2/${encodeURIComponent(nodes.body.items[0].serviceGroupId)}`)
      .expect(200);
    expect(one.body.groupedBy).toBe('upstreamChannels');
  });

  it('discovery of a blind CMTS answers with a warning naming what is missing', async () => {
    const res = await t.http().post('/api/v1/cmts/sim-cmts-3/discover').expect(200);
    expect(res.body).toEqual(expect.objectContaining({ rows: 0, groups: 0, modemTables: 'none' }));
    expect(res.body.warnings[0]).toMatch(/sim-cmts-3 exposes no modem table/);
    expect(res.body.warnings[0]).toMatch(/docsIf3CmtsCmRegStatusTable/);
    expect(res.body.warnings[0]).toMatch(/docsIfCmtsCmStatusTable/);
    const cmts = await t.http().get('/api/v1/cmts/sim-cmts-3').expect(200);
    expect(cmts.body).toEqual(
      expect.objectContaining({
        modemTables: 'none',
        missingObjects: expect.arrayContaining(['docsIf3CmtsCmRegStatusTable', 'docsIfCmtsCmStatusTable']),
      }),
    );
  });

  it('a modem on a blind CMTS is polled and diagnosed, and the answer says the headend gave no evidence', async () => {
    const m = inNode(modems, 'sim-cmts-3', '1000.1')[0];
    const before = await requests(m.id);
    const res = await plant.diagnose(m.id);
    expect(res.verdict).toBe('TEXTBOOK_OK');
    expect(await requests(m.id)).toBeGreaterThan(before);
    const noEvidence = res.findings.find((f: { code: string }) => f.code === 'CMTS_NO_EVIDENCE');
    expect(noEvidence).toEqual(expect.objectContaining({ severity: 'INFO' }));
    expect(noEvidence.message).toMatch(/sim-cmts-3 exposes no modem table/);
    expect(res.summary).toMatch(/whether its node is affected is unknown/);
  });

  it('an offline modem on a blind CMTS is polled, not called offline from an absent row', async () => {
    const m = inNode(modems, 'sim-cmts-3', '1000.2')[0];
    await plant.setModem(m.id, 'OFFLINE');
    const before = await requests(m.id);
    const res = await plant.diagnose(m.id);
    expect(await requests(m.id)).toBeGreaterThan(before);
    expect(res.verdict).toBe('INSUFFICIENT_DATA');
    expect(res.subKinds).toEqual(['NEIGHBOURS_UNKNOWN']);
    expect(res.summary).toMatch(
      /its CMTS sim-cmts-3 shows no modem table, so it cannot be told whether only this home/,
    );
    expect(res.summary).not.toMatch(/Only this modem|problem is at this home/);
    expect(res.findings.map((f: { code: string }) => f.code)).toEqual(
      expect.arrayContaining(['NO_RESPONSE', 'CMTS_NO_EVIDENCE']),
    );
  });

  it.each([
    ['sim-cmts-2', 'ACCESS_DENIED'],
    ['sim-cmts-1', 'FORWARDING_DISABLED'],
  ])('a modem the CMTS refuses (%s) is PROVISIONING_ISSUE [%s]: back office', async (cmtsId, subKind) => {
    const m = inNode(modems, cmtsId, '1000.2')[2];
    await plant.setModem(m.id, 'CMTS_ACCESS_DENIED');
    const sim = (await t.http().get(`/api/v1/simulator/modems/${m.id}`).expect(200)).body;
    expect(sim.expect.subKinds).toEqual([subKind]);
    const res = await plant.diagnose(m.id);
    expect(res).toEqual(
      expect.objectContaining({ verdict: 'PROVISIONING_ISSUE', subKinds: [subKind], action: 'BACK_OFFICE' }),
    );
    expect(res.summary).toMatch(/refused by the back office/);
  });

  it.each([
    ['sim-cmts-4', 'NODE_OUTAGE', 'rows vanish'],
    ['sim-cmts-2', 'NODE_OUTAGE_ROWS_REMAIN', 'rows stay as other(1)'],
  ])('a node outage on an RFC 4546 CMTS (%s, %s: %s) is PLANT_OUTAGE', async (cmtsId, scenario) => {
    const node = inNode(modems, cmtsId, '1000.1');
    await plant.setNode(cmtsId, '1000.1', scenario);
    try {
      const res = await plant.diagnose(node[0].id);
      expect(res).toEqual(
        expect.objectContaining({
          verdict: 'PLANT_OUTAGE',
          subKinds: ['SERVICE_GROUP_OUTAGE'],
          action: 'ESCALATE_TO_NOC',
        }),
      );
      expect(res.summary).toMatch(/7 of 9 other modems on the upstream channels \d+ of sim-cmts-\d/);
      expect(res.summary).toMatch(/grouped by upstream channel/);
    } finally {
      await plant.setNode(cmtsId, '1000.1', 'NONE');
    }
  });

  it('an offline modem on an RFC 4546 CMTS whose rows vanish is MODEM_OFFLINE, its neighbours counted', async () => {
    const m = inNode(modems, 'sim-cmts-4', '1000.2')[4];
    await plant.setModem(m.id, 'OFFLINE');
    const res = await plant.diagnose(m.id);
    expect(res.verdict).toBe('MODEM_OFFLINE');
    expect(res.summary).toMatch(/9 of 9 other modems on the same upstream channels are online/);
  });
});
