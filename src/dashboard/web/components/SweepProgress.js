// @ts-check
import { html } from 'htm/preact';
import { clock, count, duration } from '../labels.js';

/** @typedef {import('../api-types.js').SweepView} SweepView */

function scopeWords(/** @type {SweepView['scope']} */ scope) {
  return scope.kind === 'all'
    ? 'the whole fleet'
    : scope.kind === 'cmts'
      ? `CMTS ${scope.cmtsId}`
      : `node ${scope.serviceGroupId} on ${scope.cmtsId}`;
}

/** The latest sweep: a progress bar while it runs, its time and duration once finished. */
export function SweepProgress(/** @type {{ sweep: SweepView|null, loading: boolean }} */ { sweep, loading }) {
  return html`<section aria-labelledby="sweep-title" class="panel sweep" data-testid="sweep">
    <h2 id="sweep-title">Latest sweep</h2>
    ${
      loading
        ? html`<p aria-busy="true">Loading…</p>`
        : !sweep
          ? html`<p>No sweep has run yet.</p>`
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
        ${running ? 'Running' : 'Finished'}
      </span>
      ${' '}Sweep of ${scopeWords(sweep.scope)}: ${count(counted)} of ${count(sweep.total)} modems
      checked${sweep.failed > 0 ? `, ${count(sweep.failed)} failed` : ''}.
    </p>
    <label class="progress-label" for="sweep-progress">Progress</label>
    <progress
      id="sweep-progress"
      data-testid="sweep-progress"
      max=${Math.max(sweep.total, 1)}
      value=${sweep.total === 0 ? 1 : counted}
    >
      ${sweep.total === 0 ? 100 : Math.round((counted / sweep.total) * 100)}%
    </progress>
    <dl class="facts">
      <dt>Started</dt>
      <dd>${clock(sweep.startedAt)}</dd>
      ${
        running
          ? html`<dt>Running for</dt>
              <dd>${duration(sweep.elapsedSec)}</dd>
              <dt>Time left</dt>
              <dd>${sweep.etaSec == null ? 'estimating…' : `about ${duration(sweep.etaSec)}`}</dd>`
          : html`<dt>Finished</dt>
              <dd data-testid="sweep-finished-at">${clock(sweep.finishedAt)}</dd>
              <dt>Took</dt>
              <dd data-testid="sweep-duration">${duration(sweep.elapsedSec)}</dd>`
      }
    </dl>
  `;
}
