import { inNode, simPlant, type SimModemView, type SimPlant } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// The CMTS view through HTTP against the simulated CMTS: inventory and discovery, node-level scenarios, the cost
// of one diagnosis at the CMTS, the router behind the modem, the timeline and the node view. On the Redis store, as
// in production (the store contract suite holds the in-process store to the same behaviour).

const FLEET = {
  SIMULATOR_MODEMS: '80',
  SIMULATOR_SERVICE_GROUP_SIZE: '20',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
  SIMULATOR_V3_SHARE: '0',
  // Node scenarios change many rows at once: a short snapshot life keeps the node views close to them (diagnoses
  // with maxAgeSec=0 walk the CMTS again anyway).
  CMTS_SNAPSHOT_TTL_SEC: '1',
};

describe('CMTS view (Redis store)', () => {
  let t: TestApp;
  let modems: SimModemView[];
  let plant: SimPlant;

  beforeAll(async () => {
    t = await startTestApp('redis', FLEET);
    plant = simPlant(t);
    modems = await plant.modems();
  });
  afterAll(() => t.close());

  it('registered the simulated CMTSes and discovered every modem into its node', async () => {
    const list = await t.http().get('/api/v1/cmts').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual(['sim-cmts-1', 'sim-cmts-2']);
    const found = await t.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);
    expect(found.body).toEqual(
      expect.objectContaining({
        cmtsId: 'sim-cmts-1',
        rows: 40,
        updated: 40,
        created: 0,
        unmatched: 0,
        groups: 2,
      }),
    );
    const modem = await t.http().get('/api/v1/modems/sim-cm-00001').expect(200);
    expect(modem.body.cmtsId).toBe('sim-cmts-1');
  });

  it('a node outage where rows vanish: the offline modem is PLANT_OUTAGE, its surviving neighbour is fine', async () => {
    const node = inNode(modems, 'sim-cmts-1', '1000.1');
    await plant.setNode('sim-cmts-1', '1000.1', 'NODE_OUTAGE');
    try {
      const lost = await plant.diagnose(node[0].id);
      expect(lost).toEqual(
        expect.objectContaining({
          verdict: 'PLANT_OUTAGE',
          subKinds: ['SERVICE_GROUP_OUTAGE'],
          action: 'ESCALATE_TO_NOC',
        }),
      );
      expect(lost.summary).toMatch(/15 of 19 other modems/);
      const survivor = await plant.diagnose(node[node.length - 1].id);
      expect(survivor.verdict).toBe('TEXTBOOK_OK');

      const view = await t.http().get('/api/v1/nodes/sim-cmts-1/1000.1').expect(200);
      expect(view.body).toEqual(
        expect.objectContaining({ state: 'OUTAGE', modems: 20, offline: 16, offlineShare: 0.8 }),
      );
      expect(view.body.byVerdict).toEqual({ PLANT_OUTAGE: 1, TEXTBOOK_OK: 1 });
      expect(view.body.worst[0]).toEqual(
        expect.objectContaining({ modemId: node[0].id, verdict: 'PLANT_OUTAGE' }),
      );
      const worst = await t.http().get('/api/v1/nodes?sort=worst').expect(200);
      expect(worst.body.items[0]).toEqual(
        expect.objectContaining({ cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' }),
      );
    } finally {
      await plant.setNode('sim-cmts-1', '1000.1', 'NONE');
    }
  });

  it('a node outage where rows stay as other(1) is a PLANT_OUTAGE too', async () => {
    const node = inNode(modems, 'sim-cmts-1', '1000.2');
    await plant.setNode('sim-cmts-1', '1000.2', 'NODE_OUTAGE_ROWS_REMAIN');
    try {
      expect(await plant.diagnose(node[1].id)).toEqual(
        expect.objectContaining({
          verdict: 'PLANT_OUTAGE',
          subKinds: ['SERVICE_GROUP_OUTAGE'],
          action: 'ESCALATE_TO_NOC',
        }),
      );
    } finally {
      await plant.setNode('sim-cmts-1', '1000.2', 'NONE');
    }
  });

  it('return-path ingress on one node: LOW_US_SNR shared by the node is NODE_WIDE, escalated, no house call', async () => {
    const node = inNode(modems, 'sim-cmts-2', '1000.1');
    await plant.setNode('sim-cmts-2', '1000.1', 'RETURN_PATH_INGRESS');
    try {
      const res = await plant.diagnose(node[2].id);
      expect(res).toEqual(expect.objectContaining({ verdict: 'LINE_FAULT', action: 'ESCALATE_TO_NOC' }));
      expect(res.subKinds).toEqual(expect.arrayContaining(['LOW_US_SNR', 'NODE_WIDE']));
      const elsewhere = await plant.diagnose(inNode(modems, 'sim-cmts-2', '1000.2')[0].id);
      expect(elsewhere.verdict).toBe('TEXTBOOK_OK');
    } finally {
      await plant.setNode('sim-cmts-2', '1000.1', 'NONE');
    }
  });

  it('a single offline modem is MODEM_OFFLINE and says how many neighbours are fine; it is not polled', async () => {
    const m = inNode(modems, 'sim-cmts-2', '1000.2')[3];
    await t.http().put(`/api/v1/simulator/modems/${m.id}/scenario`).send({ scenario: 'OFFLINE' }).expect(200);
    const before = (await t.http().get(`/api/v1/simulator/modems/${m.id}`).expect(200)).body.requests;
    const res = await plant.diagnose(m.id);
    expect(res).toEqual(
      expect.objectContaining({ verdict: 'MODEM_OFFLINE', action: 'CHECK_POWER_AND_CABLING' }),
    );
    expect(res.summary).toMatch(/19 of 19 other modems/);
    expect((await t.http().get(`/api/v1/simulator/modems/${m.id}`).expect(200)).body.requests).toBe(before);
  });

  it('names the router behind a healthy modem from its MAC vendor', async () => {
    const m = inNode(modems, 'sim-cmts-2', '1000.2')[5];
    const res = await plant.diagnose(m.id);
    expect(res.verdict).toBe('TEXTBOOK_OK');
    expect(res.summary).toMatch(
      /(TP-Link|AVM \(FRITZ!Box\)|NETGEAR|ASUS|Ubiquiti|Linksys) router is connected/,
    );
  });

  it('tells "yesterday it worked" from the stored history', async () => {
    const m = inNode(modems, 'sim-cmts-2', '1000.2')[6].id;
    await plant.diagnose(m);
    for (const scenario of ['DS_SNR_FAULT', 'OFFLINE', 'TEXTBOOK']) {
      await t.http().put(`/api/v1/simulator/modems/${m}/scenario`).send({ scenario }).expect(200);
      await plant.diagnose(m);
    }
    const res = await t.http().get(`/api/v1/modems/${m}/timeline?days=7`).expect(200);
    const kinds = res.body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['VERDICT_CHANGED', 'WENT_OFFLINE', 'BACK_ONLINE']));
    for (const e of res.body.events) {
      expect(e).toEqual(expect.objectContaining({ at: expect.any(String), evidence: expect.any(String) }));
    }
    await t.http().get(`/api/v1/modems/${m}/timeline?days=0`).expect(400);
  });
});

describe('CMTS cost and inventory', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('memory', { SIMULATOR_MODEMS: '40', SIMULATOR_V3_SHARE: '0' });
  });
  afterAll(() => t.close());

  const requests = async (): Promise<number> =>
    (await t.http().get('/api/v1/simulator/cmts/sim-cmts-1/requests').expect(200)).body.requests;

  it('while a fresh enough CMTS snapshot is cached, one diagnosis costs exactly one CMTS request', async () => {
    await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=0').expect(200);
    // Never diagnosed, so each is checked now; the snapshot of a moment ago is young enough for maxAgeSec=30.
    for (const id of ['sim-cm-00002', 'sim-cm-00003', 'sim-cm-00004']) {
      const before = await requests();
      await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=30`).expect(200);
      expect((await requests()) - before).toBe(1);
    }
  });

  it('maxAgeSec=0 is fresh for everything the answer says: the CMTS is walked again', async () => {
    const before = await requests();
    await t.http().get('/api/v1/modems/sim-cm-00002/diagnosis?maxAgeSec=0').expect(200);
    expect((await requests()) - before).toBeGreaterThan(1);
  });

  it('registers, lists, reads and deletes a CMTS; never returns its community', async () => {
    const body = { host: '10.0.0.1', snmp: { version: '2c', community: 'cmts-secret' }, setPointDbmv: 2 };
    const created = await t.http().put('/api/v1/cmts/cmts-lab').send(body).expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({ id: 'cmts-lab', port: 161, setPointDbmv: 2, snmpVersion: '2c' }),
    );
    await t.http().put('/api/v1/cmts/cmts-lab').send(body).expect(200);
    const all = await t.http().get('/api/v1/cmts').expect(200);
    expect(JSON.stringify(all.body)).not.toContain('cmts-secret');
    await t.http().delete('/api/v1/cmts/cmts-lab').expect(204);
    await t.http().get('/api/v1/cmts/cmts-lab').expect(404);
  });

  it.each([
    [{ snmp: { version: '2c', community: 'c' } }, 'host'],
    [{ host: 'h', snmp: { version: '2c', community: 'c' }, setPointDbmv: 99 }, 'setPointDbmv'],
    [{ host: 'h', snmp: { version: '2c' } }, 'snmp.community'],
    [
      {
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        modemDefaults: { port: 0, snmp: { version: '2c', community: 'x' } },
      },
      'modemDefaults.port',
    ],
  ])('PUT /cmts with bad input -> 400 naming %#', async (body, field) => {
    const res = await t.http().put('/api/v1/cmts/bad').send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 404 for unknown CMTSes and nodes, 400 for malformed node ids, 502 when a CMTS does not answer', async () => {
    await t.http().post('/api/v1/cmts/nope/discover').expect(404);
    await t.http().get('/api/v1/nodes/sim-cmts-1/9.9').expect(404);
    await t.http().get('/api/v1/nodes/sim-cmts-1/one').expect(400);
    await t.http().get('/api/v1/nodes?sort=best').expect(400);
    await t
      .http()
      .put('/api/v1/cmts/dead')
      .send({ host: '127.0.0.1', port: 9, snmp: { version: '2c', community: 'x' } })
      .expect(201);
    const res = await t.http().post('/api/v1/cmts/dead/discover').expect(502);
    expect(res.body.message).toMatch(/did not answer/);
  });
});
