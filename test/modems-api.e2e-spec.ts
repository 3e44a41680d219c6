import { startTestApp, type TestApp } from './support/test-app';

const v3 = {
  version: '3',
  user: 'noc-user',
  authProtocol: 'sha',
  authKey: 'auth-secret-1',
  privProtocol: 'aes',
  privKey: 'priv-secret-1',
};

// The modems API on the Redis store, as in production (the store contract suite holds the in-process store to the
// same behaviour).
describe('modems API (Redis store)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('redis', { SIMULATOR_MODEMS: '6' });
  });
  afterAll(() => t.close());

  it('registers, updates, reads, lists and deletes a modem without ever returning secrets', async () => {
    const created = await t
      .http()
      .put('/api/v1/modems/cm-42')
      .send({
        host: '10.1.2.3',
        snmp: v3,
        mac: '00:1D:CD:12:34:56',
        customer: { customerNumber: 'C-1', fullName: 'Jan Iksiński' },
      })
      .expect(201);
    expect(created.body).toEqual(
      expect.objectContaining({
        id: 'cm-42',
        host: '10.1.2.3',
        port: 161,
        mac: '00:1d:cd:12:34:56',
        snmp: { version: '3', user: 'noc-user', authProtocol: 'sha', privProtocol: 'aes' },
      }),
    );
    const updated = await t
      .http()
      .put('/api/v1/modems/cm-42')
      .send({ host: 'cm42.example.net', port: 1161, snmp: { version: '2c', community: 'very-secret' } })
      .expect(200);
    expect(updated.body.createdAt).toBe(created.body.createdAt);
    expect(updated.body.snmp).toEqual({ version: '2c' });

    const got = await t.http().get('/api/v1/modems/cm-42').expect(200);
    const list = await t.http().get('/api/v1/modems?limit=1000').expect(200);
    for (const text of [created.text, updated.text, got.text, list.text]) {
      expect(text).not.toMatch(/very-secret|auth-secret-1|priv-secret-1|sim-cm-00001:rw/);
    }
    expect(list.body.total).toBe(7);
    expect(list.body.items.map((m: { id: string }) => m.id)).toContain('cm-42');

    await t.http().delete('/api/v1/modems/cm-42').expect(204);
    await t.http().get('/api/v1/modems/cm-42').expect(404);
    await t.http().delete('/api/v1/modems/cm-42').expect(404);
  });

  it.each([
    ['bad id', '/api/v1/modems/bad%20id', { host: 'h', snmp: { version: '2c', community: 'c' } }, 'id'],
    ['missing host', '/api/v1/modems/m1', { snmp: { version: '2c', community: 'c' } }, 'host'],
    [
      'bad host',
      '/api/v1/modems/m1',
      { host: 'no spaces please', snmp: { version: '2c', community: 'c' } },
      'host',
    ],
    [
      'port out of range',
      '/api/v1/modems/m1',
      { host: 'h', port: 70000, snmp: { version: '2c', community: 'c' } },
      'port',
    ],
    [
      'port as text',
      '/api/v1/modems/m1',
      { host: 'h', port: 'x', snmp: { version: '2c', community: 'c' } },
      'port',
    ],
    [
      'unknown snmp version',
      '/api/v1/modems/m1',
      { host: 'h', snmp: { version: '1', community: 'c' } },
      'snmp.version',
    ],
    [
      'v3 without keys',
      '/api/v1/modems/m1',
      { host: 'h', snmp: { version: '3', user: 'u' } },
      'snmp.authKey',
    ],
    ['short v3 key', '/api/v1/modems/m1', { host: 'h', snmp: { ...v3, privKey: 'short' } }, 'snmp.privKey'],
    [
      'bad mac',
      '/api/v1/modems/m1',
      { host: 'h', mac: 'zz', snmp: { version: '2c', community: 'c' } },
      'mac',
    ],
    [
      'unknown field',
      '/api/v1/modems/m1',
      { host: 'h', snmp: { version: '2c', community: 'c' }, colour: 'red' },
      'colour',
    ],
    [
      'customer without number',
      '/api/v1/modems/m1',
      { host: 'h', snmp: { version: '2c', community: 'c' }, customer: {} },
      'customer.customerNumber',
    ],
    [
      'customer with services not a list',
      '/api/v1/modems/m1',
      {
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C1', services: 'internet' },
      },
      'customer.services',
    ],
    [
      'customer with an unknown service',
      '/api/v1/modems/m1',
      {
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C1', services: ['internet', 'radio'] },
      },
      'customer.services',
    ],
    [
      'customer with a service twice',
      '/api/v1/modems/m1',
      {
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C1', services: ['tv', 'tv'] },
      },
      'customer.services',
    ],
    [
      'customer with no services (say nothing when not known)',
      '/api/v1/modems/m1',
      {
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C1', services: [] },
      },
      'customer.services',
    ],
  ])('PUT with %s -> 400 naming the field, nothing stored', async (_case, path, body, field) => {
    const res = await t.http().put(path).send(body).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    await t.http().get('/api/v1/modems/m1').expect(404);
  });

  it('tells a bad services list which values are allowed', async () => {
    const res = await t
      .http()
      .put('/api/v1/modems/m1')
      .send({
        host: 'h',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C1', services: ['internet', 'radio'] },
      })
      .expect(400);
    expect(res.body.fields).toEqual([
      {
        field: 'customer.services',
        problems: [
          'services must be a non-empty list of internet, tv, phone, each at most once (leave it out when not known)',
        ],
      },
    ]);
  });

  it('stores a customer’s services in internet, tv, phone order; without them they stay not known', async () => {
    const put = await t
      .http()
      .put('/api/v1/modems/svc-1')
      .send({
        host: '10.1.2.4',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C-5', fullName: 'Ewa Nowak', services: ['phone', 'internet'] },
      })
      .expect(201);
    expect(put.body.customer).toEqual({
      customerNumber: 'C5',
      fullName: 'Ewa Nowak',
      services: ['internet', 'phone'],
    });
    expect((await t.http().get('/api/v1/modems/svc-1').expect(200)).body.customer.services).toEqual([
      'internet',
      'phone',
    ]);
    const without = await t
      .http()
      .put('/api/v1/modems/svc-1')
      .send({ host: '10.1.2.4', snmp: { version: '2c', community: 'c' }, customer: { customerNumber: 'C5' } })
      .expect(200);
    expect(without.body.customer).toEqual({ customerNumber: 'C5' });
    // null is "not said" as well: stored without services, never as none.
    const nulled = await t
      .http()
      .put('/api/v1/modems/svc-1')
      .send({
        host: '10.1.2.4',
        snmp: { version: '2c', community: 'c' },
        customer: { customerNumber: 'C5', services: null },
      })
      .expect(200);
    expect(nulled.body.customer).toEqual({ customerNumber: 'C5' });
    // The simulated fleet's customers all have services.
    const sim = await t.http().get('/api/v1/modems/sim-cm-00001').expect(200);
    expect(sim.body.customer.services).toEqual(['internet', 'tv']);
    await t.http().delete('/api/v1/modems/svc-1').expect(204);
  });

  it('rejects a body that is not JSON with 400, and an oversized one with 413', async () => {
    await t
      .http()
      .put('/api/v1/modems/m1')
      .set('content-type', 'application/json')
      .send('{"host":')
      .expect(400);
    await t
      .http()
      .put('/api/v1/modems/m1')
      .send({ host: 'h', snmp: { version: '2c', community: 'c' }, pad: 'x'.repeat(300_000) })
      .expect(413);
  });

  it.each([
    ['/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=-1', 'maxAgeSec'],
    ['/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=soon', 'maxAgeSec'],
    ['/api/v1/modems/sim-cm-00001/diagnosis?fresh=1', 'fresh'],
    ['/api/v1/modems/sim-cm-00001/diagnosis?detail=deep', 'detail'],
    ['/api/v1/modems/sim-cm-00001/history?since=yesterday', 'since'],
    ['/api/v1/modems?limit=0', 'limit'],
    ['/api/v1/modems?offset=-3', 'offset'],
  ])('GET %s -> 400 naming %s', async (path, field) => {
    const res = await t.http().get(path).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('answers 404 for an unknown modem on every modem route', async () => {
    for (const suffix of ['', '/diagnosis', '/telemetry', '/history']) {
      const res = await t.http().get(`/api/v1/modems/nobody${suffix}`).expect(404);
      expect(res.body.message).toBe('unknown modem nobody');
    }
  });

  it('serves a cached diagnosis while it is young enough, a live one when asked', async () => {
    const live = await t.http().get('/api/v1/modems/sim-cm-00002/diagnosis?maxAgeSec=0').expect(200);
    expect(live.body.source).toBe('live');
    const cached = await t.http().get('/api/v1/modems/sim-cm-00002/diagnosis?maxAgeSec=300').expect(200);
    expect(cached.body).toEqual({ ...live.body, source: 'cache', ageSec: expect.any(Number) });
    const again = await t.http().get('/api/v1/modems/sim-cm-00002/diagnosis?maxAgeSec=0').expect(200);
    expect(again.body.source).toBe('live');
    expect(Date.parse(again.body.observedAt)).toBeGreaterThan(Date.parse(live.body.observedAt));
  });

  it('25 simultaneous live requests for one modem cause one SNMP poll', async () => {
    const requests = async (): Promise<number> =>
      (await t.http().get('/api/v1/simulator/modems/sim-cm-00003').expect(200)).body.requests;
    const r0 = await requests();
    await t.http().get('/api/v1/modems/sim-cm-00003/diagnosis?maxAgeSec=0').expect(200);
    const perPoll = (await requests()) - r0;
    expect(perPoll).toBeGreaterThan(1);

    // A slow modem, so that every request arrives while the one poll is still in flight.
    await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-00003/latency')
      .send({ responseDelayMs: 120 })
      .expect(200);
    const r1 = await requests();
    const answers = await Promise.all(
      Array.from({ length: 25 }, () =>
        t.http().get('/api/v1/modems/sim-cm-00003/diagnosis?maxAgeSec=0').expect(200),
      ),
    );
    expect((await requests()) - r1).toBe(perPoll);
    expect(new Set(answers.map((a) => a.body.observedAt)).size).toBe(1);
  });

  it('serves the latest reading with Counter64 counters as strings, and the history', async () => {
    await t
      .http()
      .get('/api/v1/modems/sim-cm-00004/telemetry')
      .expect(200, { modemId: 'sim-cm-00004', reading: null });
    await t.http().get('/api/v1/modems/sim-cm-00004/diagnosis?maxAgeSec=0').expect(200);
    await t.http().get('/api/v1/modems/sim-cm-00004/diagnosis?maxAgeSec=0').expect(200);
    const tel = await t.http().get('/api/v1/modems/sim-cm-00004/telemetry').expect(200);
    expect(tel.body.reading.reachable).toBe(true);
    expect(tel.body.reading.downstream[0].unerrored).toMatch(/^\d+$/);
    const hist = await t.http().get('/api/v1/modems/sim-cm-00004/history').expect(200);
    expect(hist.body.entries).toHaveLength(2);
    expect(hist.body.entries[0]).toEqual(
      expect.objectContaining({ reachable: true, verdict: 'TEXTBOOK_OK' }),
    );
    const later = await t
      .http()
      .get(`/api/v1/modems/sim-cm-00004/history?since=${Date.now() + 60_000}`)
      .expect(200);
    expect(later.body.entries).toEqual([]);
  });

  it('answers an unreachable modem with a stated verdict, not an error', async () => {
    await t
      .http()
      .put('/api/v1/modems/dead-1')
      .send({ host: '127.0.0.1', port: 9, snmp: { version: '2c', community: 'x' } })
      .expect(201);
    const res = await t.http().get('/api/v1/modems/dead-1/diagnosis').expect(200);
    // Without a CMTS nothing shows whether its neighbours are down too: never "only this home".
    expect(res.body).toEqual(
      expect.objectContaining({
        verdict: 'INSUFFICIENT_DATA',
        subKinds: ['NEIGHBOURS_UNKNOWN'],
        action: 'NO_DISPATCH',
      }),
    );
    expect(res.body.findings[0].message).toMatch(/no answer within 400 ms/);
  });

  it('refuses unknown scenarios and modems on the simulator API', async () => {
    await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-00001/scenario')
      .send({ scenario: 'NOPE' })
      .expect(400);
    await t.http().put('/api/v1/simulator/modems/nobody/scenario').send({ scenario: 'TEXTBOOK' }).expect(404);
    await t.http().put('/api/v1/simulator/modems/sim-cm-00001/scenario').send({}).expect(400);
  });
});

describe('without the simulator', () => {
  it('has no simulator routes and registers no modems', async () => {
    const t = await startTestApp('memory', { SIMULATOR_ENABLED: 'false' });
    try {
      await t.http().get('/api/v1/simulator/scenarios').expect(404);
      await t.http().get('/api/v1/modems').expect(200, { total: 0, offset: 0, items: [] });
      await t.http().get('/health').expect(200, { status: 'ok', store: 'memory' });
    } finally {
      await t.close();
    }
  });
});
