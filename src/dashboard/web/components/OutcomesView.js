// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { useApi } from '../api.js';
import { codeWords, VERDICT_LABEL } from '../labels.js';
import { useResource } from '../resource.js';
import { href } from '../router.js';
import { LoadProblem } from './LoadProblem.js';

/** @typedef {import('../api-types.js').OutcomeKpis} OutcomeKpis */
/** @typedef {import('../api-types.js').ThresholdReport} ThresholdReport */

const DAY_MS = 86_400_000;

/** A date input's value (YYYY-MM-DD, UTC) for an instant. */
const day = (/** @type {number} */ ms) => new Date(ms).toISOString().slice(0, 10);

/** A rate as a percentage, or a dash when there was nothing to divide by. */
const percent = (/** @type {number|null} */ r) => (r == null ? '—' : `${Math.round(r * 1000) / 10} %`);

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
    <nav aria-label="Breadcrumb" class="crumbs">
      <a href=${href.fleet()}>Fleet</a> › <span aria-current="page">Outcomes</span>
    </nav>
    <h1 tabindex="-1">Visit outcomes</h1>
    <form class="range" onSubmit=${onSubmit} data-testid="kpi-range">
      <label>From <input type="date" name="from" value=${range.from} required /></label>
      <label>To (not included) <input type="date" name="to" value=${range.to} required /></label>
      <button type="submit">Show</button>
    </form>
    <${LoadProblem} what="the outcome figures" error=${data.error} />
    ${
      !k || !report
        ? html`<p aria-busy="true">Loading the outcome figures…</p>`
        : html`
            <section class="panel" aria-labelledby="kpi-title" data-testid="kpis">
              <h2 id="kpi-title">Visits and calls</h2>
              <dl class="facts">
                <dt>Visits</dt>
                <dd data-testid="kpi-visits">${k.visits}</dd>
                <dt>No fault found</dt>
                <dd data-testid="kpi-nff">
                  ${percent(k.noFaultFound.rate)} (${k.noFaultFound.count} of ${k.noFaultFound.of})
                </dd>
                <dt>Repeat visits within 30 days</dt>
                <dd data-testid="kpi-repeat">
                  ${percent(k.repeatVisits.rate)} (${k.repeatVisits.count} of ${k.repeatVisits.of})
                </dd>
                <dt>Calls resolved without a visit (${k.resolvedWithoutVisit.windowDays} days)</dt>
                <dd data-testid="kpi-resolved">
                  ${percent(k.resolvedWithoutVisit.rate)} (${k.resolvedWithoutVisit.count} of
                  ${k.resolvedWithoutVisit.of})
                </dd>
              </dl>
            </section>
            <section class="panel" aria-labelledby="by-verdict-title">
              <h2 id="by-verdict-title">Did the visit find a fault? By verdict</h2>
              <table data-testid="kpi-by-verdict">
                <thead>
                  <tr>
                    <th scope="col">Verdict that sent them</th>
                    <th scope="col">Visits</th>
                    <th scope="col">Found a fault</th>
                    <th scope="col">Rate</th>
                  </tr>
                </thead>
                <tbody>
                  ${k.byVerdict.map(
                    (v) =>
                      html`<tr data-verdict=${v.verdict}>
                        <th scope="row">${VERDICT_LABEL[v.verdict]}</th>
                        <td>${v.visits}</td>
                        <td>${v.faultFound}</td>
                        <td>${percent(v.rate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="by-place-title">
              <h2 id="by-place-title">Was it where Linecheck said? By predicted place</h2>
              <table data-testid="kpi-by-place">
                <thead>
                  <tr>
                    <th scope="col">Predicted place</th>
                    <th scope="col">Visits</th>
                    <th scope="col">Found there</th>
                    <th scope="col">Rate</th>
                  </tr>
                </thead>
                <tbody>
                  ${k.byPlace.map(
                    (p) =>
                      html`<tr data-place=${p.place}>
                        <th scope="row">${codeWords(p.place)}</th>
                        <td>${p.visits}</td>
                        <td>${p.foundThere ?? '—'}</td>
                        <td>${percent(p.rate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>
            <section class="panel" aria-labelledby="nff-title">
              <h2 id="nff-title">Findings that sent technicians to no-fault visits</h2>
              ${
                report.codes.length === 0
                  ? html`<p>No no-fault visit in the range.</p>`
                  : html`<table data-testid="kpi-thresholds">
                      <thead>
                        <tr>
                          <th scope="col">Finding</th>
                          <th scope="col">Severity</th>
                          <th scope="col">No-fault visits</th>
                          <th scope="col">Of its visits</th>
                        </tr>
                      </thead>
                      <tbody>
                        ${report.codes.map(
                          (c) =>
                            html`<tr data-code=${c.code}>
                              <th scope="row">${codeWords(c.code)}</th>
                              <td>${codeWords(c.severity)}</td>
                              <td>${c.noFaultVisits}</td>
                              <td>${percent(c.noFaultShare)} of ${c.visits}</td>
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
