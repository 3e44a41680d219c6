// @ts-check
import { html } from 'htm/preact';
import { t } from '../i18n.js';
import { severityWords } from '../labels.js';

/** @typedef {import('../api-types.js').Finding} Finding */
/** @typedef {import('../api-types.js').NotChecked} NotChecked */

const SEVERITY = {
  FAULT: { tone: 'bad', icon: '✕' },
  MARGINAL: { tone: 'warn', icon: '!' },
  INFO: { tone: 'info', icon: 'i' },
};
const ORDER = { FAULT: 0, MARGINAL: 1, INFO: 2 };

/** The diagnosis' findings in its own plain sentences, faults first; then what it could not check. */
export function Findings(
  /** @type {{ findings: Finding[], notChecked?: NotChecked[] }} */ { findings, notChecked = [] },
) {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return html`<section class="panel" aria-labelledby="findings-title">
    <h2 id="findings-title">${t('dashboard.findings.title')}</h2>
    ${
      sorted.length === 0
        ? html`<p data-testid="findings">${t('dashboard.findings.none')}</p>`
        : html`<ul class="findings" data-testid="findings">
            ${sorted.map((f) => {
              const s = SEVERITY[f.severity];
              return html`<li data-testid="finding" data-severity=${f.severity} data-code=${f.code}>
                <span class=${`badge tone-${s.tone}`}
                  ><span aria-hidden="true">${s.icon}</span> ${severityWords(f.severity)}</span
                >
                ${' '}${f.message}
              </li>`;
            })}
          </ul>`
    }
    ${
      notChecked.length > 0 &&
      html`<h3>${t('dashboard.findings.notChecked')}</h3>
        <ul class="findings" data-testid="not-checked">
          ${notChecked.map((n) => html`<li data-code=${n.code}>${n.reason}</li>`)}
        </ul>`
    }
  </section>`;
}
