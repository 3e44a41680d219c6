import { hasRole, ROLES, type Role } from '../../src/domain/api-key';
import { controllerRoutes, servedRoutes, type RouteFacts } from '../support/routes';
import { CapturingLogger, startTestApp, type TestApp } from '../support/test-app';

// Access, walked over the whole route table: a route added tomorrow is covered without editing this file. Every
// route but the public ones refuses no key and a wrong key (401) and every role it does not admit (403); the
// roles it admits get past the guards. Security headers on every kind of response; CORS off unless configured.

const KEY: Record<Role, string> = {
  agent: 'rel-agent-key-0123456789abcdefghijklmnop',
  noc: 'rel-noc-key-0123456789abcdefghijklmnopqr',
  operator: 'rel-operator-key-0123456789abcdefghijklm',
  admin: 'rel-admin-key-0123456789abcdefghijklmnopq',
  reboot: 'rel-reboot-key-0123456789abcdefghijklmnop',
};
const WRONG_KEY = 'rel-wrong-key-0123456789abcdefghijklmnop';
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** Ids that exist nowhere, so an admitted role gets 400/404 at worst and nothing is changed. */
function concretePath(expressPath: string): string {
  return expressPath.replace(/(?<!\\):(\w+)/g, (_, name: string) => `no-such-${name}`).replace(/\\:/g, ':');
}

describe('access over the whole route table', () => {
  const logger = new CapturingLogger();
  let t: TestApp;
  let routes: [string, RouteFacts][];
  const tally = { requests: 0, refused401: 0, refused403: 0, admitted: 0 };

  beforeAll(async () => {
    t = await startTestApp(
      'memory',
      {
        API_KEYS: ROLES.map((role) => `rel-${role}:${role}:${KEY[role]}`).join(','),
        SIMULATOR_MODEMS: '4',
        RATE_LIMIT_PER_MIN: '1000000',
        UNAUTHENTICATED_RATE_PER_MIN: '1000000',
      },
      logger,
    );
    const facts = controllerRoutes(t);
    routes = servedRoutes(t)
      .filter((r) => !/^\w+ \/(docs|dashboard)\b/.test(r))
      .map((r) => [r, facts.get(r)!]);
  });
  afterAll(async () => {
    await t?.close();
    console.log(
      `access walk: ${routes?.length ?? 0} routes, ${tally.requests} requests: ` +
        `${tally.refused401} refused 401, ${tally.refused403} refused 403, ${tally.admitted} admitted`,
    );
  });

  async function call(route: string, key?: string): Promise<number> {
    const [method, expressPath] = route.split(' ') as [Method, string];
    let req = t.http()[method](concretePath(expressPath)).timeout(10_000);
    if (key) {
      req = req.set('Authorization', `Bearer ${key}`);
    }
    tally.requests++;
    return (await req).status;
  }

  it('finds the routes it must walk', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map(([r]) => r)).toEqual(
      expect.arrayContaining(['get /metrics', 'post /mcp', 'get /health']),
    );
  });

  it('refuses no key and a wrong key with 401 on every route but the public ones', async () => {
    const wrong: string[] = [];
    for (const [route, facts] of routes.filter(([, f]) => !f.isPublic)) {
      for (const key of [undefined, WRONG_KEY]) {
        const status = await call(route, key);
        if (status !== 401) {
          wrong.push(`${route} with ${key ? 'a wrong key' : 'no key'}: ${status}`);
        } else {
          tally.refused401++;
        }
      }
      // A valid admin key beside a different one: two credentials, so neither counts.
      const [method, expressPath] = route.split(' ') as [Method, string];
      const both = await t
        .http()
        [method](concretePath(expressPath))
        .set('Authorization', `Bearer ${KEY.admin}`)
        .set('X-API-Key', WRONG_KEY)
        .timeout(10_000);
      tally.requests++;
      if (
        both.status !== 401 ||
        !/^Bearer realm="linecheck"/.test(String(both.headers['www-authenticate']))
      ) {
        wrong.push(`${route} with two different keys: ${both.status} ${both.headers['www-authenticate']}`);
      } else {
        tally.refused401++;
      }
      expect(facts.roles.length).toBeGreaterThan(0);
    }
    expect(wrong).toEqual([]);
    // The public ones are exactly these.
    expect(routes.filter(([, f]) => f.isPublic).map(([r]) => r)).toEqual(['get /health']);
  });

  it('refuses every role a route does not admit with 403, and lets the admitted ones past the guards', async () => {
    const wrong: string[] = [];
    for (const [route, facts] of routes.filter(([, f]) => !f.isPublic)) {
      for (const role of ROLES) {
        const admitted = hasRole({ keyId: role, name: role, roles: [role] }, facts.roles);
        // The event stream never ends for an admitted caller; its refusals are what matter here.
        if (admitted && route === 'get /api/v1/events') {
          continue;
        }
        const status = await call(route, KEY[role]);
        // A key with none of noc, operator and admin also needs the line token on a line's own data and reboot.
        const refused = !admitted || (facts.needsLineToken && !['noc', 'operator', 'admin'].includes(role));
        if (refused ? status !== 403 : status === 401 || status === 403 || status >= 500) {
          wrong.push(
            `${route} as ${role}: ${status} (${refused ? 'expected 403' : 'expected past the guards'})`,
          );
        } else if (refused) {
          tally.refused403++;
        } else {
          tally.admitted++;
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('sets security headers on API answers, errors, the dashboard and the API description', async () => {
    const get = (path: string, key?: string) => {
      const req = t.http().get(path);
      return key ? req.set('X-API-Key', key) : req;
    };
    const paths: [string, string?][] = [
      ['/health'],
      ['/api/v1/modems', KEY.noc],
      ['/api/v1/modems'],
      ['/api/v1/modems/no-such-id', KEY.noc],
      ['/docs'],
      ['/dashboard/'],
      ['/no-such-route'],
    ];
    for (const [path, key] of paths) {
      const res = await get(path, key);
      const where = `${path} (${res.status})`;
      expect([where, res.headers['x-content-type-options']]).toEqual([where, 'nosniff']);
      expect([where, res.headers['x-frame-options']]).toEqual([where, 'SAMEORIGIN']);
      // Plain HTTP is the default deployment (TLS, if any, ends at a proxy): no HSTS, no upgrade to https.
      expect([where, res.headers['strict-transport-security']]).toEqual([where, undefined]);
      expect([where, res.headers['content-security-policy']]).toEqual([
        where,
        expect.stringContaining("default-src 'self'"),
      ]);
      expect([where, res.headers['content-security-policy']]).toEqual([
        where,
        expect.not.stringContaining('upgrade-insecure-requests'),
      ]);
      expect([where, res.headers['referrer-policy']]).toEqual([where, 'no-referrer']);
      expect([where, res.headers['x-powered-by']]).toEqual([where, undefined]);
    }
  });

  it('keeps CORS off by default: no cross-origin grant, even on a preflight', async () => {
    const preflight = await t
      .http()
      .options('/api/v1/modems')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const simple = await t.http().get('/health').set('Origin', 'https://evil.example');
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never writes a key into a log line', () => {
    const logs = logger.lines.join('\n');
    for (const key of [...Object.values(KEY), WRONG_KEY]) {
      expect(logs).not.toContain(key);
    }
  });
});

describe('HTTPS_ONLY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `rel-noc:noc:${KEY.noc}`,
      SIMULATOR_MODEMS: '2',
      HTTPS_ONLY: 'true',
    });
  });
  afterAll(() => t?.close());

  it('tells browsers to use https only: HSTS and upgrade-insecure-requests', async () => {
    for (const path of ['/health', '/dashboard/', '/api/v1/modems']) {
      const res = await t.http().get(path);
      expect([path, res.headers['strict-transport-security']]).toEqual([
        path,
        expect.stringMatching(/max-age=/),
      ]);
      expect([path, res.headers['content-security-policy']]).toEqual([
        path,
        expect.stringContaining('upgrade-insecure-requests'),
      ]);
    }
  });
});

describe('CORS when CORS_ORIGINS names origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `rel-noc:noc:${KEY.noc}`,
      SIMULATOR_MODEMS: '2',
      CORS_ORIGINS: 'https://noc.example.net',
    });
  });
  afterAll(() => t?.close());

  it('grants those origins only', async () => {
    const allowed = await t
      .http()
      .options('/api/v1/fleet/summary')
      .set('Origin', 'https://noc.example.net')
      .set('Access-Control-Request-Method', 'GET')
      .set('Access-Control-Request-Headers', 'authorization');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://noc.example.net');
    const other = await t
      .http()
      .get('/api/v1/fleet/summary')
      .set('Origin', 'https://evil.example')
      .set('X-API-Key', KEY.noc);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
