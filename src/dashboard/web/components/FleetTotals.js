// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { count, verdictLabel, VERDICT_ORDER, VERDICT_TONE } from '../labels.js';

/** @typedef {import('../api-types.js').FleetSummary} FleetSummary */

/** Modems by latest verdict, fleet-wide and per CMTS. */
export function FleetTotals(/** @type {{ fleet: FleetSummary|null }} */ { fleet }) {
  if (!fleet) {
    return html`<p aria-busy="true">${t('dashboard.totals.loading')}</p>`;
  }
  return html`
    <section aria-labelledby="totals-title" class="panel">
      <h2 id="totals-title">${t('dashboard.totals.title')}</h2>
      <ul class="totals" data-testid="fleet-totals">
        <li class="total tone-neutral" data-testid="fleet-total" data-verdict="ALL">
          <span class="total-count">${count(fleet.modems)}</span>
          <span class="total-label">${t('dashboard.totals.modems', { n: fleet.modems })}</span>
          <span class="total-sub">${t('dashboard.totals.withVerdict', { n: fleet.checked })}</span>
        </li>
        ${VERDICT_ORDER.map(
          (v) =>
            html`<li
              class=${`total tone-${VERDICT_TONE[v]}${fleet.byVerdict[v] ? '' : ' total-zero'}`}
              data-testid="fleet-total"
              data-verdict=${v}
            >
              <span class="total-count">${count(fleet.byVerdict[v] ?? 0)}</span>
              <span class="total-label">${verdictLabel(v)}</span>
            </li>`,
        )}
      </ul>
      ${fleet.perCmts.length > 0 && html`<${PerCmtsTable} rows=${fleet.perCmts} />`}
    </section>
  `;
}

/** @param {{ rows: FleetSummary['perCmts'] }} props */
function PerCmtsTable({ rows }) {
  const faults = (/** @type {FleetSummary['perCmts'][number]} */ r) =>
    (r.byVerdict.LINE_FAULT ?? 0) + (r.byVerdict.PLANT_OUTAGE ?? 0) + (r.byVerdict.FLAPPING ?? 0);
  return html`<table class="per-cmts">
    <caption>
      ${t('dashboard.totals.perCmts')}
    </caption>
    <thead>
      <tr>
        <th scope="col">${t('dashboard.totals.col.cmts')}</th>
        <th scope="col" class="num">${t('dashboard.totals.col.nodes')}</th>
        <th scope="col" class="num">${t('dashboard.totals.col.modems')}</th>
        <th scope="col" class="num">${t('dashboard.totals.col.offline')}</th>
        <th scope="col" class="num">${t('dashboard.totals.col.faults')}</th>
        <th scope="col" class="num">${t('dashboard.totals.col.marginal')}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) =>
          html`<tr data-testid="cmts-row" data-cmts=${r.cmtsId}>
            <th scope="row">${r.cmtsId}</th>
            <td class="num">${count(r.nodes)}</td>
            <td class="num">${count(r.modems)}</td>
            <td class="num">${count(r.offline)}</td>
            <td class="num">${count(faults(r))}</td>
            <td class="num">${count(r.byVerdict.MARGINAL ?? 0)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
