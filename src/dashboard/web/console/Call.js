// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n.js';
import { useFocusOnMount } from './focus.js';
import { LineView } from './LineView.js';
import { Scripts } from './Scripts.js';
import { SERVICE } from './texts.js';
import { VerifyForm } from './VerifyForm.js';

/** @typedef {import('./types.js').Verified} Verified */

/**
 * One call: verify the caller, pick the line, then the line's verdict and what to do. "New call" starts over
 * (a fresh component: nothing of the last caller stays on screen).
 * @param {{ api: import('../api.js').AgentApi, me: import('./types.js').Me, lang: string }} props
 */
export function Call({ api, me, lang }) {
  const [call, setCall] = useState(0);
  return html`<main id="call">
    <div class="call-head">
      <h1>${t('console.page.call')}</h1>
      <button type="button" data-testid="new-call" onClick=${() => setCall((n) => n + 1)}>
        ${t('console.header.newCall')}
      </button>
    </div>
    <${OneCall} key=${call} api=${api} me=${me} lang=${lang} />
  </main>`;
}

/** @param {{ api: import('../api.js').AgentApi, me: import('./types.js').Me, lang: string }} props */
function OneCall({ api, me, lang }) {
  const [verified, setVerified] = useState(/** @type {Verified|null} */ (null));
  const [lineId, setLineId] = useState(/** @type {string|null} */ (null));

  if (!verified) {
    return html`<${VerifyForm}
      api=${api}
      onVerified=${(/** @type {Verified} */ v) => {
        setVerified(v);
        setLineId(v.lines.length === 1 ? v.lines[0].modemId : null);
      }}
    />`;
  }
  const line = verified.lines.find((l) => l.modemId === lineId) ?? null;
  return html`
    <${VerifiedCaller} verified=${verified} focus=${verified.lines.length === 0} />
    ${
      verified.lines.length > 1 &&
      html`<${LinePicker}
        lines=${verified.lines}
        picked=${lineId}
        onPick=${setLineId}
        focus=${line == null}
      />`
    }
    ${
      line &&
      html`<${LineView}
        key=${line.modemId}
        api=${api}
        me=${me}
        line=${line}
        lang=${lang}
        shownScripts=${(verified.scripts ?? []).map((x) => x.code)}
      />`
    }
  `;
}

/** @param {{ verified: Verified, focus: boolean }} props */
function VerifiedCaller({ verified, focus }) {
  const heading = useFocusOnMount();
  const services = verified.services;
  return html`<section class="panel verified" aria-labelledby="verified-title" data-testid="verified">
    <h2 id="verified-title" tabindex="-1" ref=${focus ? heading : undefined}>
      <span aria-hidden="true">✔ </span
      >${t('console.verify.done', { customerNumber: verified.customerNumber })}
    </h2>
    <dl class="facts">
      <dt>${t('console.services.title')}</dt>
      <dd data-testid="services">
        ${
          services == null
            ? t('console.services.unknown')
            : services.length === 0
              ? t('console.services.none')
              : services.map((s) => t(SERVICE[s])).join(', ')
        }
      </dd>
    </dl>
    ${verified.lines.length === 0 && html`<p data-testid="no-lines">${t('console.verify.noLines')}</p>`}
    <${Scripts} scripts=${verified.scripts ?? []} testid="verify-scripts" />
  </section>`;
}

/**
 * @param {{ lines: import('./types.js').Line[], picked: string|null, onPick: (id: string) => void, focus: boolean }} props
 */
function LinePicker({ lines, picked, onPick, focus }) {
  const heading = useFocusOnMount();
  return html`<section class="panel" aria-labelledby="lines-title" data-testid="lines">
    <h2 id="lines-title" tabindex="-1" ref=${focus ? heading : undefined}>${t('console.lines.title')}</h2>
    <p>${t('console.lines.help', { count: lines.length })}</p>
    <ul class="line-list">
      ${lines.map(
        (l) =>
          html`<li>
            <button
              type="button"
              aria-pressed=${picked === l.modemId ? 'true' : 'false'}
              data-testid="pick-line"
              data-modem=${l.modemId}
              onClick=${() => onPick(l.modemId)}
            >
              ${t('console.lines.pick', { modemId: l.modemId })}
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}
