// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { useApi } from '../api.js';
import { t } from '../i18n.js';
import { count, placeWords, rate, severityWords, subKindWords, verdictLabel } from '../labels.js';
import { useResource } from '../resource.js';
import { href } from '../router.js';
import { LoadProblem } from './LoadProblem.js';

/** @typedef {import('../api-types.js').OutcomeKpis} OutcomeKpis */
/** @typedef {import('../api-types.js').ThresholdReport} ThresholdReport */

const DAY_MS = 86_400_000;

/** A date input's value (YYYY-MM-DD, UTC) for an instant. */
const day = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);

/** A rate as a percentage to a tenth, or a dash when there was nothing to divide by. */
const percent = (/** @type {number|null} */ r) => (r == null ? '—' : rate(r));

/** "12.5% (3 of 24)". */
const rateOf = (/** @type {import('../api-types.js').Rate} */ r) =>
  t('dashboard.outcomes.rateOf', { rate: percent(r.rate), count: r.count, of: r.of });

/**
 * Were the dispatch decisions right? The visits the field reported against the verdicts and places that sent them, the
 * no-fault-found and repeat-visit rates, calls resolved without a visit, and the findings that sent technicians to
 * no-fault visits most often (GET /kpis, /kpis/thresholds), over a range of days.
 */
export function OutcomesView() {
  const api = useApi();
  const [range, setRange] = useState(() => ({
    from: day(Date.now() - 30 * DAY_MS),
    to: day(Date.now() + DAY_MS),
  }));
  const query = `from=${range.from}T00:00:00Z&to=${range.to}T00:00:00Z`;
  const data = useResource(async () => {
    /** @type {Promise<OutcomeKpis>} */
    const kpis = api.get(`/kpis?${query}`);
    /** @type {Promise<ThresholdReport>} */
    const report = api.get(`/kpis/thresholds?${query}`);
    return { kpis: await kpis, report: await report };
  }, [query]);
  const onSubmit = (/** @type {Event} */ e) => {
    e.preventDefault();
    const form = /** @type {HTMLFormElement} */ (e.currentTarget);
    const field = (/** @type {string} */ name) =>
      /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value;
    setRange({ from: field('from'), to: field('to') });
  };
  const k = data.data?.kpis;
  const report = data.data?.report;
  return html`
    <nav aria-label=${t('dashboard.common.breadcrumb')} class="crumbs">
      <a href=${href.fleet()}>${t('dashboard.fleet.title')}</a> ›${' '}
      <span aria-current="page">${t('dashboard.outcomes.crumb')}</span>
    </nav>
    <h1 tabindex="-1">${t('dashboard.outcomes.title')}</h1>
    <form class="range" onSubmit=${onSubmit} data-testid="kpi-range">
      <label
        >${t('dashboard.outcomes.from')} <input type="date" name="from" value=${range.from} required
      /></label>
      <label>${t('dashboard.outcomes.to')} <input type="date" name="to" value=${range.to} required /></label>
      <button type="submit">${t('dashboard.outcomes.show')}</button>
    </form>
    <${LoadProblem} message=${'dashboard.outcomes.loadFailed'} error=${data.error} />
    ${
      !k || !report
        ? html`<p aria-busy="true">${t('dashboard.outcomes.loading')}</p>`
        : html`
            <section class="panel" aria-labelledby="kpi-title" data-testid="kpis">
              <h2 id="kpi-title">${t('dashboard.outcomes.kpiTitle')}</h2>
              <dl class="facts">
                <dt>${t('dashboard.outcomes.visits')}</dt>
                <dd data-testid="kpi-visits">${count(k.visits)}</dd>
                <dt>${t('dashboard.outcomes.noFaultFound')}</dt>
                <dd data-testid="kpi-nff">${rateOf(k.noFaultFound)}</dd>
                <dt>${t('dashboard.outcomes.repeatVisits')}</dt>
                <dd data-testid="kpi-repeat">${rateOf(k.repeatVisits)}</dd>
                <dt>
                  ${t('dashboard.outcomes.resolvedWithoutVisit', { days: k.resolvedWithoutVisit.windowDays })}
                </dt>
                <dd data-testid="kpi-resolved">${rateOf(k.resolvedWithoutVisit)}</dd>
              </dl>
            </section>
            <section class="panel" aria-labelledby="by-verdict-title">
              <h2 id="by-verdict-title">${t('dashboard.outcomes.byVerdict')}</h2>
              <table data-testid="kpi-by-verdict">
                <thead>
                  <tr>
                    <th scope="col">${t('dashboard.outcomes.col.verdict')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.visits')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.faultFound')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${k.byVerdict.map(
                    (v) =>
                      html`<tr data-verdict=${v.verdict}>
                        <th scope="row">${verdictLabel(v.verdict)}</th>
                        <td>${count(v.visits)}</td>
                        <td>${count(v.faultFound)}</td>
                        <td>${percent(v.rate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="by-place-title">
              <h2 id="by-place-title">${t('dashboard.outcomes.byPlace')}</h2>
              <table data-testid="kpi-by-place">
                <thead>
                  <tr>
                    <th scope="col">${t('dashboard.outcomes.col.place')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.visits')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.foundThere')}</th>
                    <th scope="col">${t('dashboard.outcomes.col.rate')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${k.byPlace.map(
                    (p) =>
                      html`<tr data-place=${p.place}>
                        <th scope="row">${placeWords(p.place)}</th>
                        <td>${count(p.visits)}</td>
                        <td>${p.foundThere == null ? '—' : count(p.foundThere)}</td>
                        <td>${percent(p.rate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="nff-title">
              <h2 id="nff-title">${t('dashboard.outcomes.nffTitle')}</h2>
              ${
                report.codes.length === 0
                  ? html`<p>${t('dashboard.outcomes.nffNone')}</p>`
                  : html`<table data-testid="kpi-thresholds">
                      <thead>
                        <tr>
                          <th scope="col">${t('dashboard.outcomes.col.finding')}</th>
                          <th scope="col">${t('dashboard.outcomes.col.severity')}</th>
                          <th scope="col">${t('dashboard.outcomes.col.noFaultVisits')}</th>
                          <th scope="col">${t('dashboard.outcomes.col.ofItsVisits')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${report.codes.map(
                          (c) =>
                            html`<tr data-code=${c.code}>
                              <th scope="row">${subKindWords(c.code)}</th>
                              <td>${severityWords(c.severity)}</td>
                              <td>${count(c.noFaultVisits)}</td>
                              <td>
                                ${t('dashboard.outcomes.shareOf', { rate: percent(c.noFaultShare), n: c.visits })}
                              </td>
                            </tr>`,
                        )}
                      </tbody>
                    </table>`
              }
            </section>
          `
    }
  `;
}
