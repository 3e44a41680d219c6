// @ts-check
import { html } from 'htm/preact';
import { count, NODE_STATE, percent, STATE_ORDER, subKindWords } from '../labels.js';
import { href } from '../router.js';

/** @typedef {import('../api-types.js').NodeSummary} NodeSummary */

const FAULT_VERDICTS = /** @type {const} */ (['PLANT_OUTAGE', 'LINE_FAULT', 'FLAPPING']);

/**
 * Every node as a tile, worst first (the API's order), filtered by CMTS through the URL.
 * @param {{ nodes: NodeSummary[]|null, cmtsIds: string[], cmtsId: string|null }} props
 */
export function NodeGrid({ nodes, cmtsIds, cmtsId }) {
  return html`<section aria-labelledby="nodes-title" class="panel">
    <div class="section-head">
      <h2 id="nodes-title">Nodes</h2>
      <${CmtsFilter} cmtsIds=${cmtsIds} cmtsId=${cmtsId} />
    </div>
    ${
      !nodes
        ? html`<p aria-busy="true">Loading the nodes…</p>`
        : nodes.length === 0
          ? html`<p>No nodes${cmtsId ? ` on ${cmtsId}` : ''} yet: discovery has not placed any modem.</p>`
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
    <label for="cmts-filter">CMTS</label>
    <select id="cmts-filter" data-testid="cmts-filter" value=${cmtsId ?? ''} onChange=${choose}>
      <option value="">All CMTSes</option>
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
    ${count(nodes.length)} nodes:
    ${parts.map(
      (p, i) =>
        html`${i > 0 ? ' · ' : ' '}<span class=${`state-count state-${p.s}`}
            >${p.n} ${NODE_STATE[p.s].label}</span
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
  const state = NODE_STATE[node.state];
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
      <span class="tile-node">Node ${node.serviceGroupId}</span>
      <span class="tile-cmts">${node.cmtsId}</span>
    </span>
    <span class="tile-offline" data-testid="tile-offline">
      ${count(node.offline)} of ${count(node.modems)} offline (${percent(node.offlineShare)})
    </span>
    <span class="tile-verdicts">
      ${count(faults)} fault${faults === 1 ? '' : 's'} · ${count(marginal)} marginal
    </span>
    ${
      node.sharedFaults.length > 0 &&
      html`<span class="tile-shared" data-testid="tile-shared">
        ${'Shared: '}${node.sharedFaults
          .slice(0, 2)
          .map((f) => `${subKindWords(f.subKind)} ${percent(f.share)}`)
          .join(', ')}
      </span>`
    }
  </a>`;
}
