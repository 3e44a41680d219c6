import { type TestApp } from './test-app';

/** A simulated modem as GET /api/v1/simulator/modems lists it (the fields the tests use). */
export interface SimModemView {
  id: string;
  mac: string;
  cmtsId: string;
  serviceGroupId: string;
  scenario: string;
}

/**
 * The simulated plant of a test app through HTTP: its modems, scenario switches, and fresh diagnoses. A scenario
 * switch shows at once: a diagnosis with maxAgeSec=0 walks the CMTS again, so no test waits out the snapshot's TTL.
 */
export function simPlant(t: TestApp) {
  return {
    modems: async (): Promise<SimModemView[]> =>
      (await t.http().get('/api/v1/simulator/modems?limit=1000').expect(200)).body.items,
    /** A diagnosis fresh for everything it says (maxAgeSec=0 walks the CMTS again too). */
    diagnose: async (id: string, maxAgeSec = 0) =>
      (await t.http().get(`/api/v1/modems/${id}/diagnosis?maxAgeSec=${maxAgeSec}`).expect(200)).body,
    setModem: async (id: string, scenario: string): Promise<void> => {
      await t.http().put(`/api/v1/simulator/modems/${id}/scenario`).send({ scenario }).expect(200);
    },
    setNode: async (cmtsId: string, sg: string, scenario: string): Promise<void> => {
      await t.http().put(`/api/v1/simulator/nodes/${cmtsId}/${sg}/scenario`).send({ scenario }).expect(200);
    },
  };
}

export type SimPlant = ReturnType<typeof simPlant>;

export function inNode(modems: readonly SimModemView[], cmtsId: string, sg: string): SimModemView[] {
  return modems.filter((m) => m.cmtsId === cmtsId && m.serviceGroupId === sg);
}

/** A textbook DOCSIS 3.0 fleet of 40 behind DOCS-IF3 CMTSes, in nodes of 20: scenarios are set per test. */
export const TEXTBOOK_NODES_FLEET = {
  SIMULATOR_MODEMS: '40',
  SIMULATOR_SERVICE_GROUP_SIZE: '20',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
  SIMULATOR_V3_SHARE: '0',
  SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=1',
  SIMULATOR_CMTS_DIALECT_MIX: 'docsis30=1',
};
