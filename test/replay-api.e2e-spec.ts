import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from './support/test-app';

// POST /api/v1/simulator/replays: a captured walk becomes a device in the inventory, diagnosed through the
// service as the live device it was captured from. On the Redis store, as in production.

const run = promisify(execFile);

interface DiagnosisBody {
  verdict: string;
  subKinds: string[];
  findings: { code: string; severity: string }[];
}

function gist(d: DiagnosisBody) {
  return {
    verdict: d.verdict,
    subKinds: d.subKinds,
    codes: d.findings.map((f) => `${f.severity} ${f.code}`).sort(),
  };
}

describe('replays through the API (Redis store)', () => {
  let t: TestApp;
  let snmpPort: number;
  let haveTool = true;

  beforeAll(async () => {
    t = await startTestApp('redis', {
      SIMULATOR_MODEMS: '8',
      SIMULATOR_V3_SHARE: '0',
      SNMP_TIMEOUT_MS: '1000',
    });
    snmpPort = (await t.http().get('/api/v1/simulator/stats').expect(200)).body.snmpPort;
    haveTool = await run('snmpwalk', ['-V']).then(
      () => true,
      () => false,
    );
  });
  afterAll(() => t.close());

  const walk = async (community: string): Promise<string> =>
    (
      await run(
        'snmpwalk',
        ['-On', '-Ob', '-v2c', '-c', community, '-t', '2', '-r', '1', `127.0.0.1:${snmpPort}`, '.1'],
        {
          maxBuffer: 32 << 20,
        },
      )
    ).stdout;

  const post = (query: string, body: string, type = 'text/plain') =>
    t.http().post(`/api/v1/simulator/replays${query}`).set('Content-Type', type).send(body);

  it('a modem and its CMTS, captured and replayed, get the live modem’s diagnosis', async () => {
    if (!haveTool) {
      console.warn('SKIPPED: snmpwalk is not installed (apt-get install snmp); replay API not run');
      return;
    }
    const modem = (await t.http().get('/api/v1/simulator/modems/sim-cm-00002').expect(200)).body as {
      id: string;
      mac: string;
      cmtsId: string;
    };
    await t
      .http()
      .put(`/api/v1/simulator/modems/${modem.id}/scenario`)
      .send({ scenario: 'US_RX_OFFSET_FAULT' })
      .expect(200);
    const live = (await t.http().get(`/api/v1/modems/${modem.id}/diagnosis?maxAgeSec=0`).expect(200)).body;
    expect(live.subKinds).toEqual(['US_RX_OFFSET']);

    const cmtsText = await walk(modem.cmtsId);
    const cmts = (await post('?as=cmts', cmtsText).expect(201)).body;
    expect(cmts).toMatchObject({
      kind: 'cmts',
      format: 'snmpwalk',
      mac: null,
      next: `/api/v1/cmts/${cmts.id}`,
    });
    expect(cmts.id).toMatch(/^replay-cmts-[0-9a-f]{12}$/);
    expect(cmts.objects).toBeGreaterThan(50);
    await t.http().get(`/api/v1/cmts/${cmts.id}`).expect(200);

    const modemText = await walk(modem.id);
    const replay = (await post(`?cmtsId=${cmts.id}`, modemText).expect(201)).body;
    expect(replay).toMatchObject({
      kind: 'modem',
      format: 'snmpwalk',
      mac: modem.mac,
      cmtsId: cmts.id,
      exceptions: 1,
      next: `/api/v1/modems/${replay.id}/diagnosis`,
    });
    const replayed = (await t.http().get(`${replay.next}?maxAgeSec=0`).expect(200)).body;
    expect(gist(replayed)).toEqual(gist(live));

    // The same capture again is the same device.
    expect((await post(`?cmtsId=${cmts.id}`, modemText).expect(201)).body.id).toBe(replay.id);
  });

  it('names the bad lines of a capture, and refuses what is not a capture', async () => {
    const bad = [
      '.1.3.6.1.2.1.1.1.0 = STRING: "ok"',
      '.1.3.6.1.2.1.1.7.0 = INTEGER: lots',
      'SNMPv2-MIB::sysName.0 = STRING: cm',
    ].join('\n');
    const res = await post('', bad).expect(400);
    expect(res.body.fields).toEqual([
      { field: 'line 2', problems: [expect.stringMatching(/expected an INTEGER/)] },
      { field: 'line 3', problems: [expect.stringMatching(/expected a numeric OID .*-On/)] },
    ]);
    expect(res.body.message).toMatch(/line 2: .*\| line 3: /);

    const json = await t
      .http()
      .post('/api/v1/simulator/replays')
      .send({ capture: '.1.3.6.1.2.1.1.7.0 = INTEGER: 1' })
      .expect(415);
    expect(json.body.message).toMatch(/text\/plain/);
    await t.http().post('/api/v1/simulator/replays').expect(400);
    await post('', '').expect(400);
    const badAs = await post('?as=router', '.1.3.6.1.2.1.1.7.0 = INTEGER: 1').expect(400);
    expect(badAs.body.fields).toEqual([{ field: 'as', problems: ['as must be modem or cmts'] }]);
    await post('?cmtsId=no-such-cmts', '.1.3.6.1.2.1.1.7.0 = INTEGER: 1').expect(404);
    const garbage = Array.from({ length: 500 }, (_, i) => `${i} = \u0000\uffff"${'\\'.repeat(i % 7)}`).join(
      '\r\n',
    );
    const many = await post('', garbage).expect(400);
    expect(many.body.fields).toHaveLength(20);
    expect(many.body.message).toMatch(/\.\.\. and 480 more$/);
    const big = `.1.3.6.1.2.1.1.1.0 = STRING: "${'x'.repeat(20 << 20)}"`;
    const tooBig = await post('', big).expect(413);
    expect(tooBig.body.message).toBe(`request body too large: at most ${20 << 20} bytes`);
  });
});

describe('replays without the simulator', () => {
  it('are not found', async () => {
    const t = await startTestApp('memory', { SIMULATOR_ENABLED: 'false' });
    try {
      await t
        .http()
        .post('/api/v1/simulator/replays')
        .set('Content-Type', 'text/plain')
        .send('.1.3.6.1.2.1.1.7.0 = INTEGER: 1')
        .expect(404);
    } finally {
      await t.close();
    }
  });
});
