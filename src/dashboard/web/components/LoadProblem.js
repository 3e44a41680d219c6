// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';

/**
 * A failed load, said next to whatever data is still on screen (the last good one stays). `message` is the whole
 * sentence for what failed to load, with an {error} argument ("Could not load the nodes: {error}. …").
 * @param {{ message: import('../i18n.js').WebKey, error: Error|null }} props
 */
export function LoadProblem({ message, error }) {
  if (!error) {
    return null;
  }
  return html`<p class="error" role="alert">${t(message, { error: error.message })}</p>`;
}
