import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// The Grafana dashboard in docs/grafana/linecheck.json against the live /metrics of the whole service: it
// imports as an externally shared export, its panels do not overlap, every metric it queries exists, and every
// Linecheck metric (apart from the default process and Node.js ones) is on some panel.

const NOC_KEY = 'noc-grafana-0123456789abcdefghijklmnopqr';
const DASHBOARD = join(__dirname, '..', 'docs', 'grafana', 'linecheck.json');
const DS = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
const GRID_WIDTH = 24;

interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}
interface Target {
  expr?: string;
  refId?: string;
  datasource?: unknown;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: unknown;
  gridPos: GridPos;
  targets?: Target[];
}
interface Dashboard {
  __inputs: { name: string; type: string; pluginId: string }[];
  __requires: { type: string; id: string }[];
  panels: Panel[];
  templating?: { list: { name: string; query?: string | { query?: string }; datasource?: unknown }[] };
  uid: string;
  title: string;
  schemaVersion: number;
  refresh: string;
  time: { from: string; to: string };
}

/** Metric names in a PromQL expression (or a label_values() variable query). */
function metricNames(expr: string): string[] {
  return expr.match(/\blinecheck_[A-Za-z0-9_]+/g) ?? [];
}

/** `# TYPE <name> <type>` lines of a Prometheus text exposition. */
function families(exposition: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    out.set(m[1], m[2]);
  }
  return out;
}

/** The family a referenced series belongs to: itself, or the histogram/summary behind a _bucket/_sum/_count. */
function familyOf(name: string, live: Map<string, string>): string | undefined {
  if (live.has(name)) {
    return name;
  }
  const base = name.replace(/_(bucket|sum|count)$/, '');
  const type = live.get(base);
  return base !== name && (type === 'histogram' || (type === 'summary' && !name.endsWith('_bucket')))
    ? base
    : undefined;
}

/** The names prom-client's default metrics get with the service's prefix. */
async function defaultMetricNames(): Promise<Set<string>> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'linecheck_' });
  const names = (await registry.getMetricsAsJSON()).map((m) => m.name);
  registry.clear();
  return new Set(names);
}

function overlaps(a: GridPos, b: GridPos): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

describe('Grafana dashboard (memory store)', () => {
  let t: TestApp;
  let live: Map<string, string>;
  let dashboard: Dashboard;

  const as = { Authorization: `Bearer ${NOC_KEY}` };

  beforeAll(async () => {
    t = await startTestApp('memory', {
      API_KEYS: `noc:noc:${NOC_KEY}`,
      SIMULATOR_MODEMS: '40',
      SIMULATOR_SCENARIO_MIX: 'TEXTBOOK=80,DS_SNR_FAULT=10,OFFLINE=10',
      SIMULATOR_V3_SHARE: '0',
      SWEEP_MAX_AGE_SEC: '0',
      SWEEP_INTERVAL_SEC: '0',
      DISCOVERY_INTERVAL_SEC: '0',
    });
    // One sweep of everything, so every series (polls, verdicts, sweep histogram, node gauges) exists.
    const started = await t
      .http()
      .post('/api/v1/sweeps')
      .set(as)
      .send({ scope: { kind: 'all' } })
      .expect(202);
    await eventually(
      async () => {
        const sweep = await t.http().get(`/api/v1/sweeps/${started.body.id}`).set(as).expect(200);
        expect(sweep.body.status).toBe('finished');
      },
      { timeoutMs: 55_000, intervalMs: 100 },
    );
    const metrics = await t.http().get('/metrics').set(as).expect(200);
    live = families(metrics.text);
    dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  });
  afterAll(() => t.close());

  it('is an externally shared export with the required top-level fields', () => {
    expect(dashboard.__inputs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }),
      ]),
    );
    expect(dashboard.__requires).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'grafana', id: 'grafana' }),
        expect.objectContaining({ type: 'datasource', id: 'prometheus' }),
      ]),
    );
    const required = new Set(dashboard.__requires.filter((r) => r.type === 'panel').map((r) => r.id));
    for (const type of new Set(dashboard.panels.map((p) => p.type))) {
      expect(required).toContain(type);
    }
    expect(dashboard).toEqual(
      expect.objectContaining({
        uid: 'linecheck-noc',
        title: 'Linecheck NOC',
        schemaVersion: 39,
        refresh: '30s',
        time: { from: 'now-6h', to: 'now' },
      }),
    );
    expect(Array.isArray(dashboard.panels)).toBe(true);
    expect(dashboard.panels.length).toBeGreaterThan(0);
  });

  it('gives every panel a unique id, a title, a description, a gridPos and the shared datasource', () => {
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of dashboard.panels) {
      expect(typeof p.id).toBe('number');
      expect(p.title).toEqual(expect.stringMatching(/\S/));
      expect(p.description).toEqual(expect.stringMatching(/\S/));
      expect(p.datasource).toEqual(DS);
      for (const k of ['x', 'y', 'w', 'h'] as const) {
        expect(Number.isInteger(p.gridPos?.[k])).toBe(true);
      }
      expect(p.gridPos.w).toBeGreaterThan(0);
      expect(p.gridPos.h).toBeGreaterThan(0);
      expect(p.gridPos.x).toBeGreaterThanOrEqual(0);
      expect(p.gridPos.y).toBeGreaterThanOrEqual(0);
      expect(p.gridPos.x + p.gridPos.w).toBeLessThanOrEqual(GRID_WIDTH);
      for (const q of p.targets ?? []) {
        expect(q.datasource).toEqual(DS);
      }
    }
  });

  it('gives every panel at least one non-empty PromQL expression', () => {
    const withoutQuery = dashboard.panels
      .filter((p) => !(p.targets ?? []).some((q) => typeof q.expr === 'string' && q.expr.trim() !== ''))
      .map((p) => p.title);
    expect(withoutQuery).toEqual([]);
  });

  it('lays the panels out without overlap', () => {
    const clashes: string[] = [];
    dashboard.panels.forEach((a, i) =>
      dashboard.panels.slice(i + 1).forEach((b) => {
        if (overlaps(a.gridPos, b.gridPos)) {
          clashes.push(`${a.title} / ${b.title}`);
        }
      }),
    );
    expect(clashes).toEqual([]);
  });

  it('offers a multi-select cmts variable over a metric that has a cmts label', () => {
    const cmts = dashboard.templating?.list.find((v) => v.name === 'cmts');
    expect(cmts).toEqual(expect.objectContaining({ multi: true, includeAll: true, datasource: DS }));
    const query = typeof cmts?.query === 'string' ? cmts.query : (cmts?.query?.query ?? '');
    expect(query).toMatch(/^label_values\(linecheck_\w+, cmts\)$/);
    expect(live.has(metricNames(query)[0])).toBe(true);
  });

  it('queries only metrics the service exports', () => {
    const exprs = [
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((q) => q.expr ?? '')),
      ...(dashboard.templating?.list ?? []).map((v) =>
        typeof v.query === 'string' ? v.query : (v.query?.query ?? ''),
      ),
    ];
    const unknown = [
      ...new Set(exprs.flatMap(metricNames).filter((name) => familyOf(name, live) === undefined)),
    ];
    expect(unknown).toEqual([]);
  });

  it('puts every Linecheck metric (not the default process/Node.js ones) on some panel', async () => {
    const defaults = await defaultMetricNames();
    // The default-metric names are the same set the service exports, so the filter below means what it says.
    expect([...live.keys()].filter((n) => n.startsWith('linecheck_process_')).length).toBeGreaterThan(0);
    for (const name of [...live.keys()].filter((n) => /^linecheck_(process|nodejs)_/.test(n))) {
      expect(defaults).toContain(name);
    }
    const used = new Set(
      dashboard.panels
        .flatMap((p) => (p.targets ?? []).flatMap((q) => metricNames(q.expr ?? '')))
        .map((name) => familyOf(name, live)),
    );
    const own = [...live.keys()].filter((name) => name.startsWith('linecheck_') && !defaults.has(name));
    // The service's own metrics, as of this dashboard; a new one must get a panel before this passes.
    expect(own.length).toBeGreaterThanOrEqual(9);
    expect(own.filter((name) => !used.has(name))).toEqual([]);
  });
});
