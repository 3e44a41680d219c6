// @ts-check
import { html } from 'htm/preact';
import { clock, timelineWords } from '../labels.js';

/** What happened to the line over the last week, newest first. */
export function Timeline(/** @type {{ timeline: import('../api-types.js').Timeline }} */ { timeline }) {
  return html`<section class="panel" aria-labelledby="timeline-title">
    <h2 id="timeline-title">Last 7 days</h2>
    ${
      timeline.events.length === 0
        ? html`<p data-testid="timeline">
            Nothing changed${timeline.coveredFrom ? ` since ${clock(timeline.coveredFrom)}` : ''}.
          </p>`
        : html`<ol class="timeline" data-testid="timeline">
            ${timeline.events.map(
              (e) =>
                html`<li data-kind=${e.kind}>
                  <time datetime=${e.at}>${clock(e.at)}</time>
                  <strong>${timelineWords(e.kind)}</strong>
                  <span>${e.evidence}</span>
                </li>`,
            )}
          </ol>`
    }
  </section>`;
}
