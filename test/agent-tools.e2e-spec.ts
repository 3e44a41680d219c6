import { ConfigError, loadConfig } from '../src/config/app-config';
import { eventually } from './support/eventually';
import { CapturingLogger, startTestApp, type TestApp } from './support/test-app';

// Agent tools through HTTP, with keys enforced: roles, caller verification (Polish diacritics, wrong name,
// wrong address, lockout), line tokens, a real reboot of a simulated modem, the audit log, bulk import, and
// no secret in any response or log line.

const KEY = {
  agent: 'agent-desk-key-0123456789abcdef',
  agent2: 'agent-other-key-0123456789abcdef',
  noc: 'noc-wall-key-0123456789abcdef00',
  operator: 'operator-key-0123456789abcdef00',
  admin: 'admin-key-0123456789abcdef000000',
  agentReboot: 'agent-reboot-key-0123456789abcdef',
  agentReboot2: 'agent-reboot-other-0123456789abcd',
};
const API_KEYS = [
  `desk:agent:${KEY.agent}`,
  `desk2:agent:${KEY.agent2}`,
  `wall:noc:${KEY.noc}`,
  `ops:operator:${KEY.operator}`,
  `root:admin:${KEY.admin}`,
  `desk3:agent+reboot:${KEY.agentReboot}`,
  `desk4:agent+reboot:${KEY.agentReboot2}`,
].join(',');

describe('agent tools with API keys (redis store)', () => {
  let t: TestApp;
  const logger = new CapturingLogger();
  /** Every response body this suite saw, to scan for secrets at the end. */
  const bodies: string[] = [];
  /** Secrets that may appear only in the one response that hands them out. */
  const handedOut: string[] = [];

  type Method = 'get' | 'post' | 'put' | 'delete';
  async function call(
    method: Method,
    path: string,
    key?: string,
    body?: object,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Record<string, any>; headers: Record<string, string> }> {
    let req = t.http()[method](path);
    if (key) {
      req = req.set('Authorization', `Bearer ${key}`);
    }
    for (const [h, v] of Object.entries(headers)) {
      req = req.set(h, v);
    }
    const res = body ? await req.send(body) : await req;
    bodies.push(res.text ?? '');
    return {
      status: res.status,
      body: res.body as Record<string, any>,
      headers: res.headers,
    };
  }

  beforeAll(async () => {
    t = await startTestApp(
      'redis',
      {
        API_KEYS,
        SIMULATOR_MODEMS: '16',
        SIMULATOR_V3_SHARE: '0',
        VERIFY_MAX_FAILURES: '3',
        REBOOT_POLL_INTERVAL_MS: '200',
        REBOOT_TIMEOUT_SEC: '20',
        SIMULATOR_REBOOT_DOWN_SEC: '1',
        SIMULATOR_SELF_REBOOT_SEC: '100000',
      },
      logger,
    );
  });
  afterAll(() => t.close());

  it('refuses no key (401), a wrong key (401) and the wrong role (403) on every kind of route', async () => {
    const routes: [Method, string, (keyof typeof KEY)[], object?][] = [
      ['get', '/api/v1/modems', ['noc', 'operator', 'admin']],
      ['get', '/api/v1/modems/sim-cm-00003/diagnosis?maxAgeSec=3600', ['noc', 'operator', 'admin']],
      ['get', '/api/v1/nodes', ['agent', 'noc', 'operator', 'admin']],
      ['get', '/api/v1/fleet/summary', ['noc', 'admin']],
      ['get', '/metrics', ['noc', 'admin']],
      ['get', '/api/v1/sweeps', ['noc', 'operator', 'admin']],
      ['get', '/api/v1/cmts', ['noc', 'operator', 'admin']],
      [
        'put',
        '/api/v1/cmts/x-cmts',
        ['operator', 'admin'],
        { host: '127.0.0.1', snmp: { version: '2c', community: 'c' } },
      ],
      ['get', '/api/v1/admin/keys', ['admin']],
      ['get', '/api/v1/audit', ['admin']],
      ['get', '/api/v1/simulator/stats', ['operator', 'admin']],
    ];
    for (const [method, path, allowed, body] of routes) {
      expect([path, (await call(method, path, undefined, body)).status]).toEqual([path, 401]);
      expect([path, (await call(method, path, 'not-a-key-at-all-0000000000', body)).status]).toEqual([
        path,
        401,
      ]);
      for (const role of ['agent', 'noc', 'operator', 'admin'] as const) {
        const { status } = await call(method, path, KEY[role], body);
        expect([path, role, allowed.includes(role) ? status < 400 : status]).toEqual([
          path,
          role,
          allowed.includes(role) ? true : 403,
        ]);
      }
    }
    // X-API-Key works as well as Bearer; health needs no key.
    expect((await t.http().get('/api/v1/fleet/summary').set('X-API-Key', KEY.noc)).status).toBe(200);
    expect((await t.http().get('/health')).status).toBe(200);
  });

  it('verifies a caller by name or address, whatever the case, spacing and diacritics', async () => {
    const byName = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'c-1000001',
      fullName: 'jan  iksinski',
    });
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({
      verified: true,
      customerNumber: 'C1000001',
      lines: [
        { modemId: 'sim-cm-00001', lineToken: expect.stringMatching(/^lt_/), expiresAt: expect.any(String) },
      ],
      services: ['internet', 'tv'],
      scripts: [
        { code: 'SERVICE_NOT_SUBSCRIBED', title: expect.any(String), text: expect.any(String) },
        { code: 'OUTSIDE_SERVICE', title: expect.any(String), text: expect.any(String) },
      ],
    });
    handedOut.push(byName.body.lines[0].lineToken);
    const byAddress = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'C1000001',
      address: 'DŁUGA 5/12',
    });
    expect(byAddress.body.verified).toBe(true);
    handedOut.push(byAddress.body.lines[0].lineToken);
  });

  it('tells the verified customer’s services and call scripts in the language asked for', async () => {
    const claim = { customerNumber: 'C1000001', fullName: 'Jan Iksiński' };
    const pl = await call('post', '/api/v1/lines/verify', KEY.agent, claim, {
      'Accept-Language': 'pl-PL, en;q=0.5',
    });
    const en = await call('post', '/api/v1/lines/verify', KEY.agent, claim, { 'Accept-Language': 'en-GB' });
    handedOut.push(pl.body.lines[0].lineToken, en.body.lines[0].lineToken);
    for (const res of [pl, en]) {
      expect(res.body.services).toEqual(['internet', 'tv']);
      expect(res.body.scripts.map((s: { code: string }) => s.code)).toEqual([
        'SERVICE_NOT_SUBSCRIBED',
        'OUTSIDE_SERVICE',
      ]);
    }
    expect(pl.headers['content-language']).toBe('pl');
    expect(en.headers['content-language']).toBe('en');
    expect(pl.body.scripts[0]).toEqual({
      code: 'SERVICE_NOT_SUBSCRIBED',
      title: 'Usługa spoza umowy z nami',
      text: expect.stringContaining('Państwa umową'),
    });
    expect(en.body.scripts[0]).toEqual({
      code: 'SERVICE_NOT_SUBSCRIBED',
      title: 'A service the customer does not have with us',
      text: expect.stringContaining('not part of your contract'),
    });
    expect(pl.body.scripts[1].title).toBe('Poza zakresem naszych usług');
    expect(en.body.scripts[1].title).toBe('Outside our service');

    // A TV-only customer whose modem is there for the TV box; and one whose records do not say (not known).
    for (const [id, customer] of [
      ['tv-only-1', { customerNumber: 'C880', fullName: 'Ewa Nowak', services: ['tv'] }],
      ['unknown-1', { customerNumber: 'C881', fullName: 'Adam Nowak' }],
    ] as const) {
      expect(
        (
          await call('put', `/api/v1/modems/${id}`, KEY.operator, {
            host: '127.0.0.1',
            snmp: { version: '2c', community: 'public' },
            customer,
          })
        ).status,
      ).toBe(201);
    }
    const tv = await call(
      'post',
      '/api/v1/lines/verify',
      KEY.agent,
      { customerNumber: 'C880', fullName: 'ewa nowak' },
      {
        'Accept-Language': 'pl',
      },
    );
    handedOut.push(tv.body.lines[0].lineToken);
    expect(tv.body.services).toEqual(['tv']);
    expect(tv.body.scripts.map((s: { code: string }) => s.code)).toEqual([
      'TV_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(tv.body.scripts[0].text).toContain('dekodera');
    const unknown = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'C881',
      fullName: 'Adam Nowak',
    });
    handedOut.push(unknown.body.lines[0].lineToken);
    expect(unknown.body.services).toBeNull();
    expect(unknown.body.scripts.map((s: { code: string }) => s.code)).toEqual(['OUTSIDE_SERVICE']);
    for (const id of ['tv-only-1', 'unknown-1']) {
      expect((await call('delete', `/api/v1/modems/${id}`, KEY.operator)).status).toBe(204);
    }
  });

  it('never says which part did not match, and locks a customer number out after repeated failures', async () => {
    const customer = (await call('get', '/api/v1/modems/sim-cm-00002', KEY.operator)).body.customer;
    const wrongName = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: customer.customerNumber,
      fullName: 'Anna Nowak',
    });
    const wrongAddress = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: customer.customerNumber,
      address: 'ul. Długa 5 m. 13',
    });
    const unknownNumber = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'C9999999',
      fullName: customer.fullName,
    });
    expect(wrongName.body).toEqual({ verified: false, attemptsLeft: 2 });
    expect(wrongAddress.body).toEqual({ verified: false, attemptsLeft: 1 });
    expect(unknownNumber.body).toEqual({ verified: false, attemptsLeft: 2 });

    const third = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: customer.customerNumber,
      fullName: 'Still Wrong',
    });
    expect(third.body).toEqual({ verified: false, attemptsLeft: 0, lockedForSec: 900 });
    // Locked: even the right name is refused now, with when to try again.
    const locked = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: customer.customerNumber,
      fullName: customer.fullName,
    });
    expect(locked.status).toBe(429);
    expect(locked.body.retryAfterSec).toBeGreaterThan(0);

    // Missing second factor: 400 naming the fields.
    const missing = await call('post', '/api/v1/lines/verify', KEY.agent, { customerNumber: 'C1' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'address',
      'fullName',
    ]);
  });

  it('tells a line state to an agent only with the line token it verified, for that line', async () => {
    const path = '/api/v1/modems/sim-cm-00001/diagnosis';
    expect((await call('get', path, KEY.agent)).status).toBe(403);
    const verified = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'C1000001',
      fullName: 'Iksiński Jan',
    });
    const token = verified.body.lines[0].lineToken as string;
    handedOut.push(token);
    const ok = await call('get', path, KEY.agent, undefined, { 'X-Line-Token': token });
    expect(ok.status).toBe(200);
    expect(ok.body.verdict).toBe('TEXTBOOK_OK');
    // Another agent's key, or another line, does not ride on this token.
    expect((await call('get', path, KEY.agent2, undefined, { 'X-Line-Token': token })).status).toBe(403);
    const other = '/api/v1/modems/sim-cm-00003/timeline';
    expect((await call('get', other, KEY.agent, undefined, { 'X-Line-Token': token })).status).toBe(403);
    // The NOC sees every line without a token.
    expect((await call('get', path, KEY.noc)).status).toBe(200);
  });

  it('reboots a simulated modem for real, follows it back and diagnoses it again', async () => {
    const id = 'sim-cm-00004';
    expect(
      (await call('post', `/api/v1/modems/${id}/reboot`, KEY.agent, { reason: 'customer asked' })).status,
    ).toBe(403);
    const before = (await call('get', `/api/v1/simulator/modems/${id}`, KEY.operator)).body
      .uptimeSec as number;
    expect(before).toBeGreaterThan(3600);

    const started = await call('post', `/api/v1/modems/${id}/reboot`, KEY.operator, {
      reason: 'no sync since the storm',
    });
    expect(started.status).toBe(202);
    expect(started.body).toEqual(
      expect.objectContaining({ modemId: id, state: 'resetting', kind: 'reboot' }),
    );

    const action = await eventually(
      async () => {
        const body = (await call('get', `/api/v1/actions/${started.body.id}`, KEY.operator)).body;
        expect(['done', 'failed']).toContain(body.state);
        return body;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(action.state).toBe('done');
    expect(action.error).toBeNull();
    expect(action.outcome).toEqual(
      expect.objectContaining({ verdict: 'TEXTBOOK_OK', uptimeSec: expect.any(Number) }),
    );
    expect(action.outcome.uptimeSec).toBeLessThan(60);
    expect(action.steps.map((s: { state: string }) => s.state)).toEqual([
      'resetting',
      'waiting_for_modem',
      'done',
    ]);
    // The simulated modem really restarted, and its fresh diagnosis is the stored one.
    expect((await call('get', `/api/v1/simulator/modems/${id}`, KEY.operator)).body.uptimeSec).toBeLessThan(
      60,
    );
    const fresh = await call('get', `/api/v1/modems/${id}/diagnosis?maxAgeSec=3600`, KEY.noc);
    expect(fresh.body.source).toBe('cache');
    expect(Date.parse(fresh.body.observedAt)).toBeGreaterThan(Date.parse(started.body.createdAt));

    const again = await call('post', `/api/v1/modems/${id}/reboot`, KEY.operator, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.actionId).toBe(started.body.id);
    expect((await call('get', '/api/v1/actions/act-nope', KEY.operator)).status).toBe(404);
  });

  it('imports modems with customers row by row, naming the bad rows and fields', async () => {
    const csv =
      'id,host,port,community,customerNumber,fullName,address,services\n' +
      'imp-1,127.0.0.1,161,public,C777,Zofia Wójcik,"ul. Źródlana 3 m. 4, 90-001 Łódź",tv+internet\n' +
      'imp bad,127.0.0.1,99999,public,C778,X,Y,\n' +
      'imp-3,127.0.0.1,161,public,C779,Ola Nowak,"ul. Polna 1, Kraków",internet+radio\n';
    const res = await t
      .http()
      .post('/api/v1/modems:import')
      .set('Authorization', `Bearer ${KEY.operator}`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    bodies.push(res.text);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ received: 3, created: 1, updated: 0, failed: 2 }));
    expect(res.body.errors[0].row).toBe(2);
    expect(res.body.errors[0].fields.map((f: { field: string }) => f.field).sort()).toEqual(['id', 'port']);
    expect(res.body.errors[1]).toEqual(
      expect.objectContaining({
        row: 3,
        id: 'imp-3',
        message: expect.stringMatching(
          /^customer\.services: services must be a non-empty list of internet, tv, phone/,
        ),
      }),
    );
    expect((await call('get', '/api/v1/modems/imp-1', KEY.operator)).body.customer.services).toEqual([
      'internet',
      'tv',
    ]);
    const verified = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: 'c777',
      fullName: 'ZOFIA WOJCIK',
    });
    expect(verified.body.lines.map((l: { modemId: string }) => l.modemId)).toEqual(['imp-1']);
    expect(verified.body.services).toEqual(['internet', 'tv']);
    handedOut.push(verified.body.lines[0].lineToken);
  });

  it('creates and revokes keys (admin), and keeps an audit log of it all', async () => {
    const created = await call('post', '/api/v1/admin/keys', KEY.admin, { name: 'new-wall', roles: ['noc'] });
    expect(created.status).toBe(201);
    const newKey = created.body.key as string;
    handedOut.push(newKey);
    expect(created.body.record).not.toHaveProperty('hash');
    expect((await call('get', '/api/v1/fleet/summary', newKey)).status).toBe(200);
    expect((await call('get', '/api/v1/admin/keys', newKey)).status).toBe(403);
    const listed = await call('get', '/api/v1/admin/keys', KEY.admin);
    expect(listed.body.items.map((k: { name: string }) => k.name)).toEqual(
      expect.arrayContaining(['desk', 'wall', 'ops', 'root', 'new-wall']),
    );
    expect((await call('delete', `/api/v1/admin/keys/${created.body.record.id}`, KEY.admin)).status).toBe(
      200,
    );
    expect((await call('get', '/api/v1/fleet/summary', newKey)).status).toBe(401);

    const audit = (await call('get', '/api/v1/audit?limit=1000', KEY.admin)).body.items as {
      action: string;
      outcome: string;
      actor: { name: string };
      target?: string;
    }[];
    const seen = (action: string, outcome: string): boolean =>
      audit.some((e) => e.action === action && e.outcome === outcome);
    expect(seen('line.verify', 'verified')).toBe(true);
    expect(seen('line.verify', 'no_match')).toBe(true);
    expect(seen('line.verify', 'locked_out')).toBe(true);
    expect(seen('modem.reboot', 'requested')).toBe(true);
    expect(seen('modem.reboot', 'done')).toBe(true);
    expect(seen('modem.reboot', 'refused_cooldown')).toBe(true);
    expect(seen('modems.import', 'partial')).toBe(true);
    expect(seen('apikey.create', 'ok')).toBe(true);
    expect(seen('apikey.revoke', 'ok')).toBe(true);
    expect(audit.find((e) => e.action === 'modem.reboot')?.actor.name).toBe('ops');
  });

  it('tells every key who it is and what it may do (GET /api/v1/me)', async () => {
    expect((await call('get', '/api/v1/me')).status).toBe(401);
    const cases: [
      keyof typeof KEY,
      string[],
      { checkLines: boolean; reboot: boolean; needsLineToken: boolean },
    ][] = [
      ['agent', ['agent'], { checkLines: true, reboot: false, needsLineToken: true }],
      ['agentReboot', ['agent', 'reboot'], { checkLines: true, reboot: true, needsLineToken: true }],
      ['noc', ['noc'], { checkLines: true, reboot: false, needsLineToken: false }],
      ['operator', ['operator'], { checkLines: true, reboot: true, needsLineToken: false }],
      ['admin', ['admin'], { checkLines: true, reboot: true, needsLineToken: false }],
    ];
    for (const [key, roles, may] of cases) {
      const me = await call('get', '/api/v1/me', KEY[key]);
      expect([key, me.status]).toEqual([key, 200]);
      expect(me.body).toEqual({
        keyId: expect.stringMatching(/^[0-9a-f]{12}$/),
        name: expect.any(String),
        roles,
        may,
      });
    }
    expect((await call('get', '/api/v1/me', KEY.agentReboot)).body.name).toBe('desk3');
  });

  it('lets an agent key with the reboot right reboot only a line it verified, and follow its own reboot', async () => {
    const id = 'sim-cm-00005';
    const customer = (await call('get', `/api/v1/modems/${id}`, KEY.operator)).body.customer;
    const path = `/api/v1/modems/${id}/reboot`;
    const reason = { reason: 'customer consents: no sync' };
    // Without a token, or with another line's, or another key's: refused.
    expect((await call('post', path, KEY.agentReboot, reason)).status).toBe(403);
    const mine = await call('post', '/api/v1/lines/verify', KEY.agentReboot, {
      customerNumber: customer.customerNumber,
      fullName: customer.fullName,
    });
    const token = mine.body.lines[0].lineToken as string;
    handedOut.push(token);
    expect((await call('post', path, KEY.agentReboot2, reason, { 'X-Line-Token': token })).status).toBe(403);
    const other = await call('post', '/api/v1/modems/sim-cm-00006/reboot', KEY.agentReboot, reason, {
      'X-Line-Token': token,
    });
    expect(other.status).toBe(403);
    // An agent key without the right: 403 even with a token of its own.
    const plain = await call('post', '/api/v1/lines/verify', KEY.agent, {
      customerNumber: customer.customerNumber,
      fullName: customer.fullName,
    });
    handedOut.push(plain.body.lines[0].lineToken);
    const refused = await call('post', path, KEY.agent, reason, {
      'X-Line-Token': plain.body.lines[0].lineToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/needs one of the roles operator, reboot/);

    const started = await call('post', path, KEY.agentReboot, reason, { 'X-Line-Token': token });
    expect(started.status).toBe(202);
    expect(started.body).toEqual(
      expect.objectContaining({
        modemId: id,
        kind: 'reboot',
        requestedBy: expect.objectContaining({ name: 'desk3' }),
      }),
    );
    const action = `/api/v1/actions/${started.body.id}`;
    // Its progress: for the key that started it and for operators; another reboot key is told it does not exist.
    expect((await call('get', action, KEY.operator)).status).toBe(200);
    expect((await call('get', action, KEY.agentReboot2)).status).toBe(404);
    expect((await call('get', action, KEY.agent)).status).toBe(403);
    const done = await eventually(
      async () => {
        const body = (await call('get', action, KEY.agentReboot)).body;
        expect(['done', 'failed']).toContain(body.state);
        return body;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(done.state).toBe('done');
    const audit = (await call('get', '/api/v1/audit?limit=1000', KEY.admin)).body.items as {
      action: string;
      outcome: string;
      actor: { name: string };
      target?: string;
    }[];
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'modem.reboot',
          outcome: 'requested',
          target: id,
          actor: expect.objectContaining({ name: 'desk3' }),
        }),
      ]),
    );
  });

  it('shows no secret in any response or log line', () => {
    const secrets = [...Object.values(KEY), 'sim-cm-00004:rw', 'public'];
    const responses = bodies.join('\n');
    for (const s of Object.values(KEY)) {
      expect(responses).not.toContain(s);
    }
    expect(responses).not.toContain(':rw');
    // Handed-out keys and tokens appear in their own response only.
    for (const s of handedOut) {
      expect(bodies.filter((b) => b.includes(s))).toHaveLength(1);
    }
    const logs = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const s of [...secrets.filter((x) => x !== 'public'), ...handedOut]) {
      expect(logs).not.toContain(s);
    }
  });
});

describe('keys at start and per-key rate limits', () => {
  it('refuses to start without keys unless it listens on loopback only', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/API_KEYS: required/);
    expect(() => loadConfig({ HOST: '0.0.0.0', API_KEYS: `a:agent:${KEY.agent}` })).not.toThrow();
    expect(() => loadConfig({ HOST: '127.0.0.1' })).not.toThrow();
    // A bad entry is named, its secret never echoed.
    expect(() => loadConfig({ API_KEYS: 'a:agent:tooshort' })).toThrow(/entry 1 \(a\).*24 characters/);
    try {
      loadConfig({ API_KEYS: 'a:agent:tooshort' });
    } catch (error) {
      expect(String(error)).not.toContain('tooshort');
    }
  });

  it('limits each key on its own (429), across requests on the shared Redis', async () => {
    const t = await startTestApp('redis', { API_KEYS, RATE_LIMIT_PER_MIN: '3', SIMULATOR_MODEMS: '4' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await t.http().get('/api/v1/nodes').set('X-API-Key', KEY.noc)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await t.http().get('/api/v1/nodes').set('X-API-Key', KEY.agent)).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
