import type { TestApp } from './test-app';

// The simulated plant's pre-equalisation scenarios, as the fault-location, pre-equalisation and dashboard suites set
// them up: nodes ordered by the modems whose coefficients can be read, and scenarios put on chosen modems.

/** Half a tap at 5.12 Msym/s and velocity factor 0.87 (the simulator's 6.4 MHz upstreams): 25.5 m / 2. */
export const HALF_TAP_M = 12.75;

export interface PreEqSimModem {
  id: string;
  cmtsId: string;
  serviceGroupId: string;
  quirks: string[];
  scenario: string;
}

/** Every upstream's coefficients are read (without docsIf3CmStatusUsTable only a single upstream's would be). */
export const coefficientsRead = (m: PreEqSimModem): boolean => !m.quirks.includes('NO_US_STATUS_TABLE');

/** The nodes' modems, the node with the most modems whose coefficients are read first. */
export function nodesByReadableModems<M extends PreEqSimModem>(modems: readonly M[]): M[][] {
  const byNode = new Map<string, M[]>();
  for (const m of modems) {
    const key = `${m.cmtsId}/${m.serviceGroupId}`;
    byNode.set(key, [...(byNode.get(key) ?? []), m]);
  }
  return [...byNode.values()].sort(
    (a, b) => b.filter(coefficientsRead).length - a.filter(coefficientsRead).length,
  );
}

/** Puts each modem on its scenario through the simulator API (headers: a key with the operator role, if any). */
export async function setScenarios(
  t: TestApp,
  scenarios: Readonly<Record<string, string>>,
  headers: Record<string, string> = {},
): Promise<void> {
  for (const [id, scenario] of Object.entries(scenarios)) {
    await t.http().put(`/api/v1/simulator/modems/${id}/scenario`).set(headers).send({ scenario }).expect(200);
  }
}
