import { randomBytes } from 'node:crypto';
import { startTestApp, type TestApp } from './support/test-app';

// Issue 16, item 5: on a fresh start the simulated fleet gets a plausible history of calls and visits, so the outcome
// figures show real shapes; a restart on the same Redis adds nothing.

const ENV = {
  // One key prefix for both starts: the second finds the first one's Redis data.
  REDIS_KEY_PREFIX: `test-seed-${randomBytes(4).toString('hex')}:`,
  SIMULATOR_MODEMS: '400',
  SIMULATOR_SEED_VISITS: 'true',
  SIMULATOR_SCENARIO_MIX:
    'TEXTBOOK=6,US_ECHO_DROP=1,US_ECHO_TAP=1,DS_SNR_FAULT=1,OFFLINE=1,DS_POWER_LOW_MARGINAL=1',
};

interface Kpis {
  visits: number;
  noFaultFound: { count: number; of: number; rate: number | null };
  repeatVisits: { rate: number | null };
  byVerdict: { verdict: string; visits: number; rate: number | null }[];
  byPlace: { place: string; visits: number; rate: number | null }[];
  resolvedWithoutVisit: { rate: number | null };
}

describe('seeded visit history (Redis store)', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('gives the KPIs a past: visits by verdict and place, no-fault-found, repeats, calls resolved without a visit', async () => {
    t = await startTestApp('redis', ENV);
    const kpis = (
      await t
        .http()
        .get('/api/v1/kpis?from=' + new Date(Date.now() - 90 * 86_400_000).toISOString())
        .expect(200)
    ).body as Kpis;
    expect(kpis.visits).toBeGreaterThan(20);
    expect(kpis.noFaultFound.rate).not.toBeNull();
    expect(kpis.noFaultFound.rate!).toBeGreaterThan(0);
    expect(kpis.noFaultFound.rate!).toBeLessThan(0.6);
    expect(kpis.byVerdict.map((v) => v.verdict)).toEqual(
      expect.arrayContaining(['LINE_FAULT', 'MODEM_OFFLINE']),
    );
    const drop = kpis.byPlace.find((p) => p.place === 'DROP')!;
    expect(drop.visits).toBeGreaterThan(0);
    expect(drop.rate).not.toBeNull();
    expect(kpis.resolvedWithoutVisit.rate).not.toBeNull();

    // A restart on the same Redis finds visits already there: nothing new is stored.
    await t.close();
    t = await startTestApp('redis', ENV);
    const after = (
      await t
        .http()
        .get('/api/v1/kpis?from=' + new Date(Date.now() - 90 * 86_400_000).toISOString())
        .expect(200)
    ).body as Kpis;
    expect(after.visits).toBe(kpis.visits);
  });
});
