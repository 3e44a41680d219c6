import { DEFAULT_SCENARIO_MIX, type FleetSpec, parseShape } from '../config/simulator-spec';
import { SimulatedFleet } from './fleet';
import { scenarioMisfit } from './generations';
import { findScenario } from './scenarios';

const SPEC: FleetSpec = {
  size: 200,
  docsis31Share: 0.5,
  v3Share: 0.1,
  scenarioMix: DEFAULT_SCENARIO_MIX,
  seed: 42,
  idPrefix: 'sim-cm-',
  serviceGroupSize: 40,
  serviceGroupsPerCmts: 8,
};

function fleet(spec: Partial<FleetSpec>): SimulatedFleet {
  return new SimulatedFleet({ ...SPEC, ...spec }, { rebootDownSec: 5, selfRebootPeriodSec: null }, () => 0);
}

describe('modem generations and quirks in the fleet', () => {
  const plain = fleet({});
  const mixed = fleet({ docsis20Share: 0.05, quirkShare: 0.1 });

  it('keeps every modem clean 3.0/3.1 unless the spec asks for more', () => {
    expect(new Set(plain.modems().map((m) => m.docsis))).toEqual(new Set(['3.0', '3.1']));
    expect(plain.modems().every((m) => m.quirks.length === 0)).toBe(true);
  });

  it('mixes generations and quirks deterministically, leaving the other modems as they were', () => {
    const shaped = mixed.modems().filter((m) => m.docsis === '2.0' || m.quirks.length > 0);
    expect(shaped.length).toBeGreaterThan(10);
    expect(shaped.length).toBeLessThan(60);
    expect(
      fleet({ docsis20Share: 0.05, quirkShare: 0.1 })
        .modems()
        .map((m) => [m.docsis, m.quirks]),
    ).toEqual(mixed.modems().map((m) => [m.docsis, m.quirks]));
    for (const m of mixed.modems()) {
      const before = plain.get(m.id)!;
      expect([m.mac, m.credentials]).toEqual([before.mac, before.credentials]);
      if (m.docsis === before.docsis && m.quirks.length === 0) {
        expect(m.scenario.name).toBe(before.scenario.name);
      }
      expect(scenarioMisfit(m.scenario, m)).toBeNull();
    }
  });

  it('takes chosen shapes from the spec', () => {
    const chosen = fleet({ shapes: { 'sim-cm-00007': { docsis: '3.1', quirks: ['DUMMY_SC_QAM_ROWS'] } } });
    expect(chosen.get('sim-cm-00007')).toEqual(
      expect.objectContaining({ docsis: '3.1', quirks: ['DUMMY_SC_QAM_ROWS'] }),
    );
  });

  it('refuses scenarios a shape hides, and parses shapes', () => {
    const noCpe = findScenario('NO_CPE')!;
    expect(scenarioMisfit(noCpe, { docsis: '3.0', quirks: [] })).toBeNull();
    expect(scenarioMisfit(noCpe, { docsis: '3.0', quirks: ['BRIDGE_WITHOUT_STATUS'] })).toContain(
      'BRIDGE_WITHOUT_STATUS',
    );
    expect(scenarioMisfit(findScenario('OFDM_MER_FAULT')!, { docsis: '2.0', quirks: [] })).toBe(
      'scenario OFDM_MER_FAULT needs a DOCSIS 3.1 modem',
    );
    expect(parseShape('3.1+DUMMY_SC_QAM_ROWS')).toEqual({ docsis: '3.1', quirks: ['DUMMY_SC_QAM_ROWS'] });
    expect(parseShape('3.0+DUMMY_SC_QAM_ROWS')).toMatch(
      /^quirk DUMMY_SC_QAM_ROWS does not exist for DOCSIS 3.0/,
    );
  });
});
