// @ts-check
import { html } from 'htm/preact';

/** @typedef {import('../api-types.js').Finding} Finding */

const SEVERITY = {
  FAULT: { label: 'Fault', tone: 'bad', icon: '✕' },
  MARGINAL: { label: 'Marginal', tone: 'warn', icon: '!' },
  INFO: { label: 'Note', tone: 'info', icon: 'i' },
};
const ORDER = { FAULT: 0, MARGINAL: 1, INFO: 2 };

/** The diagnosis' findings in its own plain sentences, faults first. */
export function Findings(/** @type {{ findings: Finding[] }} */ { findings }) {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return html`<section class="panel" aria-labelledby="findings-title">
    <h2 id="findings-title">Findings</h2>
    ${
      sorted.length === 0
        ? html`<p data-testid="findings">No findings: every graded value is inside its band.</p>`
        : html`<ul class="findings" data-testid="findings">
            ${sorted.map((f) => {
              const s = SEVERITY[f.severity];
              return html`<li data-testid="finding" data-severity=${f.severity} data-code=${f.code}>
                <span class=${`badge tone-${s.tone}`}
                  ><span aria-hidden="true">${s.icon}</span> ${s.label}</span
                >
                ${' '}${f.message}
              </li>`;
            })}
          </ul>`
    }
  </section>`;
}
