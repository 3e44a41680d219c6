import { sleep, startTestApp, type TestApp } from './support/test-app';

// A fresh start as a newcomer sees it: verdicts without anyone starting a sweep, and a simulated modem switched to a
// scenario showing what the scenario list promises on its next diagnosis.

/** Polls until `check` returns a value; a generous bound, since this is about what happens, not how fast. */
async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > until) {
      throw new Error(`not seen within ${timeoutMs} ms: ${what}`);
    }
    await sleep(200);
  }
}

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
    const sweep = await eventually(async () => {
      const items = (await t.http().get('/api/v1/sweeps?limit=10').expect(200)).body.items as SweepView[];
      return items.find((s) => s.trigger === 'start' && s.status === 'finished');
    }, 'a finished sweep with trigger "start"');
    expect(sweep).toEqual(expect.objectContaining({ total: 40, done: 40, failed: 0 }));
    expect(Object.values(sweep.byVerdict).reduce((a, b) => a + b, 0)).toBe(40);
    const items = (await t.http().get('/api/v1/sweeps?limit=10').expect(200)).body.items as SweepView[];
    expect(items).toHaveLength(1);

    // Every modem has a verdict: none is "never polled".
    const summary = (await t.http().get('/api/v1/fleet/summary').expect(200)).body;
    expect(summary).toEqual(expect.objectContaining({ modems: 40, checked: 40 }));
  });
});
