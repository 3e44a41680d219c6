// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { ApiError, useApi } from '../api.js';
import { list, t } from '../i18n.js';
import {
  clock,
  confidenceWords,
  count,
  echoPlace,
  metresAndFeet,
  nodeState,
  percent,
  subKindWords,
  tenths,
  verdictLabel,
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
    <nav aria-label=${t('dashboard.common.breadcrumb')} class="crumbs">
      <a href=${href.fleet()}>${t('dashboard.fleet.title')}</a> ›${' '}
      <a href=${href.fleet(cmtsId)}>${cmtsId}</a> ›${' '}
      <span aria-current="page">${t('dashboard.node.crumb', { node: serviceGroupId })}</span>
    </nav>
    <h1 tabindex="-1">${t('dashboard.node.title', { node: serviceGroupId, cmtsId })}</h1>
    <${LoadProblem} message=${'dashboard.node.loadFailed'} error=${node.error} />
    ${!n ? html`<p aria-busy="true">${t('dashboard.node.loading')}</p>` : html`<${NodeDetails} node=${n} />`}
  `;
}

/** @param {{ node: NodeDetail }} props */
function NodeDetails({ node }) {
  const state = nodeState(node.state);
  return html`
    <section class=${`panel node-head state-${node.state}`} data-testid="node-state" data-state=${node.state}>
      <p class="node-state">
        <span aria-hidden="true">${state.icon}</span> <strong>${state.label}</strong>${t(
          'dashboard.node.stateExplain',
          { explain: state.explain },
        )}
      </p>
      ${
        node.groupedBy === 'upstreamChannels'
          ? html`<p data-testid="node-grouping">${t('dashboard.node.groupedByUpstream')}</p>`
          : null
      }
      <dl class="facts">
        <dt>${t('dashboard.node.modems')}</dt>
        <dd>${count(node.modems)}</dd>
        <dt>${t('dashboard.node.offline')}</dt>
        <dd>${t('dashboard.node.offlineValue', { n: node.offline, share: percent(node.offlineShare) })}</dd>
        <dt>${t('dashboard.node.cmtsReadAt')}</dt>
        <dd>${node.cmtsObservedAt ? clock(node.cmtsObservedAt) : t('dashboard.node.cmtsNoAnswer')}</dd>
        ${VERDICT_ORDER.filter((v) => node.byVerdict[v]).map(
          (v) =>
            html`<dt>${verdictLabel(v)}</dt>
              <dd>${count(node.byVerdict[v] ?? 0)}</dd>`,
        )}
      </dl>
      ${
        node.sharedFaults.length > 0 &&
        html`<h2>${t('dashboard.node.sharedFaults')}</h2>
          <ul>
            ${node.sharedFaults.map(
              (f) =>
                html`<li>
                  ${t('dashboard.node.sharedFault', {
                    fault: subKindWords(f.subKind),
                    n: f.modems,
                    share: percent(f.share),
                  })}
                </li>`,
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
    <h2 id="echo-clusters-title">${t('dashboard.echo.title')}</h2>
    <p class="note">${t('dashboard.echo.note')}</p>
    ${
      clusters.length === 0
        ? html`<p data-testid="echo-clusters-none">${t('dashboard.echo.none')}</p>`
        : html`<ul class="echo-clusters">
            ${clusters.map((c) => html`<${EchoClusterItem} cluster=${c} />`)}
          </ul>`
    }
  </section>`;
}

/** @param {{ cluster: EchoCluster }} props */
function EchoClusterItem({ cluster: c }) {
  const place = echoPlace(c.place);
  const sentence = t('dashboard.echo.cluster', {
    confidence: confidenceWords(c.confidence),
    known: c.distanceM == null ? 'no' : 'yes',
    distance: c.distanceM == null ? '' : metresAndFeet(c.distanceM),
    taps: tenths(c.delayTaps),
    onChannel: c.channelId == null ? 'no' : 'yes',
    channel: String(c.channelId ?? ''),
    where: place.explain,
    n: c.modems.length,
    compared: c.modemsCompared,
  });
  // The modems are links: the list is the language's ("a, b and c"), its separators put between the links.
  const marker = '\u0001';
  const joined = list(c.modems.map((_, i) => `${marker}${i}${marker}`)).split(marker);
  // htm drops whitespace at line breaks: the spaces between the parts are in the strings.
  return html`<li data-testid="echo-cluster" data-place=${c.place} data-confidence=${c.confidence}>
    <strong>${place.label}</strong>${' '}${sentence}${' '}${joined.map((part, i) =>
      i % 2 === 1
        ? html`<a href=${href.modem(c.modems[Number(part)])} data-testid="echo-cluster-modem"
            >${c.modems[Number(part)]}</a
          >`
        : part,
    )}.
  </li>`;
}

/** @param {{ node: NodeDetail }} props */
function SweepNodeButton({ node }) {
  const api = useApi();
  const announce = useAnnounce();
  // The note as a key and its values, worded at render time: a language switch rewords it.
  const [note, setNote] = useState(
    /** @type {{ key: import('../i18n.js').WebKey, values?: import('../i18n.js').Values }|null} */ (null),
  );
  const sweep = async () => {
    setNote({ key: 'dashboard.node.sweepStarting' });
    try {
      /** @type {import('../api-types.js').SweepView} */
      const started = await api.post('/sweeps', {
        scope: { kind: 'node', cmtsId: node.cmtsId, serviceGroupId: node.serviceGroupId },
      });
      setNote({ key: 'dashboard.node.sweepStarted', values: { n: started.total } });
      announce(t('dashboard.node.sweepStarted', { n: started.total }));
    } catch (error) {
      setNote({
        key: 'dashboard.node.sweepFailed',
        values: { error: error instanceof Error ? error.message : String(error) },
      });
    }
  };
  return html`<p>
    <button type="button" onClick=${sweep}>${t('dashboard.node.sweepButton')}</button>
    ${note && html` <span class="note">${t(note.key, note.values)}</span>`}
  </p>`;
}

/** @param {{ node: NodeDetail }} props */
function ModemTable({ node }) {
  const partial = node.worst.length < node.modems;
  return html`<section aria-labelledby="modems-title" class="panel">
    <h2 id="modems-title">${t('dashboard.node.modemsTitle')}</h2>
    ${
      partial &&
      html`<p class="note">${t('dashboard.node.partial', { listed: node.worst.length, n: node.modems })}</p>`
    }
    <table class="modems" data-testid="modem-table">
      <thead>
        <tr>
          <th scope="col">${t('dashboard.node.col.modem')}</th>
          <th scope="col">${t('dashboard.node.col.verdict')}</th>
          <th scope="col">${t('dashboard.node.col.problems')}</th>
          <th scope="col">${t('dashboard.node.col.diagnosedAt')}</th>
        </tr>
      </thead>
      <tbody>
        ${node.worst.map(
          (m) =>
            html`<tr data-testid="modem-row" data-modem=${m.modemId} data-verdict=${m.verdict}>
              <th scope="row"><a href=${href.modem(m.modemId)}>${m.modemId}</a></th>
              <td><${VerdictBadge} verdict=${m.verdict} /></td>
              <td>${m.subKinds.length > 0 ? list(m.subKinds.map(subKindWords)) : '—'}</td>
              <td>${clock(m.at)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}
