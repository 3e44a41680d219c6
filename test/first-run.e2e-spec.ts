import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// A fresh start as a newcomer sees it: verdicts without anyone starting a sweep, and a simulated modem switched to a
// scenario showing what the scenario list promises on its next diagnosis.

interface SweepView {
  id: string;
  trigger: string;
  status: string;
  total: number;
  done: number;
  failed: number;
  byVerdict: Record<string, number>;
}

describe('a fresh start', () => {
  let t: TestApp;

  beforeAll(async () => {
    // SWEEP_AT_START unset: its default with the simulator on.
    t = await startTestApp('memory', { SWEEP_AT_START: '', SIMULATOR_MODEMS: '40' });
  });
  afterAll(() => t.close());

  it('records a finished sweep of the whole fleet without anyone calling POST /sweeps', async () => {
    // A generous bound: this is about what happens, not how fast.
    const sweep = await eventually(
      async () => {
        const items = (await t.http().get('/api/v1/sweeps?limit=10').expect(200)).body.items as SweepView[];
        const finished = items.find((s) => s.trigger === 'start' && s.status === 'finished');
        expect(finished).toBeDefined(); // a finished sweep with trigger "start"
        return finished!;
      },
      { timeoutMs: 55_000, intervalMs: 200 },
    );
    expect(sweep).toEqual(expect.objectContaining({ total: 40, done: 40, failed: 0 }));
    expect(Object.values(sweep.byVerdict).reduce((a, b) => a + b, 0)).toBe(40);
    const items = (await t.http().get('/api/v1/sweeps?limit=10').expect(200)).body.items as SweepView[];
    expect(items).toHaveLength(1);

    // Every modem has a verdict: none is "never polled".
    const summary = (await t.http().get('/api/v1/fleet/summary').expect(200)).body;
    expect(summary).toEqual(expect.objectContaining({ modems: 40, checked: 40 }));
  });
});
