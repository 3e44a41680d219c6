// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { clock, duration, percent } from '../labels.js';

/** @typedef {import('../api-types.js').SweepView} SweepView */

/** The sweep's line as one sentence per scope: "Sweep of node 3 on cmts-1: 40 of 120 modems checked, 2 failed." */
function sweepLine(/** @type {SweepView} */ sweep) {
  const values = {
    counted: sweep.done + sweep.failed,
    total: sweep.total,
    failed: sweep.failed,
    anyFailed: sweep.failed > 0 ? 'yes' : 'no',
  };
  const scope = sweep.scope;
  return scope.kind === 'all'
    ? t('dashboard.sweep.lineAll', values)
    : scope.kind === 'cmts'
      ? t('dashboard.sweep.lineCmts', { ...values, cmtsId: scope.cmtsId })
      : t('dashboard.sweep.lineNode', { ...values, cmtsId: scope.cmtsId, node: scope.serviceGroupId });
}

/** The latest sweep: a progress bar while it runs, its time and duration once finished. */
export function SweepProgress(/** @type {{ sweep: SweepView|null, loading: boolean }} */ { sweep, loading }) {
  return html`<section aria-labelledby="sweep-title" class="panel sweep" data-testid="sweep">
    <h2 id="sweep-title">${t('dashboard.sweep.title')}</h2>
    ${
      loading
        ? html`<p aria-busy="true">${t('dashboard.common.loading')}</p>`
        : !sweep
          ? html`<p>${t('dashboard.sweep.none')}</p>`
          : html`<${SweepDetails} sweep=${sweep} />`
    }
  </section>`;
}

/** @param {{ sweep: SweepView }} props */
function SweepDetails({ sweep }) {
  const counted = sweep.done + sweep.failed;
  const running = sweep.status === 'running';
  return html`
    <p class="sweep-line">
      <span
        class=${`badge ${running ? 'tone-info' : 'tone-ok'}`}
        data-testid="sweep-status"
        data-status=${sweep.status}
      >
        ${running ? t('dashboard.sweep.running') : t('dashboard.sweep.finished')}
      </span>
      ${' '}${sweepLine(sweep)}
    </p>
    <label class="progress-label" for="sweep-progress">${t('dashboard.sweep.progress')}</label>
    <progress
      id="sweep-progress"
      data-testid="sweep-progress"
      max=${Math.max(sweep.total, 1)}
      value=${sweep.total === 0 ? 1 : counted}
    >
      ${percent(sweep.total === 0 ? 1 : counted / sweep.total)}
    </progress>
    <dl class="facts">
      <dt>${t('dashboard.sweep.startedAt')}</dt>
      <dd>${clock(sweep.startedAt)}</dd>
      ${
        running
          ? html`<dt>${t('dashboard.sweep.runningFor')}</dt>
              <dd>${duration(sweep.elapsedSec)}</dd>
              <dt>${t('dashboard.sweep.timeLeft')}</dt>
              <dd>
                ${
                  sweep.etaSec == null
                    ? t('dashboard.sweep.estimating')
                    : t('dashboard.sweep.about', { duration: duration(sweep.etaSec) })
                }
              </dd>`
          : html`<dt>${t('dashboard.sweep.finishedAt')}</dt>
              <dd data-testid="sweep-finished-at">${clock(sweep.finishedAt)}</dd>
              <dt>${t('dashboard.sweep.took')}</dt>
              <dd data-testid="sweep-duration">${duration(sweep.elapsedSec)}</dd>`
      }
    </dl>
  `;
}
