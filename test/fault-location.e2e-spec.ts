import { HALF_TAP_M, coefficientsRead, nodesByReadableModems, setScenarios } from './support/pre-eq-plant';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 15 through HTTP: the simulator's pre-equalisation impairments on the modems of one node, diagnosed by the
// service, each located where its coefficients and its neighbours' put it; a signature three modems share is in the
// plant for all three and listed on the node view; a clean line gets no location claim.

interface SimModem {
  id: string;
  docsis: string;
  quirks: string[];
  cmtsId: string;
  serviceGroupId: string;
  scenario: string;
}

describe('fault location from pre-equalisation (Redis store, DOCS-IF3 CMTS)', () => {
  let t: TestApp;
  let node: SimModem[];
  const roles: Record<'drop' | 'tap1' | 'tap2' | 'tap3' | 'home' | 'groupDelay' | 'clean', SimModem> =
    {} as never;

  const diagnosis = async (id: string) =>
    (await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=0`).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      SIMULATOR_CMTS_DIALECT_MIX: 'docsis30=1',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
    });
    const modems: SimModem[] = (await t.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body
      .items;
    node = nodesByReadableModems(modems)[0];
    const [drop, tap1, tap2, tap3, home, groupDelay, clean] = node.filter(coefficientsRead);
    Object.assign(roles, { drop, tap1, tap2, tap3, home, groupDelay, clean });
    await setScenarios(t, {
      [drop.id]: 'US_ECHO_DROP',
      [tap1.id]: 'US_ECHO_TAP',
      [tap2.id]: 'US_ECHO_TAP',
      [tap3.id]: 'US_ECHO_TAP',
      [home.id]: 'IN_HOME_SPLITTERS',
      [groupDelay.id]: 'US_GROUP_DELAY',
    });
    // Every modem of the node checked once, so that each one's coefficients are there for its neighbours.
    for (const m of node) {
      await diagnosis(m.id);
    }
  });

  afterAll(() => t.close());

  it('has a node with enough modems to compare', () => {
    expect(node.filter(coefficientsRead).length).toBeGreaterThanOrEqual(9);
  });

  it('puts an echo about 45 m away that only this modem shows in the drop, with the distance', async () => {
    const d = await diagnosis(roles.drop.id);
    expect(d.verdict).toBe('LINE_FAULT');
    expect(d.subKinds).toContain('US_MICRO_REFLECTION');
    expect(d.location).toEqual(
      expect.objectContaining({ place: 'DROP', confidence: 'MEDIUM', sharedWith: [] }),
    );
    expect(Math.abs(d.location.distanceM - 45)).toBeLessThanOrEqual(HALF_TAP_M);
    expect(d.location.distanceFt).toBeCloseTo(d.location.distanceM / 0.3048, -1);
    expect(d.location.neighboursCompared).toBeGreaterThanOrEqual(2);
    expect(d.location.evidence.map((e: { code: string }) => e.code)).toEqual(['ECHO', 'NEIGHBOURS_CLEAN']);
    const finding = d.findings.find((f: { code: string }) => f.code === 'US_MICRO_REFLECTION');
    expect(finding.message).toMatch(/a reflection about \d+ m \(\d+ ft\) from the modem/);
    expect(finding).toEqual(expect.objectContaining({ severity: 'FAULT', unit: 'dB', limit: 18 }));
  });

  it('puts an echo three modems of the node share in the plant for all three, naming the others', async () => {
    const taps = [roles.tap1, roles.tap2, roles.tap3];
    for (const m of taps) {
      const d = await diagnosis(m.id);
      expect(d.verdict).toBe('LINE_FAULT');
      expect(['TAP_OR_AMPLIFIER', 'PLANT']).toContain(d.location.place);
      expect(d.location.confidence).toBe('HIGH');
      expect([...d.location.sharedWith].sort()).toEqual(
        taps
          .filter((o) => o.id !== m.id)
          .map((o) => o.id)
          .sort(),
      );
      expect(Math.abs(d.location.distanceM - 150)).toBeLessThanOrEqual(HALF_TAP_M);
      expect(d.location.evidence.map((e: { code: string }) => e.code)).toEqual(['ECHO', 'SHARED_ECHO']);
    }
  });

  it('lists the shared signature on the node view', async () => {
    const { cmtsId, serviceGroupId } = roles.tap1;
    const view = (await t.http().get(`/api/v1/nodes/${cmtsId}/${serviceGroupId}`).expect(200)).body;
    const taps = [roles.tap1, roles.tap2, roles.tap3].map((m) => m.id).sort();
    expect(view.echoClusters).toHaveLength(1);
    expect(view.echoClusters[0].modems).toEqual(taps);
    expect(Math.abs(view.echoClusters[0].distanceM - 150)).toBeLessThanOrEqual(HALF_TAP_M);
    // The place and confidence each member's own location gives.
    const member = (await diagnosis(roles.tap1.id)).location;
    expect(view.echoClusters[0]).toEqual(
      expect.objectContaining({ place: member.place, confidence: member.confidence }),
    );
  });

  it('puts energy right next to the main tap in the home, with no distance claimed', async () => {
    const d = await diagnosis(roles.home.id);
    expect(d.verdict).toBe('MARGINAL');
    expect(d.location).toEqual(
      expect.objectContaining({ place: 'HOME', confidence: 'MEDIUM', distanceM: null, distanceFt: null }),
    );
    expect(d.location.evidence.map((e: { code: string }) => e.code)).toEqual([
      'SHORT_ECHO',
      'NEIGHBOURS_CLEAN',
    ]);
  });

  it('names group delay, and on one modem only points to the home', async () => {
    const d = await diagnosis(roles.groupDelay.id);
    expect(d.subKinds).toContain('US_GROUP_DELAY');
    expect(d.preEq).toEqual(expect.objectContaining({ distortion: 'GROUP_DELAY', grade: 'FAULT' }));
    expect(d.location).toEqual(expect.objectContaining({ place: 'HOME', confidence: 'LOW' }));
  });

  it('claims no location for a clean line', async () => {
    const d = await diagnosis(roles.clean.id);
    expect(d.verdict).toBe('TEXTBOOK_OK');
    expect(d.location).toBeUndefined();
    expect(d.preEq).toEqual(expect.objectContaining({ grade: 'TEXTBOOK', echo: null }));
  });
});
