import { inNode, simPlant, type SimModemView, type SimPlant } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 15 from the headend: a CMTS whose record says its docsIf3CmtsCmUsStatusEqData holds the modems' coefficients
// (usEqData: coefficients) gives every modem's pre-equalisation in its snapshot walk, so a node's echo clusters and
// a modem's neighbour comparison need no neighbour polled. Off (the default) the column is not asked for at all; an
// RFC 4546 CMTS has no such column and says so. Through HTTP against the simulated CMTSes, on the Redis store.

const FLEET = {
  SIMULATOR_MODEMS: '80',
  SIMULATOR_SERVICE_GROUP_SIZE: '20',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_CMTS: 'sim-cmts-1=docsis30,sim-cmts-2=rfc4546',
};

/** Half a tap at 5.12 Msym/s and velocity factor 0.87 (the simulator's 6.4 MHz upstreams): 25.5 m / 2. */
const HALF_TAP_M = 12.75;

describe('pre-equalisation from the CMTS (usEqData)', () => {
  let t: TestApp;
  let plant: SimPlant;
  let modems: SimModemView[];

  const cmtsCounts = async (id: string): Promise<{ requests: number; eqDataAsks: number }> =>
    (await t.http().get(`/api/v1/simulator/cmts/${id}/requests`).expect(200)).body;
  const modemRequests = async (id: string): Promise<number> =>
    (await t.http().get(`/api/v1/simulator/modems/${id}`).expect(200)).body.requests;
  /** The CMTS's record again, with usEqData as given (the simulator registered it with the default): the answer. */
  const setUsEqData = async (id: string, usEqData: string, status = 200) => {
    const { host, port } = (await t.http().get(`/api/v1/cmts/${id}`).expect(200)).body;
    const answer = await t
      .http()
      .put(`/api/v1/cmts/${id}`)
      .send({ host, port, snmp: { version: '2c', community: id }, usEqData })
      .expect(status);
    return answer.body;
  };

  beforeAll(async () => {
    t = await startTestApp('redis', FLEET);
    plant = simPlant(t);
    modems = await plant.modems();
  });
  afterAll(() => t.close());

  describe('a DOCS-IF3 CMTS', () => {
    let taps: SimModemView[];
    let node: string;

    beforeAll(async () => {
      node = '1000.1';
      taps = inNode(modems, 'sim-cmts-1', node).slice(0, 3);
      for (const m of taps) {
        await plant.setModem(m.id, 'US_ECHO_TAP');
      }
    });

    it('by default: the walk never asks for the coefficients, and no cluster is seen without polls', async () => {
      expect((await t.http().get('/api/v1/cmts/sim-cmts-1').expect(200)).body.usEqData).toBe('off');
      const before = await cmtsCounts('sim-cmts-1');
      const found = await t.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);
      const after = await cmtsCounts('sim-cmts-1');

      expect(after.requests).toBeGreaterThan(before.requests);
      expect(after.eqDataAsks).toBe(0);
      expect(found.body.missingObjects).not.toContain('docsIf3CmtsCmUsStatusEqData');
      const view = (await t.http().get(`/api/v1/nodes/sim-cmts-1/${node}`).expect(200)).body;
      expect(view.echoClusters).toEqual([]);
    });

    it('switched on: the node view finds the three modems sharing the echo, none of them polled', async () => {
      const put = await setUsEqData('sim-cmts-1', 'coefficients');
      expect(put.usEqData).toBe('coefficients');
      const before = await cmtsCounts('sim-cmts-1');
      const found = await t.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);
      expect(found.body.missingObjects).toEqual([]);
      expect(found.body.warnings).toEqual([]);
      expect((await cmtsCounts('sim-cmts-1')).eqDataAsks).toBeGreaterThan(before.eqDataAsks);

      const view = (await t.http().get(`/api/v1/nodes/sim-cmts-1/${node}`).expect(200)).body;

      expect(view.echoClusters).toHaveLength(1);
      const [cluster] = view.echoClusters;
      expect(cluster.modems).toEqual(taps.map((m) => m.id).sort());
      expect(cluster.channelId).toBe(1);
      expect(Math.abs(cluster.distanceM - 150)).toBeLessThanOrEqual(HALF_TAP_M);
      for (const m of inNode(modems, 'sim-cmts-1', node)) {
        expect(await modemRequests(m.id)).toBe(0);
      }
    });

    it('a diagnosis of one of them finds the echo shared by the two never polled, in the plant', async () => {
      const [first, ...others] = taps;
      const d = await plant.diagnose(first.id, 60);

      expect(['TAP_OR_AMPLIFIER', 'PLANT']).toContain(d.location.place);
      expect(d.location.confidence).toBe('HIGH');
      expect([...d.location.sharedWith].sort()).toEqual(others.map((m) => m.id).sort());
      expect(d.location.evidence.map((e: { code: string }) => e.code)).toEqual(['ECHO', 'SHARED_ECHO']);
      for (const m of others) {
        expect(await modemRequests(m.id)).toBe(0);
      }
    });

    it('switched off again: the walk no longer asks, and the cluster of modems never polled is gone', async () => {
      await setUsEqData('sim-cmts-1', 'off');
      const before = await cmtsCounts('sim-cmts-1');
      await t.http().post('/api/v1/cmts/sim-cmts-1/discover').expect(200);
      expect((await cmtsCounts('sim-cmts-1')).eqDataAsks).toBe(before.eqDataAsks);

      const view = (await t.http().get(`/api/v1/nodes/sim-cmts-1/${node}`).expect(200)).body;
      // Only the one diagnosed keeps its own summary: one modem is no cluster.
      expect(view.echoClusters).toEqual([]);
    });
  });

  it('an RFC 4546 CMTS has no coefficients to give: it says so, and nothing is made up', async () => {
    const rfc = modems.filter((m) => m.cmtsId === 'sim-cmts-2');
    const node = rfc[0].serviceGroupId;
    for (const m of inNode(rfc, 'sim-cmts-2', node).slice(0, 3)) {
      await plant.setModem(m.id, 'US_ECHO_TAP');
    }
    await setUsEqData('sim-cmts-2', 'coefficients');

    const found = (await t.http().post('/api/v1/cmts/sim-cmts-2/discover').expect(200)).body;

    expect(found.modemTables).toBe('rfc4546');
    expect(found.missingObjects).toContain('docsIf3CmtsCmUsStatusEqData');
    expect(found.warnings).toContainEqual(
      expect.stringMatching(
        /^sim-cmts-2 gave no rows in docsIf3CmtsCmUsStatusEqData, which its record asks for/,
      ),
    );
    expect((await t.http().get('/api/v1/cmts/sim-cmts-2').expect(200)).body.missingObjects).toContain(
      'docsIf3CmtsCmUsStatusEqData',
    );
    const nodes = (await t.http().get('/api/v1/nodes?cmtsId=sim-cmts-2').expect(200)).body.items;
    expect(nodes.length).toBeGreaterThan(0);
    for (const n of nodes) {
      expect(n.echoClusters).toEqual([]);
    }
  });

  it('refuses a value it does not know, naming the field and what is allowed', async () => {
    const body = await setUsEqData('sim-cmts-1', 'adjustments', 400);
    expect(JSON.stringify(body)).toMatch(/usEqData/);
    expect(JSON.stringify(body)).toMatch(/off, coefficients/);
  });
});
