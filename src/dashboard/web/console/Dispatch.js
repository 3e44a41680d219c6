// @ts-check
import { html } from 'htm/preact';
import { list, t } from '../i18n.js';
import { BRING, FIRST_CHECK, SKILL, URGENCY, label } from './texts.js';

/** A policy's local date (YYYY-MM-DD) as a date to format: noon, so no time zone moves it to another day. @param {string} day */
const localDay = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
};

/**
 * Whether a slot today is realistic and, if not, why and when the earliest visit is.
 * @param {import('./types.js').Dispatch} dispatch
 */
function windowText(dispatch) {
  const w = dispatch.visitWindow;
  if (dispatch.sameDayEligible) {
    return t('console.dispatch.window.today');
  }
  if (w.earliestDate == null) {
    return null;
  }
  const date = localDay(w.earliestDate);
  return w.reason === 'AFTER_CUTOFF'
    ? t('console.dispatch.window.afterCutoff', { cutoff: w.sameDayCutoff, date })
    : w.reason === 'NOT_A_WORKING_DAY'
      ? t('console.dispatch.window.notWorkingDay', { date })
      : t('console.dispatch.window.notUrgent', { date });
}

/**
 * The dispatch decision: how soon, whether today is realistic, whom to send, what they bring, what to check first,
 * and whether the fault is confirmed.
 * @param {{ dispatch: import('./types.js').Dispatch }} props
 */
export function Dispatch({ dispatch }) {
  const c = dispatch.confirmation;
  const window = windowText(dispatch);
  return html`<div
    class="block dispatch"
    data-testid="dispatch"
    data-urgency=${dispatch.urgency}
    data-needed=${String(dispatch.needed)}
  >
    <h3>${t('console.dispatch.title')}</h3>
    <dl class="facts">
      <dt>${t('console.dispatch.urgencyLabel')}</dt>
      <dd data-testid="dispatch-urgency">${label(URGENCY, dispatch.urgency)}</dd>
      ${
        window &&
        html`<dt>${t('console.dispatch.windowLabel')}</dt>
          <dd data-testid="dispatch-window" data-same-day=${String(dispatch.sameDayEligible)}>${window}</dd>`
      }
      ${
        dispatch.needed &&
        html`<dt>${t('console.dispatch.skillLabel')}</dt>
          <dd data-testid="dispatch-skill">${label(SKILL, dispatch.skill)}</dd>`
      }
      ${
        dispatch.bring.length > 0 &&
        html`<dt>${t('console.dispatch.bringLabel')}</dt>
          <dd data-testid="dispatch-bring">${list(dispatch.bring.map((b) => label(BRING, b)))}</dd>`
      }
      ${
        dispatch.needed &&
        html`<dt>${t('console.dispatch.confirmationLabel')}</dt>
          <dd data-testid="dispatch-confirmed" data-confirmed=${String(c.confirmed)}>
            ${
              c.confirmed
                ? t('console.dispatch.confirmed')
                : c.recheckAt != null
                  ? t('console.dispatch.recheckAt', { at: new Date(c.recheckAt) })
                  : t('console.dispatch.unconfirmed')
            }
          </dd>`
      }
    </dl>
    ${
      dispatch.firstChecks.length > 0 &&
      html`<h4>${t('console.dispatch.firstChecksLabel')}</h4>
        <ol class="checks" data-testid="dispatch-checks">
          ${dispatch.firstChecks.map((c) => html`<li data-check=${c}>${label(FIRST_CHECK, c)}</li>`)}
        </ol>`
    }
  </div>`;
}
