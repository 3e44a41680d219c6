// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';

/**
 * Short texts the agent can read out (a power cut in the building, equipment that is not ours, a service not
 * subscribed), as the service chose them for this caller or verdict.
 * @param {{ scripts: import('./types.js').Script[], testid: string }} props
 */
export function Scripts({ scripts, testid }) {
  if (scripts.length === 0) {
    return null;
  }
  return html`<div class="scripts" data-testid=${testid}>
    <h3>${t('console.scripts.title')}</h3>
    ${scripts.map(
      (s) =>
        html`<figure class="script" data-code=${s.code}>
          <figcaption>${s.title}</figcaption>
          <blockquote>${s.text}</blockquote>
        </figure>`,
    )}
  </div>`;
}
