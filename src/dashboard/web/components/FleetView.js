// @ts-check
import { html } from 'htm/preact';
import { useEffect, useRef } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { useApi } from '../api.js';
import { t } from '../i18n.js';
import { nodeState } from '../labels.js';
import { useLiveRefresh } from '../live.js';
import { useResource } from '../resource.js';
import { FleetTotals } from './FleetTotals.js';
import { LoadProblem } from './LoadProblem.js';
import { NodeGrid } from './NodeGrid.js';
import { SweepProgress } from './SweepProgress.js';

/** @typedef {import('../api-types.js').FleetSummary} FleetSummary */
/** @typedef {import('../api-types.js').NodeSummary} NodeSummary */
/** @typedef {import('../api-types.js').SweepView} SweepView */
/** @typedef {import('../live.js').LiveUpdate} LiveUpdate */

// Totals and the node grid cost a pass over the fleet: live batches refresh them at most this often.
const FLEET_REFRESH_MS = 2000;
const SWEEP_REFRESH_MS = 1000;
// Node states also change without any diagnosis (CMTS rows vanish), which no batch reports.
const NODES_POLL_MS = 30_000;

const anyDiagnosis = (/** @type {LiveUpdate} */ u) =>
  u === 'resync' || u.diagnoses.length > 0 || u.moreDiagnoses > 0;
const anySweep = (/** @type {LiveUpdate} */ u) => u === 'resync' || u.sweeps.length > 0;

/** The wall view: fleet totals, the latest sweep, and every node worst first. */
export function FleetView(/** @type {{ cmtsId: string|null }} */ { cmtsId }) {
  const api = useApi();
  const fleet = useResource(() => api.get(/** @type {string} */ ('/fleet/summary')), []);
  const sweep = useResource(
    () =>
      api
        .get('/sweeps?limit=1')
        .then(
          (/** @type {{ items: SweepView[] }} */ r) => /** @type {SweepView|null} */ (r.items[0] ?? null),
        ),
    [],
  );
  const nodes = useResource(
    () =>
      api
        .get(`/nodes?sort=worst&limit=1000${cmtsId ? `&cmtsId=${encodeURIComponent(cmtsId)}` : ''}`)
        .then((/** @type {{ items: NodeSummary[] }} */ r) => r.items),
    [cmtsId],
  );
  const cmtses = useResource(
    () => api.get('/cmts').then((/** @type {{ items: { id: string }[] }} */ r) => r.items.map((c) => c.id)),
    [],
  );

  useLiveRefresh(
    anyDiagnosis,
    () => {
      fleet.reload();
      nodes.reload();
    },
    FLEET_REFRESH_MS,
  );
  useLiveRefresh(anySweep, sweep.reload, SWEEP_REFRESH_MS);
  useEffect(() => {
    const timer = setInterval(nodes.reload, NODES_POLL_MS);
    return () => clearInterval(timer);
  }, [nodes.reload]);
  useNodeAlarms(nodes.data);
  useSweepFinished(sweep.data);

  return html`
    <h1 tabindex="-1">${t('dashboard.fleet.title')}</h1>
    <${LoadProblem} message=${'dashboard.fleet.loadTotalsFailed'} error=${fleet.error} />
    <${FleetTotals} fleet=${fleet.data} />
    <${LoadProblem} message=${'dashboard.fleet.loadSweepFailed'} error=${sweep.error} />
    <${SweepProgress} sweep=${sweep.data} loading=${sweep.loading && !sweep.data} />
    <${LoadProblem} message=${'dashboard.fleet.loadNodesFailed'} error=${nodes.error} />
    <${NodeGrid} nodes=${nodes.data} cmtsIds=${cmtses.data ?? []} cmtsId=${cmtsId} />
  `;
}

/** Announces nodes that have just become an outage or a node-wide fault. */
function useNodeAlarms(/** @type {NodeSummary[]|null} */ nodes) {
  const announce = useAnnounce();
  const before = useRef(/** @type {Map<string, string>|null} */ (null));
  useEffect(() => {
    if (!nodes) {
      return;
    }
    const id = (/** @type {NodeSummary} */ n) => `${n.cmtsId}/${n.serviceGroupId}`;
    const now = new Map(nodes.map((n) => [id(n), n.state]));
    if (before.current) {
      const alarms = nodes
        .filter(
          (n) =>
            (n.state === 'OUTAGE' || n.state === 'NODE_WIDE_FAULT') && before.current?.get(id(n)) !== n.state,
        )
        .map((n) =>
          t('dashboard.fleet.alarmNode', {
            cmtsId: n.cmtsId,
            node: n.serviceGroupId,
            state: nodeState(n.state).label,
          }),
        );
      if (alarms.length > 0) {
        announce(t('dashboard.fleet.alarm', { alarms: alarms.join(' ') }));
      }
    }
    before.current = now;
  }, [nodes]);
}

function useSweepFinished(/** @type {SweepView|null} */ sweep) {
  const announce = useAnnounce();
  const running = useRef(/** @type {string|null} */ (null));
  useEffect(() => {
    if (sweep?.status === 'running') {
      running.current = sweep.id;
    } else if (sweep && running.current === sweep.id) {
      running.current = null;
      announce(
        t('dashboard.fleet.sweepFinished', { done: sweep.done, total: sweep.total, failed: sweep.failed }),
      );
    }
  }, [sweep]);
}
