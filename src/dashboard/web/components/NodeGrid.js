// @ts-check
import { html } from 'htm/preact';
import { list, t } from '../i18n.js';
import { nodeState, percent, STATE_ORDER, subKindWords } from '../labels.js';
import { href } from '../router.js';

/** @typedef {import('../api-types.js').NodeSummary} NodeSummary */

const FAULT_VERDICTS = /** @type {const} */ (['PLANT_OUTAGE', 'LINE_FAULT', 'FLAPPING']);

/** "2 outages", "1 node-wide fault": a count of nodes in a state, as the state counts line says it. */
/** @type {Readonly<Record<import('../api-types.js').NodeState, import('../i18n.js').WebKey>>} */
const STATE_COUNT = {
  OUTAGE: 'dashboard.nodes.count.outage',
  NODE_WIDE_FAULT: 'dashboard.nodes.count.nodeWideFault',
  DEGRADED: 'dashboard.nodes.count.degraded',
  UNKNOWN: 'dashboard.nodes.count.unknown',
  OK: 'dashboard.nodes.count.ok',
};

/**
 * Every node as a tile, worst first (the API's order), filtered by CMTS through the URL.
 * @param {{ nodes: NodeSummary[]|null, cmtsIds: string[], cmtsId: string|null }} props
 */
export function NodeGrid({ nodes, cmtsIds, cmtsId }) {
  return html`<section aria-labelledby="nodes-title" class="panel">
    <div class="section-head">
      <h2 id="nodes-title">${t('dashboard.nodes.title')}</h2>
      <${CmtsFilter} cmtsIds=${cmtsIds} cmtsId=${cmtsId} />
    </div>
    ${
      !nodes
        ? html`<p aria-busy="true">${t('dashboard.nodes.loading')}</p>`
        : nodes.length === 0
          ? html`<p>${cmtsId ? t('dashboard.nodes.noneOnCmts', { cmtsId }) : t('dashboard.nodes.none')}</p>`
          : html`<${StateCounts} nodes=${nodes} />
              <ul class="tiles" data-testid="node-grid">
                ${nodes.map((n) => html`<li key=${`${n.cmtsId}/${n.serviceGroupId}`}><${NodeTile} node=${n} /></li>`)}
              </ul>`
    }
  </section>`;
}

/** @param {{ cmtsIds: string[], cmtsId: string|null }} props */
function CmtsFilter({ cmtsIds, cmtsId }) {
  const choose = (/** @type {Event} */ e) => {
    const value = /** @type {HTMLSelectElement} */ (e.currentTarget).value;
    location.hash = href.fleet(value === '' ? null : value);
  };
  return html`<div class="filter">
    <label for="cmts-filter">${t('dashboard.nodes.cmtsFilter')}</label>
    <select id="cmts-filter" data-testid="cmts-filter" value=${cmtsId ?? ''} onChange=${choose}>
      <option value="">${t('dashboard.nodes.allCmtses')}</option>
      ${cmtsIds.map((id) => html`<option value=${id}>${id}</option>`)}
    </select>
  </div>`;
}

/** "2 outages · 1 node-wide fault · 3 degraded · 14 OK" */
function StateCounts(/** @type {{ nodes: NodeSummary[] }} */ { nodes }) {
  const parts = STATE_ORDER.map((s) => ({ s, n: nodes.filter((x) => x.state === s).length })).filter(
    (p) => p.n > 0,
  );
  return html`<p class="state-counts" data-testid="state-counts">
    ${t('dashboard.nodes.countAll', { n: nodes.length })}
    ${parts.map(
      (p, i) =>
        html`${i > 0 ? ' · ' : ' '}<span class=${`state-count state-${p.s}`}
            >${t(STATE_COUNT[p.s], { n: p.n })}</span
          >`,
    )}
  </p>`;
}

/**
 * One node. Outages and node-wide faults carry an icon, a text label and a heavy border besides their colour.
 * A link, so it is reachable by Tab and opens with Enter.
 * @param {{ node: NodeSummary }} props
 */
export function NodeTile({ node }) {
  const state = nodeState(node.state);
  const faults = FAULT_VERDICTS.reduce((sum, v) => sum + (node.byVerdict[v] ?? 0), 0);
  const marginal = node.byVerdict.MARGINAL ?? 0;
  return html`<a
    class=${`tile state-${node.state}`}
    href=${href.node(node.cmtsId, node.serviceGroupId)}
    data-testid="node-tile"
    data-node=${`${node.cmtsId}/${node.serviceGroupId}`}
    data-state=${node.state}
    title=${state.explain}
  >
    <span class="tile-state"
      ><span class="tile-icon" aria-hidden="true">${state.icon}</span> ${state.label}</span
    >
    <span class="tile-name">
      <span class="tile-node">${t('dashboard.nodes.tile.name', { node: node.serviceGroupId })}</span>
      <span class="tile-cmts">${node.cmtsId}</span>
    </span>
    <span class="tile-offline" data-testid="tile-offline">
      ${t('dashboard.nodes.tile.offline', {
        offline: node.offline,
        modems: node.modems,
        share: percent(node.offlineShare),
      })}
    </span>
    <span class="tile-verdicts">${t('dashboard.nodes.tile.verdicts', { faults, marginal })}</span>
    ${
      node.sharedFaults.length > 0 &&
      html`<span class="tile-shared" data-testid="tile-shared">
        ${t('dashboard.nodes.tile.shared', {
          faults: list(
            node.sharedFaults.slice(0, 2).map((f) =>
              t('dashboard.nodes.tile.sharedFault', {
                fault: subKindWords(f.subKind),
                share: percent(f.share),
              }),
            ),
          ),
        })}
      </span>`
    }
  </a>`;
}
