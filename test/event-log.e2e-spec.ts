import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// The modem's own event log through HTTP (Redis store): a call-centre check (a full poll) reads it and the timeline
// shows what the modem logged, placed among Linecheck's own events; a sweep (a fast poll) does not read it.

interface LogEntry {
  index: number;
  eventId: number | null;
  level: number | null;
  levelName: string | null;
  count: number | null;
  firstAt: string | null;
  lastAt: string | null;
  text: string | null;
}
interface TimelineEvent {
  at: string;
  kind: string;
  source: 'linecheck' | 'modemLog';
  evidence: string;
  log?: LogEntry;
}
interface Timeline {
  events: TimelineEvent[];
  untimed: (Omit<TimelineEvent, 'at'> & { log: LogEntry })[];
  modemLog: { state: string; readAt: string | null; rows: number };
}

const NO_CLOCK = 'sim-cm-00003';
const NO_LOG = 'sim-cm-00004';

describe('the modem’s event log in the timeline (Redis store)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      SIMULATOR_MODEM_SHAPES: `${NO_CLOCK}=3.0+NO_TIME_OF_DAY,${NO_LOG}=2.0+NO_EVENT_LOG`,
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const scenario = (id: string, name: string) =>
    t.http().put(`/api/v1/simulator/modems/${id}/scenario`).send({ scenario: name }).expect(200);
  const timeline = async (id: string): Promise<Timeline> =>
    (await t.http().get(`/api/v1/modems/${id}/timeline?days=7`).expect(200)).body as Timeline;

  it('shows a T3 modem’s logged time-outs, with their count and times, after a call-centre check', async () => {
    const id = 'sim-cm-00002';
    const before = Date.now();
    // T3_MARGINAL: about 20 T3s a day, the modem up for 12 h: 10 of them, one every 72 minutes.
    await scenario(id, 'T3_MARGINAL');
    const d = (await t.http().get(`/api/v1/modems/${id}/diagnosis`).expect(200)).body;
    expect(d.verdict).toBe('MARGINAL');
    const after = Date.now();

    const tl = await timeline(id);
    expect(tl.modemLog).toEqual({ state: 'read', readAt: expect.any(String), rows: 3 });
    const t3 = tl.events.filter((e) => e.kind === 'T3_TIMEOUT');
    expect(t3).toHaveLength(1);
    expect(t3[0]).toEqual({
      at: t3[0].log!.lastAt,
      kind: 'T3_TIMEOUT',
      source: 'modemLog',
      evidence:
        'the modem logged "No Ranging Response received - T3 time-out" 10 times in 10 h 48 min (critical)',
      log: expect.objectContaining({ eventId: 82000200, level: 3, levelName: 'critical', count: 10 }),
      text: 'The modem logged a T3 timeout (no answer to its ranging). Logged 10 times.',
    });
    const first = Date.parse(t3[0].log!.firstAt!);
    const last = Date.parse(t3[0].log!.lastAt!);
    expect(last - first).toBe(9 * 72 * 60_000);
    // The last one was just now: the scenario put the modem 12 h (10 × 72 min) after its boot.
    expect(last).toBeGreaterThanOrEqual(before - 1000);
    expect(last).toBeLessThanOrEqual(after);
    // Its cold start was logged before it had the time of day: listed apart, not placed.
    expect(tl.untimed.map((e) => [e.kind, e.log.text])).toEqual([
      ['REBOOT', 'Cable Modem Reboot due to power reset'],
    ]);
    // Newest first, both sources in one list.
    const times = tl.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('does not read the log on a sweep’s fast poll, and keeps the one a call-centre check read', async () => {
    const id = 'sim-cm-00005';
    const checked = 'sim-cm-00006';
    await scenario(id, 'T3_MARGINAL');
    await scenario(checked, 'T3_MARGINAL');
    await t.http().get(`/api/v1/modems/${checked}/diagnosis?maxAgeSec=0`).expect(200);
    const readBefore = (await timeline(checked)).modemLog;
    expect(readBefore.state).toBe('read');
    const started = await t
      .http()
      .post('/api/v1/sweeps')
      .send({ scope: { kind: 'all' } })
      .expect(202);
    await eventually(
      async () => {
        const body = (await t.http().get(`/api/v1/sweeps/${started.body.id}`).expect(200)).body;
        expect(body.status).toBe('finished');
      },
      { timeoutMs: 55_000, intervalMs: 100 },
    );
    const reading = (await t.http().get(`/api/v1/modems/${id}/telemetry`).expect(200)).body.reading;
    expect(reading.reachable).toBe(true);
    expect(reading).not.toHaveProperty('events');
    expect(reading).not.toHaveProperty('detail');
    const tl = await timeline(id);
    expect(tl.modemLog).toEqual({ state: 'notRead', readAt: null, rows: 0 });
    expect(tl.events.filter((e) => e.source === 'modemLog')).toEqual([]);
    expect(tl.untimed).toEqual([]);

    // The checked modem's sweep reading has no log either, but its timeline keeps the check's, with its time.
    const sweptReading = (await t.http().get(`/api/v1/modems/${checked}/telemetry`).expect(200)).body.reading;
    expect(sweptReading).not.toHaveProperty('events');
    const kept = await timeline(checked);
    expect(kept.modemLog).toEqual(readBefore);
    expect(kept.events.some((e) => e.source === 'modemLog' && e.kind === 'T3_TIMEOUT')).toBe(true);
  });

  it('lists the log of a modem without time of day apart, and says when a modem has no log', async () => {
    await scenario(NO_CLOCK, 'T3_MARGINAL');
    await t.http().get(`/api/v1/modems/${NO_CLOCK}/diagnosis?maxAgeSec=0`).expect(200);
    const noClock = await timeline(NO_CLOCK);
    expect(noClock.events.filter((e) => e.source === 'modemLog')).toEqual([]);
    expect(noClock.untimed.map((e) => e.kind)).toEqual(['REBOOT', 'TOD_FAILURE', 'T3_TIMEOUT']);
    expect(noClock.untimed[2].log).toEqual(
      expect.objectContaining({ firstAt: null, lastAt: null, count: 10, eventId: 82000200 }),
    );

    await t.http().get(`/api/v1/modems/${NO_LOG}/diagnosis?maxAgeSec=0`).expect(200);
    const noLog = await timeline(NO_LOG);
    expect(noLog.modemLog).toEqual({ state: 'absent', readAt: expect.any(String), rows: 0 });
    const telemetry = (await t.http().get(`/api/v1/modems/${NO_LOG}/telemetry`).expect(200)).body.reading;
    expect(telemetry).toEqual(expect.objectContaining({ detail: 'full', events: null }));
  });
});
