import { inNode, simPlant, type SimModemView, type SimPlant } from './support/sim-plant';
import { startTestApp, type TestApp } from './support/test-app';

// No claim without evidence, and evidence as fresh as the claim (issue 11): node outages seen on the very next
// maxAgeSec=0 call with the CMTS snapshot's TTL left at its default, modems without CMTS rows asked before they
// are called silent, "only this home" only with counted neighbours, MACs in any notation, unknown CMTSes refused,
// node states that follow the profile. One store: the store contract suite covers both.

const FLEET = {
  SIMULATOR_MODEMS: '80',
  SIMULATOR_SERVICE_GROUP_SIZE: '20',
  SIMULATOR_SERVICE_GROUPS_PER_CMTS: '2',
  SIMULATOR_V3_SHARE: '0',
};

describe('evidence behind every claim', () => {
  let t: TestApp;
  let modems: SimModemView[];
  let plant: SimPlant;
  let snmpPort: number;

  beforeAll(async () => {
    t = await startTestApp('memory', FLEET);
    plant = simPlant(t);
    modems = await plant.modems();
    snmpPort = (await t.http().get('/api/v1/simulator/stats').expect(200)).body.snmpPort;
  });
  afterAll(() => t.close());

  const dropped = async (): Promise<number> =>
    (await t.http().get('/api/v1/simulator/stats').expect(200)).body.dropped;

  describe('a node outage and its end, with the CMTS snapshot cached for its default 60 s', () => {
    it('maxAgeSec=0: PLANT_OUTAGE on the very next call, the live verdict on the next after it ends', async () => {
      const node = inNode(modems, 'sim-cmts-1', '1000.1');
      expect((await plant.diagnose(node[0].id)).verdict).toBe('TEXTBOOK_OK');
      await plant.setNode('sim-cmts-1', '1000.1', 'NODE_OUTAGE');
      try {
        const down = await plant.diagnose(node[0].id);
        expect(down).toEqual(
          expect.objectContaining({
            verdict: 'PLANT_OUTAGE',
            subKinds: ['SERVICE_GROUP_OUTAGE'],
            source: 'live',
          }),
        );
        expect(down.summary).not.toMatch(/at this home|power-cycle/);
      } finally {
        await plant.setNode('sim-cmts-1', '1000.1', 'NONE');
      }
      const back = await plant.diagnose(node[0].id);
      expect(back).toEqual(expect.objectContaining({ verdict: 'TEXTBOOK_OK', source: 'live' }));
    });

    it('maxAgeSec>0: a row that changed since the snapshot makes the CMTS be walked again', async () => {
      const node = inNode(modems, 'sim-cmts-1', '1000.2');
      // Caches a snapshot in which the whole node is online.
      expect((await plant.diagnose(node[0].id)).verdict).toBe('TEXTBOOK_OK');
      await plant.setNode('sim-cmts-1', '1000.2', 'NODE_OUTAGE_ROWS_REMAIN');
      try {
        // node[1] has no reading yet, so it is checked now; its own row (other(1)) disagrees with the snapshot.
        const down = await plant.diagnose(node[1].id, 30);
        expect(down).toEqual(expect.objectContaining({ verdict: 'PLANT_OUTAGE', source: 'live' }));
      } finally {
        await plant.setNode('sim-cmts-1', '1000.2', 'NONE');
      }
      // The snapshot now shows node[2] as other(1); its own row says operational again: walked again, polled.
      const back = await plant.diagnose(node[2].id, 30);
      expect(back).toEqual(expect.objectContaining({ verdict: 'TEXTBOOK_OK', source: 'live' }));
    });
  });

  describe('a modem the CMTS has no row for', () => {
    it('is asked with one short try, and is diagnosed from its own answer when it answers', async () => {
      const donor = inNode(modems, 'sim-cmts-2', '1000.1')[0];
      await t
        .http()
        .put('/api/v1/modems/no-row-but-up')
        .send({
          host: '127.0.0.1',
          port: snmpPort,
          snmp: { version: '2c', community: donor.id },
          mac: '02-00-00-AB-CD-EF',
          cmtsId: 'sim-cmts-2',
        })
        .expect(201);
      const res = await plant.diagnose('no-row-but-up');
      expect(res.verdict).toBe('TEXTBOOK_OK');
      expect(res.subKinds).not.toContain('NO_POWER_OR_DISCONNECTED');
    });

    it('is not asked at all when its row shows it offline, and with counted neighbours is MODEM_OFFLINE', async () => {
      const m = inNode(modems, 'sim-cmts-2', '1000.2')[3];
      await plant.diagnose(m.id); // its membership is known from here on
      await plant.setModem(m.id, 'OFFLINE'); // its row stays, as other(1)
      try {
        const before = await dropped();
        const res = await plant.diagnose(m.id);
        expect(res).toEqual(
          expect.objectContaining({
            verdict: 'MODEM_OFFLINE',
            subKinds: ['NO_POWER_OR_DISCONNECTED'],
            action: 'CHECK_POWER_AND_CABLING',
          }),
        );
        expect(res.summary).toMatch(/^19 of 19 other modems on the same node are online/);
        expect((await dropped()) - before).toBe(0);
      } finally {
        await plant.setModem(m.id, 'TEXTBOOK');
      }
    });
  });

  describe('"only this home" needs a known node and counted neighbours', () => {
    const silentModem = (id: string, extra: Record<string, unknown> = {}) =>
      t
        .http()
        .put(`/api/v1/modems/${id}`)
        // Port 9 (discard): nothing answers SNMP there.
        .send({ host: '127.0.0.1', port: 9, snmp: { version: '2c', community: 'public' }, ...extra })
        .expect(201);

    it('a silent modem without a CMTS is INSUFFICIENT_DATA [NEIGHBOURS_UNKNOWN], and sends nobody', async () => {
      await silentModem('lonely-1');
      const res = await plant.diagnose('lonely-1');
      expect(res).toEqual(
        expect.objectContaining({
          verdict: 'INSUFFICIENT_DATA',
          subKinds: ['NEIGHBOURS_UNKNOWN'],
          action: 'NO_DISPATCH',
        }),
      );
      expect(res.summary).toMatch(/cannot be told whether only this home is affected/);
      expect(res.summary).not.toMatch(/only this modem|problem is at this home/i);
      expect(res.findings.map((f: { code: string }) => f.code)).toEqual([
        'NO_RESPONSE',
        'NEIGHBOURS_UNKNOWN',
      ]);
    });

    it('a silent modem its CMTS has no row for is asked once, and is not "only this home" either', async () => {
      // The simulator's agent drops requests for a community it does not serve, and counts them.
      await silentModem('unplaced-1', {
        port: snmpPort,
        snmp: { version: '2c', community: 'nobody-here' },
        mac: '02:00:00:00:00:01',
        cmtsId: 'sim-cmts-1',
      });
      const before = await dropped();
      const res = await plant.diagnose('unplaced-1');
      expect((await dropped()) - before).toBe(1);
      expect(res.verdict).toBe('INSUFFICIENT_DATA');
      expect(res.subKinds).toEqual(['NEIGHBOURS_UNKNOWN']);
      expect(res.summary).toMatch(/its CMTS sim-cmts-1 has never shown which node it belongs to/);
    });

    it('200 modems without a CMTS falling silent at once: the burst is evidence, escalated, no house call', async () => {
      const ids = Array.from({ length: 200 }, (_, i) => `burst-${String(i).padStart(3, '0')}`);
      for (const id of ids) {
        await silentModem(id);
      }
      const answers = [];
      for (let i = 0; i < ids.length; i += 50) {
        answers.push(...(await Promise.all(ids.slice(i, i + 50).map((id) => plant.diagnose(id)))));
      }
      for (const a of answers) {
        expect(a.verdict).toBe('INSUFFICIENT_DATA');
        expect(a.summary).not.toMatch(/only this modem|problem is at this home/i);
      }
      const last = await plant.diagnose(ids[0]);
      expect(last).toEqual(
        expect.objectContaining({
          verdict: 'INSUFFICIENT_DATA',
          subKinds: ['NEIGHBOURS_UNKNOWN', 'SILENCE_BURST'],
          action: 'ESCALATE_TO_NOC',
        }),
      );
      const burst = last.findings.find((f: { code: string }) => f.code === 'SILENCE_BURST');
      // Every other modem whose latest reading is silent counts: the 199 others of the burst, and those above.
      expect(burst).toEqual(expect.objectContaining({ limit: 20, unit: 'count' }));
      expect(burst.observed).toBeGreaterThanOrEqual(199);
      expect(last.summary).toContain(
        `${burst.observed} other modems stopped answering within the last 15 minutes`,
      );
    });
  });

  describe('MACs and CMTS references on input', () => {
    const put = (id: string, body: Record<string, unknown>) =>
      t
        .http()
        .put(`/api/v1/modems/${id}`)
        .send({ host: '127.0.0.1', port: snmpPort, snmp: { version: '2c', community: 'x' }, ...body });

    let added = 0;
    it.each([
      ['hyphens-upper-case', 5, (mac: string) => mac.toUpperCase().replace(/:/g, '-')],
      ['bare-hex', 6, (mac: string) => mac.replace(/:/g, '')],
      ['cisco-dotted', 7, (mac: string) => mac.replace(/:/g, '').replace(/(.{4})(?=.)/g, '$1.')],
    ])('a MAC written with %s is stored normalised and found at its CMTS', async (label, n, write) => {
      // A second record of a simulated modem, registered by hand with its MAC in another notation.
      const donor = inNode(modems, 'sim-cmts-1', '1000.2')[n];
      const id = `mac-${label}`;
      const res = await put(id, {
        snmp: { version: '2c', community: donor.id },
        mac: write(donor.mac),
        cmtsId: 'sim-cmts-1',
      }).expect(201);
      expect(res.body.mac).toBe(donor.mac);
      expect((await plant.diagnose(id)).verdict).toBe('TEXTBOOK_OK');
      // Found at the CMTS: it joined the donor's node (a node-scoped sweep takes its members).
      const sweep = await t
        .http()
        .post('/api/v1/sweeps')
        .send({ scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: donor.serviceGroupId } })
        .expect(202);
      added++;
      expect(sweep.body.total).toBe(20 + added);
    });

    it('a MAC in no known notation is refused naming the field and the notations', async () => {
      const res = await put('bad-mac', { mac: '00:1d:cd:c7:00' }).expect(400);
      expect(res.body.fields).toEqual([
        { field: 'mac', problems: [expect.stringContaining('00-1D-CD-C7-00-01')] },
      ]);
      await t.http().get('/api/v1/modems/bad-mac').expect(404);
    });

    it('an unknown cmtsId is refused naming the field, and nothing is stored', async () => {
      const res = await put('on-unknown-cmts', { cmtsId: 'no-such-cmts' }).expect(400);
      expect(res.body).toEqual(
        expect.objectContaining({
          error: 'Bad Request',
          fields: [{ field: 'cmtsId', problems: [expect.stringContaining('unknown CMTS no-such-cmts')] }],
        }),
      );
      await t.http().get('/api/v1/modems/on-unknown-cmts').expect(404);
    });

    it('the bulk import refuses the row with an unknown cmtsId and keeps the others', async () => {
      const csv =
        'id,host,port,community,mac,cmtsId\n' +
        `imp-ok,127.0.0.1,${snmpPort},x,00-1D-CD-99-00-01,sim-cmts-1\n` +
        `imp-bad,127.0.0.1,${snmpPort},x,00:1d:cd:99:00:02,nowhere\n`;
      const res = await t
        .http()
        .post('/api/v1/modems:import')
        .set('content-type', 'text/csv')
        .send(csv)
        .expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({
          received: 2,
          created: 1,
          failed: 1,
          errors: [
            expect.objectContaining({
              row: 2,
              id: 'imp-bad',
              fields: [expect.objectContaining({ field: 'cmtsId' })],
            }),
          ],
        }),
      );
      expect((await t.http().get('/api/v1/modems/imp-ok').expect(200)).body.mac).toBe('00:1d:cd:99:00:01');
      await t.http().get('/api/v1/modems/imp-bad').expect(404);
    });
  });

  describe('node states follow the profile, so worst first means worst', () => {
    it('one offline modem of 20 leaves its node OK; two line faults make theirs DEGRADED and rank it first', async () => {
      const quiet = inNode(modems, 'sim-cmts-2', '1000.2');
      const faulty = inNode(modems, 'sim-cmts-2', '1000.1');
      await plant.setModem(quiet[7].id, 'OFFLINE');
      await plant.setModem(faulty[8].id, 'DS_POWER_LOW_FAULT');
      await plant.setModem(faulty[9].id, 'DS_POWER_LOW_FAULT');
      try {
        for (const m of [quiet[7], faulty[8], faulty[9]]) {
          await plant.diagnose(m.id);
        }
        const one = await t.http().get('/api/v1/nodes/sim-cmts-2/1000.2').expect(200);
        expect(one.body).toEqual(expect.objectContaining({ state: 'OK', offline: 1 }));
        const two = await t.http().get('/api/v1/nodes/sim-cmts-2/1000.1').expect(200);
        expect(two.body).toEqual(expect.objectContaining({ state: 'DEGRADED', offline: 0 }));
        const list = await t.http().get('/api/v1/nodes?cmtsId=sim-cmts-2&sort=worst').expect(200);
        expect(list.body.items.map((n: { serviceGroupId: string }) => n.serviceGroupId)).toEqual([
          '1000.1',
          '1000.2',
        ]);
      } finally {
        for (const m of [quiet[7], faulty[8], faulty[9]]) {
          await plant.setModem(m.id, 'TEXTBOOK');
        }
      }
    });
  });
});
