import { eventually } from './support/eventually';
import {
  inNode,
  simPlant,
  TEXTBOOK_NODES_FLEET,
  type SimModemView,
  type SimPlant,
} from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 16 through HTTP: the dispatch decision on the diagnosis. A fault seen once is unconfirmed, its re-poll is
// scheduled and confirms it; a hard fault confirms at once; a call inside a node outage goes to the NOC with the
// outage key; a textbook line sends nobody.

const FLEET = {
  ...TEXTBOOK_NODES_FLEET,
  CMTS_SNAPSHOT_TTL_SEC: '1',
  DISPATCH_RECHECK_AFTER_SEC: '1',
};

describe('dispatch decisions (Redis store)', () => {
  let t: TestApp;
  let modems: SimModemView[];
  let plant: SimPlant;

  beforeAll(async () => {
    t = await startTestApp('redis', FLEET);
    plant = simPlant(t);
    modems = await plant.modems();
  });
  afterAll(() => t.close());

  it('a textbook line sends nobody and tells the agent to test wired to the modem', async () => {
    const d = await plant.diagnose(modems[0].id);
    expect(d.verdict).toBe('TEXTBOOK_OK');
    expect(d.dispatch).toMatchObject({
      needed: false,
      urgency: 'NONE',
      skill: 'NONE',
      firstChecks: ['TEST_WIRED_TO_MODEM'],
      confirmation: { confirmed: false, recheckAt: null },
    });
  });

  it('a fault seen once is unconfirmed; the scheduled re-poll confirms it, continuous', async () => {
    const m = modems[1];
    await plant.setModem(m.id, 'DS_SNR_FAULT');
    const first = await plant.diagnose(m.id);
    expect(first.verdict).toBe('LINE_FAULT');
    expect(first.dispatch).toMatchObject({
      needed: true,
      urgency: 'NEXT_AVAILABLE',
      sameDayEligible: false,
      impact: 'DEGRADED',
      skill: 'INSTALL_TECH',
      confirmation: { confirmed: false, by: null, faultReadings: 1, pattern: 'SINGLE_READING' },
    });
    expect(first.dispatch.confirmation.recheckAt).toEqual(expect.any(Number));
    expect(first.dispatch.closeWhen.map((c: { measure: string }) => c.measure)).toEqual(
      expect.arrayContaining(['DS_POWER', 'DS_SNR', 'US_TX_POWER']),
    );

    // Nobody asks again: the service polls on its own, and the stored answer then carries the confirmation.
    const confirmed = await eventually(async () => {
      const d = await plant.diagnose(m.id, 3600);
      expect(d.dispatch.confirmation.confirmed).toBe(true);
      return d;
    });
    expect(confirmed.observedAt).not.toBe(first.observedAt);
    expect(confirmed.dispatch.confirmation).toMatchObject({
      confirmed: true,
      by: 'SEEN_TWICE',
      faultReadings: 2,
      readings: 2,
      pattern: 'CONTINUOUS',
      recheckAt: null,
    });
  });

  it('a hard fault confirms on one reading: no transmit headroom gets a visit at once', async () => {
    const m = modems[2];
    await plant.setModem(m.id, 'US_POWER_HIGH_FAULT');
    const d = await plant.diagnose(m.id);
    expect(d.verdict).toBe('LINE_FAULT');
    expect(d.dispatch).toMatchObject({
      needed: true,
      confirmation: { confirmed: true, by: 'HARD_FAULT', recheckAt: null },
    });
  });

  it('a call inside a node outage gets NOC_ONLY and the outage key, for every modem of the node', async () => {
    const node = inNode(modems, 'sim-cmts-1', '1000.1');
    await plant.setNode('sim-cmts-1', '1000.1', 'NODE_OUTAGE');
    try {
      for (const m of [node[0], node[1]]) {
        const d = await plant.diagnose(m.id);
        expect(d.verdict).toBe('PLANT_OUTAGE');
        expect(d.dispatch).toMatchObject({
          needed: false,
          urgency: 'NOC_ONLY',
          skill: 'NOC',
          outage: 'sim-cmts-1/1000.1',
          firstChecks: ['CHECK_NODE_ALARMS'],
        });
      }
    } finally {
      await plant.setNode('sim-cmts-1', '1000.1', 'NONE');
    }
  });
});
