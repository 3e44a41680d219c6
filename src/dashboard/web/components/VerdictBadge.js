// @ts-check
import { html } from 'htm/preact';
import { verdictLabel, VERDICT_TONE } from '../labels.js';

/** @param {{ verdict: import('../api-types.js').ModemVerdict }} props */
export function VerdictBadge({ verdict }) {
  return html`<span class=${`badge tone-${VERDICT_TONE[verdict] ?? 'none'}`} data-verdict=${verdict}>
    ${verdictLabel(verdict)}
  </span>`;
}
