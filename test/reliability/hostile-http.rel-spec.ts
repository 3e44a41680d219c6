import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { ROLES } from '../../src/domain/api-key';
import { HOST, MODEM_ID } from '../../src/api/dto/modem.dto';
import { AUTH_PROTOCOLS, PRIV_PROTOCOLS } from '../../src/domain/snmp-target';
import { CapturingLogger, startTestApp, type TestApp } from '../support/test-app';

// Hostile input over every HTTP route, generated with fast-check: bodies, path parameters and query strings that
// are huge, empty, unicode, injection strings, wrong types, special numbers and deep nesting. Every generated
// request is invalid by construction (or a read), so the properties are: never a 5xx; a 4xx (400 naming the
// offending field for a validation error, 404 for a well-formed unknown id, 413 over the body limit); and no
// record changes (modems, CMTSes, API keys, simulator state, sweeps, audit), compared deep-equal before and after.

const ADMIN = 'hostile-admin-key-0123456789abcdefghij';
/** JSON_BODY_LIMIT_BYTES in src/api/request-body.ts. */
const JSON_LIMIT = 256 * 1024;
/** The import route's text limit (text/csv, JSON lines): @TextBody in src/api/import.controller.ts. */
const TEXT_LIMIT = 20 * 1024 * 1024;
const RUNS = Number(process.env.HOSTILE_RUNS ?? 80);

const SINCE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$|^\d{1,13}$/;
const SWEEP_ID = /^sw-[a-z0-9]{1,16}-[0-9a-f]{6}$/;
const KEY_ID = /^[0-9a-f]{12}$/;
const SERVICE_GROUP = /^\d{1,10}\.\d{1,10}$/;
const KEY_NAME = /^[\w.@-]{1,64}$/;
const SCENARIO_NAME = /^[A-Z0-9_]{1,64}$/;
const MAC = /^[0-9a-fA-F]{2}([:-]?[0-9a-fA-F]{2}){5}$/;

// ---------------------------------------------------------------------------------------------------------------
// Wire helpers

/** A JSON value written verbatim into the body: deep nesting, numbers JSON.stringify cannot write. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text that keeps -0 and writes ±Infinity as ±1e999 (which JSON.parse reads back as ±Infinity). */
function toJson(v: unknown): string {
  if (v instanceof Raw) {
    return v.text;
  }
  if (typeof v === 'number') {
    if (Number.isNaN(v)) {
      return 'null';
    }
    if (!Number.isFinite(v)) {
      return v > 0 ? '1e999' : '-1e999';
    }
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  if (typeof v === 'bigint') {
    return v.toString();
  }
  if (Array.isArray(v)) {
    return `[${v.map((x) => (x === undefined || typeof x === 'function' || typeof x === 'symbol' ? 'null' : toJson(x))).join(',')}]`;
  }
  if (v != null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function' && typeof o[k] !== 'symbol')
      .map((k) => `${JSON.stringify(k)}:${toJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Percent-encodes every UTF-8 byte but A-Z a-z 0-9 - _ ~ (so "." and ".." cannot become dot segments). */
function enc(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9_~-]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** What the server reads back from enc(s): lone surrogates become U+FFFD. */
const wire = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// ---------------------------------------------------------------------------------------------------------------
// Validity as the API documents it (OpenAPI patterns, lengths, ranges), to keep generated input invalid

const isStr = (v: unknown): v is string => typeof v === 'string';
/** Characters as class-validator's Length counts them: code points, not counting variation selectors. */
const chars = (s: string): number => [...s].filter((c) => c !== '\uFE0E' && c !== '\uFE0F').length;
const strLen = (min: number, max: number) => (v: unknown) => isStr(v) && chars(v) >= min && chars(v) <= max;
const matches =
  (re: RegExp, maxLen = Infinity) =>
  (v: unknown) =>
    isStr(v) && re.test(v) && chars(v) <= maxLen;
const intIn = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const numIn = (min: number, max: number) => (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const oneOf = (values: readonly unknown[]) => (v: unknown) => values.includes(v);
/** A query value after @Type(() => Number). */
const intQuery = (min: number, max: number) => (s: string) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= min && n <= max;
};
/** A `since` that names a real instant: epoch milliseconds, or an ISO 8601 time with zone that parses. */
const sinceQuery = (s: string) => SINCE.test(s) && (/^\d+$/.test(s) || Number.isFinite(Date.parse(s)));

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const INJECTIONS = [
  "'; DROP TABLE modems; --",
  "' OR '1'='1",
  '" OR ""="',
  '1; SELECT pg_sleep(10)',
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '$gt',
  '__proto__',
  'constructor',
  'prototype',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd%00.png',
  '%00',
  '\u0000',
  'a\u0000b',
  '$(rm -rf /)',
  '`id`',
  '| cat /etc/passwd',
  '; ls -la',
  '&& reboot',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '%ZZ',
  '%C0%AF',
  '\r\nX-Injected: 1',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '1e999',
  '0x10',
  '  7  ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  ' ',
  '',
  '\t\n',
  '\uFEFF',
  '\u202Eevil',
  '\uD800',
  '\uDFFF',
  'Ω≈ç√∫',
  'ﷺ',
  'Z̷̢̛a̵l̶g̸o̴',
  '🙂🙃🧨',
  '𝕏𝕐ℤ',
  'Łódź ul. Długa 5 m. 12',
  '１２３',
];

const huge: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'ł', '7', '\u0000'), fc.integer({ min: 100_000, max: 102_400 }))
  .map(([c, n]) => c.repeat(n));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...INJECTIONS),
        fc.string({ unit: 'binary', maxLength: 10 }),
      )
      .map(([a, b, c]) => a + b + c),
  },
  { weight: 1, arbitrary: huge },
);

/** A string for a URL: hostile but short enough for the request line (huge URLs are their own test). */
const hostileUrlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileString.filter((s) => s.length <= 2_000) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 3_000 }).map((n) => 'x'.repeat(n)) },
);

const specialNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  -1.5,
  1e308,
  -1e308,
  5e-324,
  Infinity,
  -Infinity,
  2 ** 31,
  -(2 ** 31),
  2 ** 53 + 2,
  65_536,
  86_401,
  60_001,
);

/** Arrays nested thousands deep, or objects nested as deep: `[[[[...]]]]`, `{"a":{"a":...}}`. */
const deep: fc.Arbitrary<Raw> = fc
  .tuple(fc.integer({ min: 500, max: 20_000 }), fc.boolean())
  .map(
    ([n, arrays]) =>
      new Raw(arrays ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)),
  );

/**
 * Keys that are dropped, never stored, rather than refused: Nest's validation pipe deletes `__proto__`,
 * `constructor` and `prototype` at any depth, and class-transformer skips keys that name an inherited method
 * (`toString`, `valueOf`, ...).
 */
const DROPPED_KEYS = ['prototype', ...Object.getOwnPropertyNames(Object.prototype)];

/** Keys a DTO does not declare (but not the dropped ones: those are not refused). */
const extraKey = (declared: readonly string[]): fc.Arbitrary<string> =>
  fc
    .oneof(
      fc.constantFrom(
        '$gt',
        '$where',
        'prototype_',
        'isAdmin',
        'roles[]',
        'a.b',
        '0',
        '',
        ' ',
        '🙂',
        'id',
        'hash',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
    )
    .filter((k) => !declared.includes(k) && !DROPPED_KEYS.includes(k));

/** Any value JSON can carry (and then some): hostile strings, special numbers, wrong types, deep nesting. */
const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: specialNumber },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

const REMOVE = Symbol('remove');

interface FieldRule {
  valid: (v: unknown) => boolean;
  /** Near misses for this field: off by one, wrong format, wrong type. */
  near?: fc.Arbitrary<unknown>;
  /** A required field can also be left out. */
  required?: boolean;
}

/** Values that break the rule: near misses and wild values, never valid, and never null for an optional field. */
function badValue(rule: FieldRule): fc.Arbitrary<unknown> {
  const candidates = rule.near
    ? fc.oneof({ weight: 2, arbitrary: rule.near }, { weight: 3, arbitrary: wildValue })
    : wildValue;
  const bad = candidates.filter(
    (v) =>
      v !== undefined &&
      !(typeof v === 'number' && Number.isNaN(v)) &&
      (rule.required || v !== null) &&
      !rule.valid(v),
  );
  return rule.required
    ? fc.oneof({ weight: 6, arbitrary: bad }, { weight: 1, arbitrary: fc.constant(REMOVE) })
    : bad;
}

interface BodyCase {
  body: unknown;
  /** The fields (dot paths) made invalid: the 400 must name at least one of them. */
  broken: string[];
}

interface BodySchema {
  base: Record<string, unknown>;
  /** Field rules by dot path (nested objects too). */
  fields: Record<string, FieldRule>;
  /** Declared keys per object path ('' = top level), where an undeclared key can be slipped in. */
  objects: Record<string, readonly string[]>;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let o = target;
  for (const p of parts.slice(0, -1)) {
    o = o[p] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (value === REMOVE) {
    delete o[last];
  } else {
    o[last] = value;
  }
}

/** A valid base body with one to three of its fields broken (or undeclared keys added): invalid by construction. */
function brokenBody(schema: BodySchema): fc.Arbitrary<BodyCase> {
  type Mutation = { path: string; value: unknown; extra?: string };
  const fieldMutations = Object.entries(schema.fields).map(([path, rule]) =>
    badValue(rule).map((value): Mutation => ({ path, value })),
  );
  const extraMutations = Object.entries(schema.objects).map(([at, declared]) =>
    fc
      .tuple(
        extraKey(declared),
        wildValue.filter((v) => v !== undefined),
      )
      .map(([key, value]): Mutation => ({ path: at === '' ? key : `${at}.${key}`, value, extra: at })),
  );
  const mutation = fc.oneof(...fieldMutations, ...extraMutations);
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((all) => {
    // A mutation inside an object another mutation replaced or removed would be moot: keep the outer one.
    const within = (m: Mutation, outer: Mutation) =>
      m !== outer && !outer.extra && m.path.startsWith(`${outer.path}.`);
    const kept = all.filter(
      (m, i) => !all.some((o) => within(m, o)) && all.findIndex((o) => o.path === m.path) === i,
    );
    const body = structuredClone(schema.base);
    for (const m of kept) {
      if (m.extra !== undefined) {
        const parent = (
          m.extra === '' ? body : m.extra.split('.').reduce<any>((o, p) => o[p], body)
        ) as Record<string, unknown>;
        parent[m.path.slice(m.extra === '' ? 0 : m.extra.length + 1)] = m.value;
      } else {
        setPath(body, m.path, m.value);
      }
    }
    return { body, broken: kept.map((m) => m.path) };
  });
}

/** Anything at all as a body: JSON primitives, arrays, random objects; filtered to keep it invalid. */
function anyBody(required: readonly string[]): fc.Arbitrary<BodyCase> {
  return fc
    .oneof(
      fc.anything({ maxDepth: 3 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...required, 'x', '$gt', '🙂'), wildValue, { maxKeys: 4 }),
      deep,
    )
    .filter(
      (v) =>
        v == null ||
        typeof v !== 'object' ||
        Array.isArray(v) ||
        v instanceof Raw ||
        required.some((k) => !(k in v)) ||
        Object.keys(v).some((k) => !required.includes(k) && !DROPPED_KEYS.includes(k)),
    )
    .map((body) => ({ body, broken: [] }));
}

// ---------------------------------------------------------------------------------------------------------------
// The DTOs' documented rules

const text = (min: number, max: number): FieldRule => ({
  valid: strLen(min, max),
  near: fc.oneof(
    fc.constant(''),
    fc.constant('x'.repeat(max + 1)),
    fc.integer(),
    fc.constant(['x']),
    fc.constant({}),
  ),
});
const required = (rule: FieldRule): FieldRule => ({ ...rule, required: true });
const patterned = (re: RegExp, maxLen = Infinity): FieldRule => ({
  valid: matches(re, maxLen),
  near: fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      'x'.repeat(65),
      '-leading',
      'a b',
      'a/b',
      'a\nb',
      'ä',
      '00:1d:cd:12:34',
      '1000.1.1',
      'sw-x-1',
    ),
    fc.integer(),
    fc.constant([]),
  ),
});
const integer = (min: number, max: number): FieldRule => ({
  valid: intIn(min, max),
  near: fc.oneof(
    fc.constantFrom(
      min - 1,
      max + 1,
      min + 0.5,
      String(min),
      `${max}`,
      true,
      [min],
      { value: min },
      Infinity,
      -Infinity,
    ),
    fc.integer(),
  ),
});
const snmpObject = (): FieldRule =>
  required({
    valid: () => false,
    near: fc.oneof(
      fc.constantFrom('2c', '', 3, true, [], [{ version: '2c', community: 'x' }]),
      fc.constant({}),
    ),
  });

const V2C = { version: '2c', community: 'public', writeCommunity: 'private' };
const V3 = {
  version: '3',
  user: 'linecheck',
  authProtocol: 'sha256',
  authKey: 'auth-secret-1234',
  privProtocol: 'aes',
  privKey: 'priv-secret-5678',
};
const SNMP_V2C_FIELDS = (at: string): Record<string, FieldRule> => ({
  [at]: snmpObject(),
  [`${at}.version`]: required({
    valid: oneOf(['2c', '3']),
    near: fc.constantFrom('2C', '1', 2, 3, '3c', ' 2c', ''),
  }),
  [`${at}.community`]: required(text(1, 64)),
  [`${at}.writeCommunity`]: text(1, 64),
});
const SNMP_V3_FIELDS = (at: string): Record<string, FieldRule> => ({
  [at]: snmpObject(),
  [`${at}.version`]: required({ valid: oneOf(['2c', '3']), near: fc.constantFrom('v3', 3, '03', '') }),
  [`${at}.user`]: required(text(1, 64)),
  [`${at}.authProtocol`]: required({
    valid: oneOf(AUTH_PROTOCOLS),
    near: fc.constantFrom('SHA256', 'sha1', 'none', ''),
  }),
  [`${at}.authKey`]: required(text(8, 128)),
  [`${at}.privProtocol`]: required({
    valid: oneOf(PRIV_PROTOCOLS),
    near: fc.constantFrom('AES', 'aes128', '3des', ''),
  }),
  [`${at}.privKey`]: required(text(8, 128)),
});
const ENDPOINT_FIELDS: Record<string, FieldRule> = {
  host: required({
    valid: (v) => isStr(v) && chars(v) <= 253 && HOST.test(v),
    near: fc.constantFrom(
      '',
      '-a',
      'a-',
      'a..b',
      'a b',
      '10.0.0.1/24',
      'x'.repeat(254),
      'host:161',
      'ä.example',
    ),
  }),
  port: integer(1, 65535),
};
const CUSTOMER_FIELDS: Record<string, FieldRule> = {
  customer: {
    valid: () => false,
    near: fc.constantFrom('C1', 1, true, [], [{ customerNumber: 'C1' }]),
  },
  'customer.customerNumber': required(text(1, 64)),
  'customer.fullName': text(0, 200),
  'customer.address': text(0, 300),
};
const SNMP_V2C_KEYS = ['version', 'community', 'writeCommunity'];
const SNMP_V3_KEYS = ['version', 'user', 'authProtocol', 'authKey', 'privProtocol', 'privKey'];
const MODEM_KEYS = ['host', 'port', 'snmp', 'mac', 'cmtsId', 'customer'];

const MODEM_V2C: BodySchema = {
  base: {
    host: '10.20.1.17',
    port: 161,
    snmp: V2C,
    mac: '00:1d:cd:42:00:00',
    cmtsId: 'sim-cmts-1',
    customer: { customerNumber: 'C1000001', fullName: 'Jan Iksiński', address: 'ul. Długa 5 m. 12' },
  },
  fields: {
    ...ENDPOINT_FIELDS,
    ...SNMP_V2C_FIELDS('snmp'),
    mac: patterned(MAC),
    cmtsId: patterned(MODEM_ID),
    ...CUSTOMER_FIELDS,
  },
  objects: { '': MODEM_KEYS, snmp: SNMP_V2C_KEYS, customer: ['customerNumber', 'fullName', 'address'] },
};
const MODEM_V3: BodySchema = {
  base: { host: 'cm-0024.plant.example.net', snmp: V3 },
  fields: { ...ENDPOINT_FIELDS, ...SNMP_V3_FIELDS('snmp') },
  objects: { '': MODEM_KEYS, snmp: SNMP_V3_KEYS },
};
const CMTS: BodySchema = {
  base: {
    host: '10.0.0.1',
    snmp: { version: '2c', community: 'cmts-read' },
    setPointDbmv: 0,
    modemDefaults: { port: 161, snmp: V2C },
  },
  fields: {
    ...ENDPOINT_FIELDS,
    ...SNMP_V2C_FIELDS('snmp'),
    setPointDbmv: {
      valid: numIn(-30, 30),
      near: fc.constantFrom(-30.0001, 30.5, '0', Infinity, -Infinity, 1e308, true, [0]),
    },
    modemDefaults: { valid: () => false, near: fc.constantFrom('x', 0, true, [], [{ snmp: V2C }]) },
    'modemDefaults.port': integer(1, 65535),
    ...SNMP_V2C_FIELDS('modemDefaults.snmp'),
  },
  objects: {
    '': ['host', 'port', 'snmp', 'setPointDbmv', 'modemDefaults'],
    snmp: SNMP_V2C_KEYS,
    modemDefaults: ['port', 'snmp'],
    'modemDefaults.snmp': SNMP_V2C_KEYS,
  },
};
const SWEEP_NODE: BodySchema = {
  base: { scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' } },
  fields: {
    scope: required({ valid: () => false, near: fc.constantFrom('all', 1, true, [], [{ kind: 'all' }]) }),
    'scope.kind': required({
      valid: oneOf(['all', 'cmts', 'node']),
      near: fc.constantFrom('ALL', 'nodes', '', 0),
    }),
    'scope.cmtsId': required(patterned(MODEM_ID)),
    'scope.serviceGroupId': required(patterned(SERVICE_GROUP)),
  },
  objects: { '': ['scope'], scope: ['kind', 'cmtsId', 'serviceGroupId'] },
};
const REBOOT: BodySchema = {
  base: { reason: 'MARGINAL: uncorrectables on DS 1-3' },
  fields: { reason: required(text(3, 500)) },
  objects: { '': ['reason'] },
};
const VERIFY: BodySchema = {
  base: { customerNumber: 'C1000001', fullName: 'Jan Iksiński' },
  fields: {
    customerNumber: required(text(1, 64)),
    fullName: required(text(1, 200)),
    address: text(1, 300),
  },
  objects: { '': ['customerNumber', 'fullName', 'address'] },
};
const CREATE_KEY: BodySchema = {
  base: { name: 'desk-7', roles: ['agent'] },
  fields: {
    name: required(patterned(KEY_NAME)),
    roles: required({
      valid: (v) =>
        Array.isArray(v) &&
        v.length >= 1 &&
        v.length <= 4 &&
        v.every((r) => (ROLES as readonly unknown[]).includes(r)),
      near: fc.constantFrom(
        'admin',
        [],
        ['admin', 'noc', 'operator', 'agent', 'admin'],
        ['root'],
        ['Admin'],
        [null],
        {
          0: 'admin',
        },
      ),
    }),
  },
  objects: { '': ['name', 'roles'] },
};
const LATENCY: BodySchema = {
  base: { responseDelayMs: 0 },
  fields: { responseDelayMs: required(integer(0, 60_000)) },
  objects: { '': ['responseDelayMs'] },
};

// ---------------------------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  body: any;
  text: string;
}

describe('hostile input over every HTTP route (redis store)', () => {
  const logger = new CapturingLogger();
  let t: TestApp;
  const counts = new Map<string, number>();
  let started = 0;
  /** Scenario names (modem and node) that exist: a well-formed name is only sent when it is none of them. */
  let scenarioNames = new Set<string>();
  let modemIds = new Set<string>();
  let cmtsIds = new Set<string>();
  let nodes: { cmtsId: string; serviceGroupId: string }[] = [];
  let before: Snapshot;
  const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

  type Method = 'get' | 'put' | 'post' | 'delete';
  interface Req {
    method: Method;
    path: string;
    query?: string;
    body?: string;
    type?: string;
    headers?: Record<string, string>;
  }

  async function hit(route: string, r: Req): Promise<Reply> {
    counts.set(route, (counts.get(route) ?? 0) + 1);
    let q = t
      .http()
      [r.method](r.path + (r.query ?? ''))
      .set('Authorization', `Bearer ${ADMIN}`);
    for (const [h, v] of Object.entries(r.headers ?? {})) {
      q = q.set(h, v);
    }
    const res =
      r.body === undefined ? await q : await q.set('Content-Type', r.type ?? 'application/json').send(r.body);
    return { status: res.status, body: res.body, text: res.text ?? '' };
  }

  const show = (v: unknown) => {
    const s = typeof v === 'string' ? v : toJson(v);
    return s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
  };

  /** Never a 5xx; one of the expected statuses; a JSON error body; for a 400 from validation, the field named. */
  function expectRefused(res: Reply, statuses: number[], named?: string[] | 'any', input?: unknown): void {
    const where = `${show(input)} -> ${res.status} ${show(res.text)}`;
    if (res.status >= 500 || !statuses.includes(res.status)) {
      throw new Error(`expected ${statuses.join('/')}, got ${res.status}: ${where}`);
    }
    if (res.status >= 400 && res.status !== 431 && res.status !== 414) {
      if (res.body?.statusCode !== res.status || typeof res.body?.message !== 'string') {
        throw new Error(`not a JSON error body: ${where}`);
      }
    }
    if (res.status === 400 && named !== undefined) {
      const fields = res.body?.fields as { field: unknown; problems: unknown }[] | undefined;
      if (
        !Array.isArray(fields) ||
        fields.length === 0 ||
        !fields.every(
          (f) =>
            typeof f.field === 'string' &&
            Array.isArray(f.problems) &&
            f.problems.length > 0 &&
            f.problems.every((p) => typeof p === 'string' && p !== ''),
        )
      ) {
        throw new Error(`a 400 without fields [{ field, problems }]: ${where}`);
      }
      if (named !== 'any') {
        const names = fields.map((f) => f.field as string);
        const hits = named.some((p) => names.some((n) => n === p || n.startsWith(`${p}.`)));
        if (!hits) {
          throw new Error(`the 400 names ${names.join(', ')}, none of ${named.join(', ')}: ${where}`);
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Snapshots of every record a request could change

  interface Snapshot {
    modems: unknown[];
    cmts: unknown;
    keys: unknown;
    simModems: unknown;
    simNodes: unknown;
    sweeps: unknown;
    audit: unknown;
  }

  async function get(path: string): Promise<any> {
    const res = await t.http().get(path).set('Authorization', `Bearer ${ADMIN}`);
    expect([path, res.status]).toEqual([path, 200]);
    return res.body;
  }

  async function snapshot(): Promise<Snapshot> {
    const modems: unknown[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await get(`/api/v1/modems?offset=${offset}&limit=1000`);
      modems.push(...page.items);
      if (modems.length >= page.total || page.items.length === 0) {
        break;
      }
    }
    const sim = await get('/api/v1/simulator/modems?limit=1000');
    const audit = await get('/api/v1/audit?limit=1000');
    return {
      modems,
      cmts: await get('/api/v1/cmts'),
      keys: await get('/api/v1/admin/keys'),
      simModems: sim.items.map((m: any) => ({
        id: m.id,
        scenario: m.scenario,
        responseDelayMs: m.responseDelayMs,
      })),
      simNodes: (await get('/api/v1/simulator/nodes')).items,
      sweeps: (await get('/api/v1/sweeps?limit=50')).items.map((s: any) => s.id),
      // A bulk import audits itself even when every row failed; those entries are checked on their own.
      audit: audit.items.filter((e: any) => e.action !== 'modems.import'),
    };
  }

  async function expectNothingChanged(): Promise<void> {
    const now = await snapshot();
    expect(now).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(({} as any).polluted).toBeUndefined();
  }

  // -------------------------------------------------------------------------------------------------------------
  // Id arbitraries

  type IdCase = { id: string; kind: 'bad' | 'unknown' | 'known' };
  /** A hostile id that breaks the documented id pattern. */
  const badId = (valid: (s: string) => boolean) =>
    hostileUrlString.filter((s) => s !== '' && !valid(wire(s))).map((id): IdCase => ({ id, kind: 'bad' }));
  const unknownId = (re: RegExp, known: () => Set<string>) =>
    fc
      .stringMatching(re)
      .filter((s) => !known().has(s) && !s.startsWith('sim-'))
      .map((id): IdCase => ({ id, kind: 'unknown' }));
  const modemIdValid = matches(MODEM_ID) as (s: string) => boolean;
  /** Ids for routes that only read: bad, well-formed but unknown, and existing. */
  const readModemId = () =>
    fc.oneof(
      { weight: 5, arbitrary: badId(modemIdValid) },
      { weight: 2, arbitrary: unknownId(MODEM_ID, () => modemIds) },
      { weight: 1, arbitrary: fc.constantFrom(...modemIds).map((id): IdCase => ({ id, kind: 'known' })) },
    );
  /** Ids for routes that would delete or act: never an existing record. */
  const writeModemId = () =>
    fc.oneof(
      { weight: 3, arbitrary: badId(modemIdValid) },
      { weight: 1, arbitrary: unknownId(MODEM_ID, () => modemIds) },
    );
  const readCmtsId = () =>
    fc.oneof(
      { weight: 5, arbitrary: badId(modemIdValid) },
      { weight: 2, arbitrary: unknownId(MODEM_ID, () => cmtsIds) },
      { weight: 1, arbitrary: fc.constantFrom(...cmtsIds).map((id): IdCase => ({ id, kind: 'known' })) },
    );
  const writeCmtsId = () =>
    fc.oneof(
      { weight: 3, arbitrary: badId(modemIdValid) },
      { weight: 1, arbitrary: unknownId(MODEM_ID, () => cmtsIds) },
    );
  const statusForId = (c: IdCase, known = 200) =>
    c.kind === 'bad' ? 400 : c.kind === 'unknown' ? 404 : known;

  // -------------------------------------------------------------------------------------------------------------
  // Query arbitraries

  interface QueryRule {
    valid: (s: string) => boolean;
    near: fc.Arbitrary<string>;
  }
  interface QueryCase {
    query: string;
    /** Keys whose value the route must refuse (a repeated key becomes an array, which no rule accepts). */
    invalid: string[];
    values: Record<string, string>;
  }
  const intRule = (min: number, max: number): QueryRule => ({
    valid: intQuery(min, max),
    near: fc.oneof(
      fc.constantFrom(
        String(min - 1),
        String(max + 1),
        `${min}.5`,
        '',
        ' ',
        '0x10',
        '1e3',
        '-0',
        '+5',
        'NaN',
        'Infinity',
      ),
      fc.integer({ min: Math.max(min - 5, -(2 ** 31)), max: Math.min(max + 5, 2 ** 31 - 1) }).map(String),
    ),
  });
  const sinceRule: QueryRule = {
    valid: sinceQuery,
    near: fc.oneof(
      fc.constantFrom(
        '2026-11-25T10:00:00Z',
        '2026-13-45T25:61Z',
        '2026-02-30T00:00:00Z',
        '0000-00-00T00:00Z',
        '9999-99-99T99:99:99.999+99:99',
        '2026-11-25',
        '2026-11-25T10:00:00',
        '99999999999999',
        '1795612400000',
        '-1',
        '',
      ),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.constantFrom('Z', '+00:00', '-99:99', '+2500'),
        )
        .map(
          ([y, mo, d, h, mi, z]) =>
            `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}${z}`,
        ),
    ),
  };
  const patternRule = (re: RegExp): QueryRule => ({
    valid: (s) => re.test(s),
    near: fc.constantFrom('', ' ', 'sim-cmts-1', 'x'.repeat(65), '-x', 'a b', 'worst', 'WORST'),
  });

  function queryCase(rules: Record<string, QueryRule>): fc.Arbitrary<QueryCase> {
    const keys = Object.keys(rules);
    const pair = fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .constantFrom(...keys)
          .chain((k) => fc.tuple(fc.constant(k), fc.oneof(rules[k].near, hostileUrlString))),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          extraKey(keys).filter((k) => k !== ''),
          hostileUrlString,
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(fc.constantFrom(...DROPPED_KEYS, '__proto__[polluted]'), fc.constant('1')),
      },
    );
    return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => {
      const seen = new Map<string, number>();
      for (const [k] of pairs) {
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
      const values: Record<string, string> = {};
      const invalid = new Set<string>();
      for (const [k, v] of pairs) {
        if (DROPPED_KEYS.includes(k)) {
          continue; // dropped by the validation pipe
        }
        values[k] = wire(v);
        if (!keys.includes(k) || (seen.get(k) ?? 0) > 1 || !rules[k].valid(wire(v))) {
          invalid.add(k);
        }
      }
      return {
        query: `?${pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&')}`,
        invalid: [...invalid],
        values,
      };
    });
  }

  /** Runs a property over the generated cases, sequentially; `numRuns` per route. */
  async function property<T>(
    arb: fc.Arbitrary<T>,
    run: (value: T) => Promise<void>,
    numRuns = RUNS,
  ): Promise<void> {
    await fc.assert(fc.asyncProperty(arb, run), { numRuns, verbose: 1 });
  }

  // -------------------------------------------------------------------------------------------------------------

  beforeAll(async () => {
    started = Date.now();
    t = await startTestApp(
      'redis',
      {
        API_KEYS: `hostile-root:admin:${ADMIN}`,
        RATE_LIMIT_PER_MIN: '0',
        SIMULATOR_MODEMS: '12',
        DISCOVERY_INTERVAL_SEC: '0',
        SWEEP_INTERVAL_SEC: '0',
        SIMULATOR_SELF_REBOOT_SEC: '100000',
      },
      logger,
    );
    const sim = await get('/api/v1/simulator/modems?limit=1000');
    modemIds = new Set(sim.items.map((m: any) => m.id as string));
    cmtsIds = new Set((await get('/api/v1/cmts')).items.map((c: any) => c.id as string));
    const simNodes = await get('/api/v1/simulator/nodes');
    nodes = simNodes.items.map((n: any) => ({ cmtsId: n.cmtsId, serviceGroupId: n.serviceGroupId }));
    scenarioNames = new Set([
      ...(await get('/api/v1/simulator/scenarios')).items.map((s: any) => s.name as string),
      ...simNodes.scenarios.map((s: any) => s.name as string),
    ]);
    before = await snapshot();
  }, 60_000);

  afterEach(async () => {
    await expectNothingChanged();
  });

  afterAll(async () => {
    await t?.close();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(
      `hostile-http: ${total} requests over ${counts.size} routes in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        [...counts].map(([route, n]) => `${route} ${n}`).join(', '),
    );
  });

  it('refuses broken PUT /modems/{id} bodies (v2c and v3) with 400 naming the field, 413 over the limit', async () => {
    const ids = fc.oneof(
      fc.constantFrom('sim-cm-00001', 'sim-cm-00002'),
      unknownId(MODEM_ID, () => modemIds).map((c) => c.id),
    );
    await property(
      fc.tuple(
        ids,
        fc.oneof(
          { weight: 3, arbitrary: brokenBody(MODEM_V2C) },
          { weight: 2, arbitrary: brokenBody(MODEM_V3) },
          { weight: 1, arbitrary: anyBody(['host', 'snmp']) },
        ),
      ),
      async ([id, c]) => {
        const body = toJson(c.body);
        const res = await hit('PUT /modems/{id}', { method: 'put', path: `/api/v1/modems/${enc(id)}`, body });
        expectBodyRefused(res, body, c);
      },
      RUNS * 3,
    );
  });

  /** 413 over the JSON limit; a JSON primitive is malformed for the strict parser (400 naming the body). */
  function expectBodyRefused(res: Reply, body: string, c: BodyCase, alsoNamed: string[] = []): void {
    if (utf8Bytes(body) > JSON_LIMIT) {
      expectRefused(res, [413], undefined, c.body);
      return;
    }
    const primitive = !body.startsWith('{') && !body.startsWith('[');
    if (primitive) {
      expectRefused(res, [400], undefined, c.body);
      expect(res.body.fields).toEqual([{ field: 'body', problems: [expect.any(String)] }]);
      return;
    }
    expectRefused(res, [400], c.broken.length > 0 ? [...c.broken, ...alsoNamed] : 'any', c.body);
  }

  it('refuses hostile modem ids on PUT, GET, DELETE /modems/{id} (400 naming id; 404 when well-formed)', async () => {
    await property(readModemId(), async (c) => {
      const res = await hit('GET /modems/{id}', { method: 'get', path: `/api/v1/modems/${enc(c.id)}` });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(writeModemId(), async (c) => {
      const res = await hit('DELETE /modems/{id}', { method: 'delete', path: `/api/v1/modems/${enc(c.id)}` });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    // An invalid id refuses even a valid body (nothing is stored under any id).
    await property(badId(modemIdValid), async (c) => {
      const res = await hit('PUT /modems/{id}', {
        method: 'put',
        path: `/api/v1/modems/${enc(c.id)}`,
        body: toJson(MODEM_V2C.base),
      });
      expectRefused(res, [400], ['id'], c.id);
    });
  });

  it('refuses hostile list, diagnosis, telemetry, timeline and history queries', async () => {
    await property(
      queryCase({ offset: intRule(0, Number.MAX_SAFE_INTEGER), limit: intRule(1, 1000) }),
      async (q) => {
        const res = await hit('GET /modems', { method: 'get', path: '/api/v1/modems', query: q.query });
        expectQuery(res, q);
      },
    );
    await property(fc.tuple(readModemId(), queryCase({ maxAgeSec: intRule(0, 86_400) })), async ([c, q]) => {
      const res = await hit('GET /modems/{id}/diagnosis', {
        method: 'get',
        path: `/api/v1/modems/${enc(c.id)}/diagnosis`,
        query: q.query,
      });
      expectIdAndQuery(res, c, q);
    });
    await property(readModemId(), async (c) => {
      const res = await hit('GET /modems/{id}/telemetry', {
        method: 'get',
        path: `/api/v1/modems/${enc(c.id)}/telemetry`,
      });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(fc.tuple(readModemId(), queryCase({ days: intRule(1, 31) })), async ([c, q]) => {
      const res = await hit('GET /modems/{id}/timeline', {
        method: 'get',
        path: `/api/v1/modems/${enc(c.id)}/timeline`,
        query: q.query,
      });
      expectIdAndQuery(res, c, q);
    });
    await property(fc.tuple(readModemId(), queryCase({ since: sinceRule })), async ([c, q]) => {
      const res = await hit('GET /modems/{id}/history', {
        method: 'get',
        path: `/api/v1/modems/${enc(c.id)}/history`,
        query: q.query,
      });
      expectIdAndQuery(res, c, q);
    });
  });

  function expectQuery(res: Reply, q: QueryCase, ok = 200): void {
    if (q.invalid.length > 0) {
      expectRefused(res, [400], q.invalid, q.query);
      const names = (res.body.fields as { field: string }[]).map((f) => f.field);
      expect({ query: q.query, unnamed: q.invalid.filter((k) => !names.includes(k)) }).toEqual({
        query: q.query,
        unnamed: [],
      });
    } else {
      expectRefused(res, [ok], undefined, q.query);
    }
  }

  function expectIdAndQuery(res: Reply, c: IdCase, q: QueryCase): void {
    if (c.kind === 'bad' || q.invalid.length > 0) {
      expectRefused(res, [400], [...(c.kind === 'bad' ? ['id'] : []), ...q.invalid], {
        id: c.id,
        query: q.query,
      });
    } else {
      expectRefused(res, [statusForId(c)], undefined, { id: c.id, query: q.query });
    }
  }

  it('refuses broken bulk imports: not text (415), rows that fail (200, nothing stored), too many rows (400)', async () => {
    // A JSON body: the import reads only CSV or JSON lines, so 415.
    await property(anyBody(['id', 'host']), async (c) => {
      const body = toJson(c.body);
      const res = await hit('POST /modems:import', { method: 'post', path: '/api/v1/modems:import', body });
      expectRefused(res, [415], undefined, c.body);
    });
    // JSON lines: every line fails (bad id, or not an object, or not JSON): 200 with every row reported.
    const badLine = fc.oneof(
      brokenBody(MODEM_V2C).chain((c) =>
        badId(modemIdValid).map((id) => ({
          line: toJson({ ...(c.body as object), id: id.id }),
          object: true,
        })),
      ),
      badId(modemIdValid).map((id) => ({ line: toJson({ ...MODEM_V2C.base, id: id.id }), object: true })),
      fc.jsonValue({ maxDepth: 2 }).map((v) => ({ line: toJson(v), object: false })),
      hostileString
        .filter((s) => !s.includes('\n') && !s.includes('\r'))
        .map((s) => ({ line: s, object: false })),
    );
    await property(
      fc.tuple(
        fc.array(badLine, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('application/x-ndjson', 'application/jsonl'),
      ),
      async ([lines, type]) => {
        const body = lines.map((l) => l.line).join('\n');
        const res = await hit('POST /modems:import', {
          method: 'post',
          path: '/api/v1/modems:import',
          body,
          type,
        });
        expectImportRefusedEveryRow(res, body);
      },
    );
    // CSV: known and unknown columns, hostile cells, every row with a bad id.
    const COLUMNS = [
      'id',
      'host',
      'port',
      'snmpVersion',
      'community',
      'writeCommunity',
      'mac',
      'cmtsId',
      'customerNumber',
      'fullName',
      'address',
    ];
    const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;
    await property(
      fc.tuple(
        fc.subarray(COLUMNS.slice(1), { minLength: 1 }),
        fc.option(fc.constantFrom('id;DROP', '__proto__', 'constructor', 'Łódź', ''), { nil: undefined }),
        fc.array(
          fc.tuple(
            badId(modemIdValid),
            fc.array(
              hostileString.filter((s) => s.length < 5_000),
              { minLength: 12, maxLength: 12 },
            ),
          ),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
      ),
      async ([cols, extra, rows]) => {
        const header = ['id', ...cols, ...(extra === undefined ? [] : [extra])];
        const body = [
          header.map(csvCell).join(','),
          ...rows.map(([id, cells]) => [id.id, ...cells.slice(0, header.length - 1)].map(csvCell).join(',')),
        ].join('\r\n');
        const res = await hit('POST /modems:import', {
          method: 'post',
          path: '/api/v1/modems:import',
          body,
          type: 'text/csv',
        });
        expectImportRefusedEveryRow(res, body);
      },
    );
    // Any text at all as CSV: nothing is stored.
    await property(hostileString, async (s) => {
      const res = await hit('POST /modems:import', {
        method: 'post',
        path: '/api/v1/modems:import',
        body: s,
        type: 'text/csv',
      });
      if (res.status === 200) {
        expect({ s: show(s), created: res.body.created, updated: res.body.updated }).toEqual({
          s: show(s),
          created: 0,
          updated: 0,
        });
      } else {
        expectRefused(res, [400], undefined, s);
      }
    });
    // More rows than one import takes: 400 before any row is read.
    const many = `${'x\n'.repeat(100_001)}`;
    const res = await hit('POST /modems:import', {
      method: 'post',
      path: '/api/v1/modems:import',
      body: many,
      type: 'application/x-ndjson',
    });
    expectRefused(res, [400]);
    expect(res.body.message).toMatch(/at most 100000 rows/);
  });

  function expectImportRefusedEveryRow(res: Reply, body: string): void {
    expectRefused(res, [200], undefined, body);
    const r = res.body;
    expect({ body: show(body), created: r.created, updated: r.updated, failed: r.failed }).toEqual({
      body: show(body),
      created: 0,
      updated: 0,
      failed: r.received,
    });
    for (const e of r.errors as {
      row: number;
      message: string;
      fields?: { field: string; problems: string[] }[];
    }[]) {
      expect(typeof e.message).toBe('string');
      if (e.fields) {
        // Every row has a bad id; a row nested too deep is refused for that before anything else is read.
        const deep = e.fields.some((f) => f.problems.some((p) => p.startsWith('nested more than')));
        expect({ row: e.row, fields: deep || e.fields.map((f) => f.field).includes('id') }).toEqual({
          row: e.row,
          fields: true,
        });
      }
    }
  }

  it('refuses broken reboot bodies and hostile ids on POST /modems/{id}/reboot and GET /actions/{id}', async () => {
    const ids = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom('sim-cm-00003', 'sim-cm-00004')
          .map((id): IdCase => ({ id, kind: 'known' })),
      },
      { weight: 1, arbitrary: writeModemId() },
    );
    await property(
      fc.tuple(
        ids,
        fc.oneof({ weight: 4, arbitrary: brokenBody(REBOOT) }, { weight: 1, arbitrary: anyBody(['reason']) }),
      ),
      async ([c, b]) => {
        const body = toJson(b.body);
        const res = await hit('POST /modems/{id}/reboot', {
          method: 'post',
          path: `/api/v1/modems/${enc(c.id)}/reboot`,
          body,
        });
        expectBodyRefused(res, body, b, c.kind === 'bad' ? ['id'] : []);
      },
    );
    await property(badId(modemIdValid), async (c) => {
      const res = await hit('POST /modems/{id}/reboot', {
        method: 'post',
        path: `/api/v1/modems/${enc(c.id)}/reboot`,
        body: toJson(REBOOT.base),
      });
      expectRefused(res, [400], ['id'], c.id);
    });
    await property(
      hostileUrlString.filter((s) => s !== ''),
      async (id) => {
        const res = await hit('GET /actions/{id}', { method: 'get', path: `/api/v1/actions/${enc(id)}` });
        expectRefused(res, [chars(wire(id)) > 64 ? 400 : 404], ['id'], id);
      },
    );
  });

  it('refuses broken caller verifications on POST /lines/verify', async () => {
    await property(
      fc.oneof(
        { weight: 4, arbitrary: brokenBody(VERIFY) },
        { weight: 1, arbitrary: anyBody(['customerNumber', 'fullName']) },
      ),
      async (c) => {
        const body = toJson(c.body);
        const res = await hit('POST /lines/verify', { method: 'post', path: '/api/v1/lines/verify', body });
        expectBodyRefused(res, body, c);
      },
      RUNS * 2,
    );
  });

  it('refuses broken sweeps on POST /sweeps and hostile GET /sweeps queries and ids', async () => {
    await property(
      fc.oneof(
        { weight: 4, arbitrary: brokenBody(SWEEP_NODE) },
        { weight: 1, arbitrary: anyBody(['scope']) },
      ),
      async (c) => {
        const body = toJson(c.body);
        const res = await hit('POST /sweeps', { method: 'post', path: '/api/v1/sweeps', body });
        expectBodyRefused(res, body, c);
      },
      RUNS * 2,
    );
    await property(queryCase({ limit: intRule(1, 50) }), async (q) => {
      const res = await hit('GET /sweeps', { method: 'get', path: '/api/v1/sweeps', query: q.query });
      expectQuery(res, q);
    });
    await property(
      fc.oneof(
        badId((s) => SWEEP_ID.test(s)),
        unknownId(SWEEP_ID, () => new Set()),
      ),
      async (c) => {
        const res = await hit('GET /sweeps/{id}', { method: 'get', path: `/api/v1/sweeps/${enc(c.id)}` });
        expectRefused(res, [statusForId(c)], ['id'], c.id);
      },
    );
  });

  it('refuses broken CMTS bodies and hostile CMTS ids (PUT, GET, DELETE, discover)', async () => {
    const ids = fc.oneof(
      fc.constantFrom(...cmtsIds),
      unknownId(MODEM_ID, () => cmtsIds).map((c) => c.id),
    );
    await property(
      fc.tuple(
        ids,
        fc.oneof(
          { weight: 4, arbitrary: brokenBody(CMTS) },
          { weight: 1, arbitrary: anyBody(['host', 'snmp']) },
        ),
      ),
      async ([id, c]) => {
        const body = toJson(c.body);
        const res = await hit('PUT /cmts/{id}', { method: 'put', path: `/api/v1/cmts/${enc(id)}`, body });
        expectBodyRefused(res, body, c);
      },
      RUNS * 2,
    );
    await property(badId(modemIdValid), async (c) => {
      const res = await hit('PUT /cmts/{id}', {
        method: 'put',
        path: `/api/v1/cmts/${enc(c.id)}`,
        body: toJson(CMTS.base),
      });
      expectRefused(res, [400], ['id'], c.id);
    });
    await property(readCmtsId(), async (c) => {
      const res = await hit('GET /cmts/{id}', { method: 'get', path: `/api/v1/cmts/${enc(c.id)}` });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(writeCmtsId(), async (c) => {
      const res = await hit('DELETE /cmts/{id}', { method: 'delete', path: `/api/v1/cmts/${enc(c.id)}` });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(writeCmtsId(), async (c) => {
      const res = await hit('POST /cmts/{id}/discover', {
        method: 'post',
        path: `/api/v1/cmts/${enc(c.id)}/discover`,
      });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
  });

  it('refuses hostile node queries and node ids', async () => {
    await property(
      queryCase({
        cmtsId: patternRule(MODEM_ID),
        sort: patternRule(/^(worst|id)$/),
        limit: intRule(1, 1000),
      }),
      async (q) => {
        const res = await hit('GET /nodes', { method: 'get', path: '/api/v1/nodes', query: q.query });
        const unknownCmts = q.values.cmtsId !== undefined && !cmtsIds.has(q.values.cmtsId);
        expectQuery(res, q, unknownCmts ? 404 : 200);
      },
    );
    const sg = fc.oneof(
      { weight: 3, arbitrary: hostileUrlString.filter((s) => s !== '') },
      { weight: 1, arbitrary: fc.stringMatching(SERVICE_GROUP) },
      { weight: 1, arbitrary: fc.constantFrom(...nodes.map((n) => n.serviceGroupId)) },
    );
    await property(fc.tuple(readCmtsId(), sg), async ([c, g]) => {
      const res = await hit('GET /nodes/{cmtsId}/{serviceGroupId}', {
        method: 'get',
        path: `/api/v1/nodes/${enc(c.id)}/${enc(g)}`,
      });
      const badSg = !SERVICE_GROUP.test(wire(g));
      const named = [...(c.kind === 'bad' ? ['cmtsId'] : []), ...(badSg ? ['serviceGroupId'] : [])];
      if (named.length > 0) {
        expectRefused(res, [400], named, [c.id, g]);
      } else {
        const exists = nodes.some((n) => n.cmtsId === c.id && n.serviceGroupId === g);
        expectRefused(res, [exists ? 200 : 404], undefined, [c.id, g]);
      }
    });
  });

  it('refuses broken API key bodies, hostile key ids and audit queries', async () => {
    await property(
      fc.oneof(
        { weight: 4, arbitrary: brokenBody(CREATE_KEY) },
        { weight: 1, arbitrary: anyBody(['name', 'roles']) },
      ),
      async (c) => {
        const body = toJson(c.body);
        const res = await hit('POST /admin/keys', { method: 'post', path: '/api/v1/admin/keys', body });
        expectBodyRefused(res, body, c);
      },
      RUNS * 2,
    );
    await property(
      fc.oneof(
        badId((s) => KEY_ID.test(s)),
        unknownId(KEY_ID, () => new Set()),
      ),
      async (c) => {
        const res = await hit('DELETE /admin/keys/{id}', {
          method: 'delete',
          path: `/api/v1/admin/keys/${enc(c.id)}`,
        });
        expectRefused(res, [statusForId(c)], ['id'], c.id);
      },
    );
    await property(queryCase({ since: sinceRule, limit: intRule(1, 1000) }), async (q) => {
      const res = await hit('GET /audit', { method: 'get', path: '/api/v1/audit', query: q.query });
      expectQuery(res, q);
    });
  });

  it('ignores hostile queries on routes that take none (fleet, thresholds, health, metrics, key list)', async () => {
    const routes: [string, string][] = [
      ['GET /fleet/summary', '/api/v1/fleet/summary'],
      ['GET /thresholds', '/api/v1/thresholds'],
      ['GET /health', '/health'],
      ['GET /metrics', '/metrics'],
      ['GET /admin/keys', '/api/v1/admin/keys'],
      ['GET /cmts', '/api/v1/cmts'],
      ['GET /simulator/scenarios', '/api/v1/simulator/scenarios'],
      ['GET /simulator/stats', '/api/v1/simulator/stats'],
      ['GET /simulator/nodes', '/api/v1/simulator/nodes'],
    ];
    await property(
      fc.tuple(fc.constantFrom(...routes), queryCase({ x: patternRule(/^$/) })),
      async ([[route, path], q]) => {
        const res = await hit(route, { method: 'get', path, query: q.query });
        expectRefused(res, [200], undefined, q.query);
      },
      RUNS * 2,
    );
  });

  it('refuses hostile simulator input: scenarios, latency, node scenarios, ids and pages', async () => {
    const scenarioBody: BodySchema = {
      base: { scenario: 'TEXTBOOK' },
      fields: { scenario: required(patterned(SCENARIO_NAME)) },
      objects: { '': ['scenario'] },
    };
    // A well-formed name that is no scenario: 400 from the simulator (no field list: it is not a format error).
    const unknownScenario = fc
      .stringMatching(SCENARIO_NAME)
      .filter((s) => !scenarioNames.has(s))
      .map((scenario) => ({ body: { scenario }, broken: [] as string[], unknown: true }));
    const bodies = fc.oneof(
      { weight: 4, arbitrary: brokenBody(scenarioBody).map((c) => ({ ...c, unknown: false })) },
      { weight: 1, arbitrary: anyBody(['scenario']).map((c) => ({ ...c, unknown: false })) },
      { weight: 1, arbitrary: unknownScenario },
    );
    const simIds = fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom('sim-cm-00005', 'sim-cm-00006')
          .map((id): IdCase => ({ id, kind: 'known' })),
      },
      { weight: 1, arbitrary: writeModemId() },
    );
    await property(
      fc.tuple(simIds, bodies),
      async ([c, b]) => {
        const body = toJson(b.body);
        const res = await hit('PUT /simulator/modems/{id}/scenario', {
          method: 'put',
          path: `/api/v1/simulator/modems/${enc(c.id)}/scenario`,
          body,
        });
        if (b.unknown && c.kind !== 'bad') {
          expectRefused(res, c.kind === 'unknown' ? [404, 400] : [400], undefined, [c.id, b.body]);
        } else if (b.unknown) {
          expectRefused(res, [400], ['id'], [c.id, b.body]);
        } else {
          expectBodyRefused(res, body, b, c.kind === 'bad' ? ['id'] : []);
        }
      },
      RUNS * 2,
    );
    await property(
      fc.tuple(
        simIds,
        fc.oneof(
          { weight: 4, arbitrary: brokenBody(LATENCY) },
          { weight: 1, arbitrary: anyBody(['responseDelayMs']) },
        ),
      ),
      async ([c, b]) => {
        const body = toJson(b.body);
        const res = await hit('PUT /simulator/modems/{id}/latency', {
          method: 'put',
          path: `/api/v1/simulator/modems/${enc(c.id)}/latency`,
          body,
        });
        expectBodyRefused(res, body, b, c.kind === 'bad' ? ['id'] : []);
      },
    );
    const node = fc.constantFrom(...nodes);
    await property(fc.tuple(node, bodies), async ([n, b]) => {
      const body = toJson(b.body);
      const res = await hit('PUT /simulator/nodes/{cmtsId}/{sg}/scenario', {
        method: 'put',
        path: `/api/v1/simulator/nodes/${enc(n.cmtsId)}/${enc(n.serviceGroupId)}/scenario`,
        body,
      });
      if (b.unknown) {
        expectRefused(res, [400], undefined, b.body);
      } else {
        expectBodyRefused(res, body, b);
      }
    });
    await property(
      fc.tuple(
        readCmtsId(),
        hostileUrlString.filter((s) => s !== ''),
      ),
      async ([c, g]) => {
        const res = await hit('PUT /simulator/nodes/{cmtsId}/{sg}/scenario', {
          method: 'put',
          path: `/api/v1/simulator/nodes/${enc(c.id)}/${enc(g)}/scenario`,
          body: toJson({ scenario: 'NODE_OUTAGE' }),
        });
        const named = [
          ...(c.kind === 'bad' ? ['cmtsId'] : []),
          ...(SERVICE_GROUP.test(wire(g)) ? [] : ['serviceGroupId']),
        ];
        if (named.length > 0) {
          expectRefused(res, [400], named, [c.id, g]);
        } else {
          // Well-formed but unknown CMTS or node: not found (404, documented).
          expectRefused(res, [404], undefined, [c.id, g]);
        }
      },
    );
    await property(readModemId(), async (c) => {
      const res = await hit('GET /simulator/modems/{id}', {
        method: 'get',
        path: `/api/v1/simulator/modems/${enc(c.id)}`,
      });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(readCmtsId(), async (c) => {
      const res = await hit('GET /simulator/cmts/{id}/requests', {
        method: 'get',
        path: `/api/v1/simulator/cmts/${enc(c.id)}/requests`,
      });
      expectRefused(res, [statusForId(c)], ['id'], c.id);
    });
    await property(
      queryCase({ offset: intRule(0, Number.MAX_SAFE_INTEGER), limit: intRule(1, 1000) }),
      async (q) => {
        const res = await hit('GET /simulator/modems', {
          method: 'get',
          path: '/api/v1/simulator/modems',
          query: q.query,
        });
        expectQuery(res, q);
      },
    );
  });

  it('answers hostile MCP messages with a JSON-RPC error (never a 5xx, never a tool run)', async () => {
    const headers = { Accept: 'application/json, text/event-stream' };
    const expectRpcRefused = (res: Reply, input: unknown) => {
      if (res.status >= 500 || ![200, 202, 400, 406, 413, 415].includes(res.status)) {
        throw new Error(`MCP answered ${res.status}: ${show(input)} -> ${show(res.text)}`);
      }
      if (res.status === 200) {
        const replies = Array.isArray(res.body) ? res.body : [res.body];
        for (const r of replies) {
          if (!(r?.error || r?.result?.isError === true)) {
            throw new Error(`MCP ran something: ${show(input)} -> ${show(res.text)}`);
          }
        }
      }
    };
    await property(anyBody(['jsonrpc', 'method']), async (c) => {
      const res = await hit('POST /mcp', { method: 'post', path: '/mcp', body: toJson(c.body), headers });
      expectRpcRefused(res, c.body);
    });
    // tools/call with arguments no tool accepts (modem_id / customer_number broken; confirm never true).
    const badArgs = fc.record(
      {
        modem_id: wildValue.filter((v) => !strLen(1, 64)(v)),
        customer_number: wildValue.filter((v) => !strLen(1, 64)(v)),
        full_name: wildValue,
        address: wildValue,
        line_token: wildValue,
        max_age_sec: wildValue,
        days: wildValue,
        reason: wildValue,
        confirm: wildValue.filter((v) => v !== true),
      },
      { requiredKeys: ['modem_id', 'customer_number'] },
    );
    const tool = fc.oneof(
      fc.constantFrom(
        'verify_caller',
        'diagnose_line',
        'get_line_timeline',
        'get_node_status',
        'reboot_modem',
      ),
      hostileString,
    );
    await property(
      fc.tuple(tool, badArgs, fc.oneof(fc.integer(), hostileString)),
      async ([name, args, id]) => {
        const body = toJson({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
        const res = await hit('POST /mcp', { method: 'post', path: '/mcp', body, headers });
        expectRpcRefused(res, body);
      },
    );
    await property(fc.tuple(hostileString, fc.option(wildValue)), async ([method, params]) => {
      const body = toJson({ jsonrpc: '2.0', id: 1, method, params });
      const res = await hit('POST /mcp', { method: 'post', path: '/mcp', body, headers });
      expectRpcRefused(res, body);
    });
  });

  it('refuses a JSON body over 256 kB with 413 before any handler runs', async () => {
    // Valid bodies padded with whitespace to one byte over the limit: stored, started or sent if a handler ran.
    const valid: [string, Method, string, unknown][] = [
      ['PUT /modems/{id}', 'put', '/api/v1/modems/limit-probe-1', MODEM_V2C.base],
      ['PUT /cmts/{id}', 'put', '/api/v1/cmts/limit-probe-1', CMTS.base],
      ['POST /admin/keys', 'post', '/api/v1/admin/keys', CREATE_KEY.base],
      ['POST /sweeps', 'post', '/api/v1/sweeps', { scope: { kind: 'all' } }],
      ['POST /modems/{id}/reboot', 'post', '/api/v1/modems/sim-cm-00001/reboot', REBOOT.base],
      [
        'PUT /simulator/modems/{id}/scenario',
        'put',
        '/api/v1/simulator/modems/sim-cm-00001/scenario',
        { scenario: 'T3_T4_FAULT' },
      ],
      [
        'PUT /simulator/modems/{id}/latency',
        'put',
        '/api/v1/simulator/modems/sim-cm-00001/latency',
        { responseDelayMs: 2500 },
      ],
      ['POST /lines/verify', 'post', '/api/v1/lines/verify', VERIFY.base],
    ];
    for (const [route, method, path, body] of valid) {
      const json = toJson(body);
      const over = json + ' '.repeat(JSON_LIMIT + 1 - utf8Bytes(json));
      expect(utf8Bytes(over)).toBe(JSON_LIMIT + 1);
      expectRefused(await hit(route, { method, path, body: over }), [413], undefined, route);
      // One byte less is read, and (being invalid here) refused by validation: the limit is exact.
      const invalid = toJson({ ...(body as object), '💥': 1 });
      const at = invalid + ' '.repeat(JSON_LIMIT - utf8Bytes(invalid));
      expectRefused(await hit(route, { method, path, body: at }), [400], ['💥'], route);
    }
    const gone = await t.http().get('/api/v1/modems/limit-probe-1').set('Authorization', `Bearer ${ADMIN}`);
    expect(gone.status).toBe(404);
    // Without a Content-Length (chunked), the parser counts as it reads: still 413.
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: '/api/v1/modems/limit-probe-2',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        },
        (res) => {
          let data = '';
          res.on('data', (d: Buffer) => (data += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        },
      );
      req.on('error', reject);
      const json = toJson(MODEM_V2C.base);
      req.write(json);
      for (let i = 0; i < 33; i++) {
        req.write(' '.repeat(8 * 1024));
      }
      req.end();
    });
    counts.set('PUT /modems/{id}', (counts.get('PUT /modems/{id}') ?? 0) + 1);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body)).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'request body too large: at most 262144 bytes',
      fields: [{ field: 'body', problems: ['request body too large: at most 262144 bytes'] }],
    });
    // Bulk imports take 20 MB of text, and no more.
    const big = `${'x'.repeat(TEXT_LIMIT)}\n`;
    expectRefused(
      await hit('POST /modems:import', {
        method: 'post',
        path: '/api/v1/modems:import',
        body: big,
        type: 'text/csv',
      }),
      [413],
    );
    // A URL far over Node's header limit: 431 (or 414), never a 5xx.
    const res = await hit('GET /modems/{id}', {
      method: 'get',
      path: `/api/v1/modems/${'a'.repeat(100_000)}`,
    });
    expect([414, 431]).toContain(res.status);
  });

  it('does not let __proto__ or constructor.prototype pollute Object.prototype', async () => {
    const payloads = [
      '{"__proto__":{"polluted":"yes"},"host":"bad host","snmp":{"version":"2c","community":"x"}}',
      '{"host":"10.0.0.1","snmp":{"__proto__":{"polluted":"yes"},"version":"9"}}',
      '{"constructor":{"prototype":{"polluted":"yes"}},"host":"a b","snmp":{"version":"2c","community":"x"}}',
      '{"host":"10.0.0.1","snmp":{"version":"2c","community":""},"customer":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}}',
      '[{"__proto__":{"polluted":"yes"}}]',
      '{"__proto__":[],"host":1}',
    ];
    for (const body of payloads) {
      const res = await hit('PUT /modems/{id}', { method: 'put', path: '/api/v1/modems/proto-probe', body });
      expectRefused(res, [400], 'any', body);
      expect(({} as any).polluted).toBeUndefined();
    }
    for (const [route, path] of [
      ['POST /sweeps', '/api/v1/sweeps'],
      ['POST /admin/keys', '/api/v1/admin/keys'],
      ['POST /lines/verify', '/api/v1/lines/verify'],
    ]) {
      const res = await hit(route, {
        method: 'post',
        path,
        body: '{"__proto__":{"polluted":"yes","roles":["admin"]}}',
      });
      expectRefused(res, [400], 'any', path);
    }
    const ndjson =
      '{"__proto__":{"polluted":"yes"},"id":"bad id"}\n{"constructor":{"prototype":{"polluted":"yes"}}}';
    expectImportRefusedEveryRow(
      await hit('POST /modems:import', {
        method: 'post',
        path: '/api/v1/modems:import',
        body: ndjson,
        type: 'application/x-ndjson',
      }),
      ndjson,
    );
    for (const query of [
      '?__proto__[polluted]=yes',
      '?constructor[prototype][polluted]=yes',
      '?__proto__.polluted=yes',
    ]) {
      const res = await hit('GET /modems', { method: 'get', path: '/api/v1/modems', query });
      expectRefused(res, [400], 'any', query);
    }
    expect(({} as any).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    // The app still works, and its objects are clean.
    const list = await hit('GET /modems', { method: 'get', path: '/api/v1/modems', query: '?limit=1' });
    expect(list.status).toBe(200);
    expect(list.body.polluted).toBeUndefined();
  });

  it('refuses malformed JSON with 400 on every route that takes a body', async () => {
    const routes: [string, Method, string][] = [
      ['PUT /modems/{id}', 'put', '/api/v1/modems/sim-cm-00001'],
      ['PUT /cmts/{id}', 'put', '/api/v1/cmts/sim-cmts-1'],
      ['POST /sweeps', 'post', '/api/v1/sweeps'],
      ['POST /modems/{id}/reboot', 'post', '/api/v1/modems/sim-cm-00001/reboot'],
      ['POST /lines/verify', 'post', '/api/v1/lines/verify'],
      ['POST /admin/keys', 'post', '/api/v1/admin/keys'],
      ['PUT /simulator/modems/{id}/scenario', 'put', '/api/v1/simulator/modems/sim-cm-00001/scenario'],
      ['PUT /simulator/modems/{id}/latency', 'put', '/api/v1/simulator/modems/sim-cm-00001/latency'],
      ['POST /mcp', 'post', '/mcp'],
    ];
    const validTexts = [
      MODEM_V2C.base,
      CMTS.base,
      REBOOT.base,
      VERIFY.base,
      CREATE_KEY.base,
      { scope: { kind: 'all' } },
    ].map(toJson);
    const malformed = fc.oneof(
      // A valid body cut short.
      fc
        .tuple(fc.constantFrom(...validTexts), fc.nat())
        .map(([s, n]) => s.slice(0, 1 + (n % (s.length - 1)))),
      fc.constantFrom(
        '{',
        '{"a":1,}',
        "{'host':'x'}",
        '{"host":01}',
        '{"host":NaN}',
        '{"host":Infinity}',
        '{"host":undefined}',
        '{"a" 1}',
        '{"a":"\\x00"}',
        '{"a":"\u0000"}',
        '[1,2',
        '{}}',
        '{"a":1}{"b":2}',
        '\uFEFF{}x',
        '/* */{}',
        '{"a":"b"}//',
        ' ',
      ),
      // Random text that is not a JSON object or array.
      hostileString.filter((s) => {
        try {
          const v: unknown = JSON.parse(s);
          return v === null || typeof v !== 'object';
        } catch {
          return s.replace(/^\uFEFF/, '') !== ''; // a BOM alone is an empty body (400 naming the required fields)
        }
      }),
    );
    await property(
      fc.tuple(fc.constantFrom(...routes), malformed),
      async ([[route, method, path], body]) => {
        const res = await hit(route, {
          method,
          path,
          body,
          ...(route === 'POST /mcp' && { headers: { Accept: 'application/json, text/event-stream' } }),
        });
        if (utf8Bytes(body) > JSON_LIMIT) {
          expectRefused(res, [413], undefined, body);
        } else {
          expectRefused(res, [400], undefined, body);
          expect(res.body.fields).toEqual([{ field: 'body', problems: [expect.any(String)] }]);
        }
      },
      RUNS * 2,
    );
  });

  it('refuses a body in a type no parser of the route reads with 415 naming Content-Type', async () => {
    const routes: [string, Method, string, string][] = [
      ['PUT /modems/{id}', 'put', '/api/v1/modems/sim-cm-00001', 'host'],
      ['PUT /cmts/{id}', 'put', '/api/v1/cmts/sim-cmts-1', 'host'],
      ['POST /sweeps', 'post', '/api/v1/sweeps', 'scope'],
      ['POST /modems/{id}/reboot', 'post', '/api/v1/modems/sim-cm-00001/reboot', 'reason'],
      ['POST /lines/verify', 'post', '/api/v1/lines/verify', 'customerNumber'],
      ['POST /admin/keys', 'post', '/api/v1/admin/keys', 'name'],
      [
        'PUT /simulator/modems/{id}/scenario',
        'put',
        '/api/v1/simulator/modems/sim-cm-00001/scenario',
        'scenario',
      ],
    ];
    const types = fc.constantFrom(
      'text/plain',
      'text/csv',
      'application/x-ndjson',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
      'application/json; charset=latin1',
    );
    await property(
      fc.tuple(fc.constantFrom(...routes), types, fc.constantFrom(...validTexts())),
      async ([[route, method, path], type, body]) => {
        const res = await hit(route, { method, path, body, type });
        // JSON routes read application/json only (bulk import's text types only on the import route); an
        // unsupported charset is refused by body-parser itself.
        expectRefused(res, [415], undefined, type);
        if (!type.includes('charset')) {
          expect(res.body.fields).toEqual([{ field: 'Content-Type', problems: [expect.any(String)] }]);
        }
      },
    );
    function validTexts(): string[] {
      return [
        MODEM_V2C.base,
        CMTS.base,
        REBOOT.base,
        VERIFY.base,
        CREATE_KEY.base,
        { scope: { kind: 'all' } },
        { scenario: 'T3_T4_FAULT' },
      ].map(toJson);
    }
  });

  it('answers the stateless MCP GET/DELETE (405) and the live event stream (200) whatever the query', async () => {
    const query = queryCase({ x: patternRule(/^$/) });
    await property(fc.tuple(fc.constantFrom<Method>('get', 'delete'), query), async ([method, q]) => {
      const res = await hit(`${method.toUpperCase()} /mcp`, { method, path: '/mcp', query: q.query });
      expectRefused(res, [405], undefined, q.query);
    });
    // The event stream stays open: read its status and type, then hang up.
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    await property(
      query,
      async (q) => {
        counts.set('GET /events', (counts.get('GET /events') ?? 0) + 1);
        const head = await new Promise<{ status: number; type: string }>((resolve, reject) => {
          const req = httpRequest(
            {
              host: '127.0.0.1',
              port,
              path: `/api/v1/events${q.query}`,
              headers: { authorization: `Bearer ${ADMIN}` },
            },
            (res) => {
              resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']) });
              req.destroy();
            },
          );
          req.on('error', reject);
          req.end();
        });
        expect({ query: q.query, ...head }).toEqual({
          query: q.query,
          status: 200,
          type: expect.stringMatching(/^text\/event-stream/),
        });
      },
      Math.ceil(RUNS / 4),
    );
  });

  it('logged no internal error for any of it', () => {
    const errors = logger.lines.filter((l) => l.startsWith('error') || l.includes('Internal Server Error'));
    expect(errors).toEqual([]);
  });
});
