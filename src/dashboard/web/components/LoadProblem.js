// @ts-check
import { html } from 'htm/preact';

/**
 * A failed load, said next to whatever data is still on screen (the last good one stays).
 * @param {{ what: string, error: Error|null }} props
 */
export function LoadProblem({ what, error }) {
  if (!error) {
    return null;
  }
  return html`<p class="error" role="alert">
    Could not load ${what}: ${error.message}. It is retried with the next update.
  </p>`;
}
