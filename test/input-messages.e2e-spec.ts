import { startTestApp, type TestApp } from './support/test-app';

// What a person sees when a request is wrong: the status that names the kind of mistake, and a body with `error`
// and `fields` that says which field and what is allowed.

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields: { field: string; problems: string[] }[];
}

function expectError(body: ErrorBody, status: number, field: string, problem: RegExp): void {
  expect(body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.any(String),
      fields: expect.any(Array),
    }),
  );
  const named = body.fields.find((f) => f.field === field);
  expect(named).toBeDefined();
  expect(named!.problems.join(' | ')).toMatch(problem);
}

describe('input messages', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp('memory', { SIMULATOR_MODEMS: '8' });
  });
  afterAll(() => t.close());

  it('a JSON body sent without a JSON content type gets 415 naming Content-Type, not a validation 400', async () => {
    const body = JSON.stringify({ host: '10.0.0.9', snmp: { version: '2c', community: 'c' } });
    const plain = await t.http().put('/api/v1/modems/m-415').set('content-type', 'text/plain').send(body);
    expect(plain.status).toBe(415);
    expectError(plain.body as ErrorBody, 415, 'Content-Type', /application\/json.*not text\/plain/);

    const none = await t.http().put('/api/v1/modems/m-415').set('content-type', '').send(Buffer.from(body));
    expect(none.status).toBe(415);
    expectError(none.body as ErrorBody, 415, 'Content-Type', /no Content-Type/);
    await t.http().get('/api/v1/modems/m-415').expect(404);

    await t.http().put('/api/v1/modems/m-415').set('content-type', 'application/json').send(body).expect(201);
  });

  it('malformed JSON and an oversized body name the body, with error', async () => {
    const malformed = await t
      .http()
      .put('/api/v1/modems/m1')
      .set('content-type', 'application/json')
      .send('{"host":');
    expect(malformed.status).toBe(400);
    expectError(malformed.body as ErrorBody, 400, 'body', /JSON/);

    const large = await t
      .http()
      .put('/api/v1/modems/m1')
      .send({ host: 'h', snmp: { version: '2c', community: 'c' }, pad: 'x'.repeat(300_000) });
    expect(large.status).toBe(413);
    expectError(large.body as ErrorBody, 413, 'body', /too large: at most 262144 bytes/);
  });

  it('an SNMP version other than 2c or 3 names both', async () => {
    const res = await t
      .http()
      .put('/api/v1/modems/m2')
      .send({ host: 'h', snmp: { version: '2', community: 'c' } })
      .expect(400);
    expectError(res.body as ErrorBody, 400, 'snmp.version', /"2c".*"3"/);
  });

  it('a value of the wrong type gets one problem with its allowed range', async () => {
    const res = await t.http().get('/api/v1/modems/sim-cm-00001/diagnosis?maxAgeSec=abc').expect(400);
    expectError(res.body as ErrorBody, 400, 'maxAgeSec', /integer.*from 0 to 86400/);
    expect((res.body as ErrorBody).fields).toEqual([
      { field: 'maxAgeSec', problems: ['maxAgeSec must be an integer number from 0 to 86400'] },
    ]);
  });

  it('roles as a string instead of an array says it must be an array of roles', async () => {
    const res = await t.http().post('/api/v1/admin/keys').send({ name: 'wall', roles: 'noc' }).expect(400);
    expect((res.body as ErrorBody).fields).toEqual([
      {
        field: 'roles',
        problems: ['roles must be an array of roles: agent, noc, operator, admin, reboot, e.g. ["noc"]'],
      },
    ]);
  });

  it('simulator: unknown scenario lists the known ones; unknown modem, CMTS and node get 404', async () => {
    const scenario = await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-00001/scenario')
      .send({ scenario: 'DS_SNR_LOW' })
      .expect(400);
    expectError(
      scenario.body as ErrorBody,
      400,
      'scenario',
      /unknown scenario DS_SNR_LOW \(known: .*DS_SNR_FAULT/,
    );

    const modem = await t
      .http()
      .put('/api/v1/simulator/modems/sim-cm-09999/scenario')
      .send({ scenario: 'TEXTBOOK' })
      .expect(404);
    expectError(modem.body as ErrorBody, 404, 'id', /no simulated modem sim-cm-09999/);
    const got = await t.http().get('/api/v1/simulator/modems/sim-cm-09999').expect(404);
    expectError(got.body as ErrorBody, 404, 'id', /no simulated modem/);

    const node = await t
      .http()
      .put('/api/v1/simulator/nodes/sim-cmts-1/1009.4/scenario')
      .send({ scenario: 'NODE_OUTAGE' })
      .expect(404);
    expectError(node.body as ErrorBody, 404, 'serviceGroupId', /no simulated node 1009.4 on sim-cmts-1/);
    const cmts = await t
      .http()
      .put('/api/v1/simulator/nodes/sim-cmts-9/1000.1/scenario')
      .send({ scenario: 'NODE_OUTAGE' })
      .expect(404);
    expectError(cmts.body as ErrorBody, 404, 'cmtsId', /no simulated CMTS sim-cmts-9/);
    const requests = await t.http().get('/api/v1/simulator/cmts/cmts-x/requests').expect(404);
    expectError(requests.body as ErrorBody, 404, 'id', /no simulated CMTS cmts-x/);

    const nodeScenario = await t
      .http()
      .put('/api/v1/simulator/nodes/sim-cmts-1/1000.1/scenario')
      .send({ scenario: 'NODE_FIRE' })
      .expect(400);
    expectError(nodeScenario.body as ErrorBody, 400, 'scenario', /known: NONE, NODE_OUTAGE/);
  });

  it('every error body carries error, also a plain 404', async () => {
    const res = await t.http().get('/api/v1/modems/nobody').expect(404);
    expect(res.body).toEqual(expect.objectContaining({ statusCode: 404, error: 'Not Found' }));
  });

  it('the dashboard has a favicon', async () => {
    const page = await t.http().get('/dashboard/').expect(200);
    expect(page.text).toContain('rel="icon" href="./favicon.svg"');
    const icon = await t.http().get('/dashboard/favicon.svg').expect(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });
});
