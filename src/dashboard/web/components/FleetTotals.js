// @ts-check
import { html } from 'htm/preact';
import { count, VERDICT_LABEL, VERDICT_ORDER, VERDICT_TONE } from '../labels.js';

/** @typedef {import('../api-types.js').FleetSummary} FleetSummary */

/** Modems by latest verdict, fleet-wide and per CMTS. */
export function FleetTotals(/** @type {{ fleet: FleetSummary|null }} */ { fleet }) {
  if (!fleet) {
    return html`<p aria-busy="true">Loading the fleet totals…</p>`;
  }
  return html`
    <section aria-labelledby="totals-title" class="panel">
      <h2 id="totals-title">Modems by verdict</h2>
      <ul class="totals" data-testid="fleet-totals">
        <li class="total tone-neutral" data-testid="fleet-total" data-verdict="ALL">
          <span class="total-count">${count(fleet.modems)}</span>
          <span class="total-label">modems</span>
          <span class="total-sub">${count(fleet.checked)} with a verdict</span>
        </li>
        ${VERDICT_ORDER.map(
          (v) =>
            html`<li
              class=${`total tone-${VERDICT_TONE[v]}${fleet.byVerdict[v] ? '' : ' total-zero'}`}
              data-testid="fleet-total"
              data-verdict=${v}
            >
              <span class="total-count">${count(fleet.byVerdict[v] ?? 0)}</span>
              <span class="total-label">${VERDICT_LABEL[v]}</span>
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
      Per CMTS
    </caption>
    <thead>
      <tr>
        <th scope="col">CMTS</th>
        <th scope="col" class="num">Nodes</th>
        <th scope="col" class="num">Modems</th>
        <th scope="col" class="num">Offline</th>
        <th scope="col" class="num">Faults</th>
        <th scope="col" class="num">Marginal</th>
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
