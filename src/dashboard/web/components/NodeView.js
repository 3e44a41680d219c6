// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { ApiError, useApi } from '../api.js';
import {
  clock,
  CONFIDENCE_WORDS,
  count,
  ECHO_PLACE,
  metresAndFeet,
  NODE_STATE,
  oneDecimal,
  percent,
  subKindWords,
  VERDICT_LABEL,
  VERDICT_ORDER,
} from '../labels.js';
import { useLiveRefresh } from '../live.js';
import { useResource } from '../resource.js';
import { href } from '../router.js';
import { LoadProblem } from './LoadProblem.js';
import { VerdictBadge } from './VerdictBadge.js';

/** @typedef {import('../api-types.js').NodeDetail} NodeDetail */
/** @typedef {import('../api-types.js').EchoCluster} EchoCluster */

const NODE_REFRESH_MS = 2000;

/**
 * Every modem of the node (`allModems=true`), or its 10 worst where the service does not list them all yet.
 * @param {import('../api.js').Api} api @param {string} cmtsId @param {string} serviceGroupId
 * @returns {Promise<NodeDetail>}
 */
async function loadNode(api, cmtsId, serviceGroupId) {
  const path = `/nodes/${encodeURIComponent(cmtsId)}/${encodeURIComponent(serviceGroupId)}`;
  try {
    return await api.get(`${path}?allModems=true`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      return api.get(path);
    }
    throw error;
  }
}

/** One node: its state, counts and shared faults, and its modems worst first. */
export function NodeView(
  /** @type {{ cmtsId: string, serviceGroupId: string }} */ { cmtsId, serviceGroupId },
) {
  const api = useApi();
  const node = useResource(() => loadNode(api, cmtsId, serviceGroupId), [cmtsId, serviceGroupId]);
  useLiveRefresh(
    (u) =>
      u === 'resync' ||
      u.moreDiagnoses > 0 ||
      u.diagnoses.some((d) => d.cmtsId === cmtsId && d.serviceGroupId === serviceGroupId),
    node.reload,
    NODE_REFRESH_MS,
  );
  const n = node.data;
  return html`
    <nav aria-label="Breadcrumb" class="crumbs">
      <a href=${href.fleet()}>Fleet</a> › <a href=${href.fleet(cmtsId)}>${cmtsId}</a> ›
      <span aria-current="page">Node ${serviceGroupId}</span>
    </nav>
    <h1 tabindex="-1">Node ${serviceGroupId} on ${cmtsId}</h1>
    <${LoadProblem} what="the node" error=${node.error} />
    ${!n ? html`<p aria-busy="true">Loading the node…</p>` : html`<${NodeDetails} node=${n} />`}
  `;
}

/** @param {{ node: NodeDetail }} props */
function NodeDetails({ node }) {
  const state = NODE_STATE[node.state];
  return html`
    <section class=${`panel node-head state-${node.state}`} data-testid="node-state" data-state=${node.state}>
      <p class="node-state">
        <span aria-hidden="true">${state.icon}</span> <strong>${state.label}</strong>: ${state.explain}.
      </p>
      ${
        node.groupedBy === 'upstreamChannels'
          ? html`<p data-testid="node-grouping">
              Grouped by upstream channel: this CMTS gives no service group, so these are the modems sharing
              the same upstream channels.
            </p>`
          : null
      }
      <dl class="facts">
        <dt>Modems</dt>
        <dd>${count(node.modems)}</dd>
        <dt>Offline at the CMTS</dt>
        <dd>${count(node.offline)} (${percent(node.offlineShare)})</dd>
        <dt>CMTS read at</dt>
        <dd>${node.cmtsObservedAt ? clock(node.cmtsObservedAt) : 'the CMTS did not answer'}</dd>
        ${VERDICT_ORDER.filter((v) => node.byVerdict[v]).map(
          (v) =>
            html`<dt>${VERDICT_LABEL[v]}</dt>
              <dd>${count(node.byVerdict[v] ?? 0)}</dd>`,
        )}
      </dl>
      ${
        node.sharedFaults.length > 0 &&
        html`<h2>Shared faults</h2>
          <ul>
            ${node.sharedFaults.map(
              (f) =>
                html`<li>${subKindWords(f.subKind)}: ${count(f.modems)} modems (${percent(f.share)})</li>`,
            )}
          </ul>`
      }
      <${SweepNodeButton} node=${node} />
    </section>
    <${EchoClusters} clusters=${node.echoClusters ?? []} />
    <${ModemTable} node=${node} />
  `;
}

/**
 * Modems of the node whose upstream pre-equalisation shows the same echo: a cavity they share, before their drops.
 * @param {{ clusters: EchoCluster[] }} props
 */
function EchoClusters({ clusters }) {
  return html`<section aria-labelledby="echo-clusters-title" class="panel" data-testid="echo-clusters">
    <h2 id="echo-clusters-title">Shared echoes</h2>
    <p class="note">
      Modems whose upstream pre-equalisation shows the same reflection (as of their latest checks): the fault
      is where their lines meet, not in each home.
    </p>
    ${
      clusters.length === 0
        ? html`<p data-testid="echo-clusters-none">
            None found: no two modems of this node show the same echo.
          </p>`
        : html`<ul class="echo-clusters">
            ${clusters.map((c) => html`<${EchoClusterItem} cluster=${c} />`)}
          </ul>`
    }
  </section>`;
}

/** @param {{ cluster: EchoCluster }} props */
function EchoClusterItem({ cluster: c }) {
  const place = ECHO_PLACE[c.place] ?? { label: c.place, explain: '' };
  const where =
    c.distanceM == null
      ? `${oneDecimal(c.delayTaps)} taps after the main tap (distance not known)`
      : `about ${metresAndFeet(c.distanceM)} from the modems`;
  const sentence =
    ` (confidence ${CONFIDENCE_WORDS[c.confidence] ?? c.confidence}): a reflection ${where}` +
    `${c.channelId == null ? '' : ` on upstream channel ${c.channelId}`}, ${place.explain}. ` +
    `${count(c.modems.length)} of ${count(c.modemsCompared)} modems compared show it: `;
  // htm drops whitespace at line breaks: the spaces between the parts are in the strings.
  return html`<li data-testid="echo-cluster" data-place=${c.place} data-confidence=${c.confidence}>
    <strong>${place.label}</strong>${sentence}${c.modems.map(
      (id, i) =>
        html`${i > 0 ? ', ' : ''}<a href=${href.modem(id)} data-testid="echo-cluster-modem">${id}</a>`,
    )}.
  </li>`;
}

/** @param {{ node: NodeDetail }} props */
function SweepNodeButton({ node }) {
  const api = useApi();
  const announce = useAnnounce();
  const [note, setNote] = useState('');
  const sweep = async () => {
    setNote('Starting a sweep…');
    try {
      /** @type {import('../api-types.js').SweepView} */
      const started = await api.post('/sweeps', {
        scope: { kind: 'node', cmtsId: node.cmtsId, serviceGroupId: node.serviceGroupId },
      });
      const text = `Sweep of this node started: ${started.total} modems. The view updates as they are checked.`;
      setNote(text);
      announce(text);
    } catch (error) {
      setNote(`Could not start a sweep: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return html`<p>
    <button type="button" onClick=${sweep}>Check every modem of this node now</button>
    ${note && html` <span class="note">${note}</span>`}
  </p>`;
}

/** @param {{ node: NodeDetail }} props */
function ModemTable({ node }) {
  const partial = node.worst.length < node.modems;
  return html`<section aria-labelledby="modems-title" class="panel">
    <h2 id="modems-title">Modems, worst first</h2>
    ${
      partial &&
      html`<p class="note">
        The ${count(node.worst.length)} worst of ${count(node.modems)} modems are listed.
      </p>`
    }
    <table class="modems" data-testid="modem-table">
      <thead>
        <tr>
          <th scope="col">Modem</th>
          <th scope="col">Verdict</th>
          <th scope="col">Problems</th>
          <th scope="col">Diagnosed at</th>
        </tr>
      </thead>
      <tbody>
        ${node.worst.map(
          (m) =>
            html`<tr data-testid="modem-row" data-modem=${m.modemId} data-verdict=${m.verdict}>
              <th scope="row"><a href=${href.modem(m.modemId)}>${m.modemId}</a></th>
              <td><${VerdictBadge} verdict=${m.verdict} /></td>
              <td>${m.subKinds.length > 0 ? m.subKinds.map(subKindWords).join(', ') : '—'}</td>
              <td>${clock(m.at)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
