// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError, authProblemText, checkKey } from '../api.js';
import { t } from '../i18n.js';
import { LanguageSwitch } from './LanguageSwitch.js';

/**
 * What the form says is wrong, kept as data and worded at render time, so that a language switch rewords it.
 * @typedef {{ kind: 'empty' } | { kind: 'refused', status: number } | { kind: 'signedOut', status: number }
 *   | { kind: 'failed', message: string }} Problem
 */

/** @param {Problem} problem */
function problemText(problem) {
  switch (problem.kind) {
    case 'empty':
      return t('dashboard.signIn.enterKey');
    case 'refused':
      return t('dashboard.signIn.refused', { reason: authProblemText(problem.status) });
    case 'signedOut':
      return t('dashboard.signIn.signedOut', { reason: authProblemText(problem.status) });
    default:
      return t('dashboard.signIn.checkFailed', { error: problem.message });
  }
}

/**
 * The first screen: the NOC key, checked against the fleet summary (noc role) before anything is stored.
 * @param {{ lang: import('../i18n.js').Lang, signedOutStatus: number|null, onSignedIn: (key: string) => void }} props
 */
export function SignIn({ lang, signedOutStatus, onSignedIn }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState(
    /** @type {Problem|null} */ (
      signedOutStatus == null ? null : { kind: 'signedOut', status: signedOutStatus }
    ),
  );
  const [busy, setBusy] = useState(false);

  const submit = async (/** @type {Event} */ e) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (trimmed === '') {
      setProblem({ kind: 'empty' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await checkKey(trimmed);
      onSignedIn(trimmed);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.isAuthProblem
          ? { kind: 'refused', status: error.status }
          : { kind: 'failed', message: error instanceof Error ? error.message : String(error) },
      );
      setBusy(false);
    }
  };

  return html`
    <main id="main" class="sign-in">
      <${LanguageSwitch} lang=${lang} />
      <h1>${t('dashboard.signIn.title')}</h1>
      <form onSubmit=${submit} data-testid="sign-in" aria-describedby="sign-in-help">
        <p id="sign-in-help">${t('dashboard.signIn.help')}</p>
        <label for="noc-key">${t('dashboard.signIn.keyLabel')}</label>
        <input
          id="noc-key"
          name="key"
          type="password"
          autocomplete="current-password"
          spellcheck=${false}
          value=${key}
          onInput=${(/** @type {InputEvent} */ e) => setKey(/** @type {HTMLInputElement} */ (e.currentTarget).value)}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-errormessage=${problem ? 'sign-in-error' : undefined}
          required
        />
        <button type="submit" disabled=${busy}>
          ${busy ? t('dashboard.signIn.checking') : t('dashboard.signIn.submit')}
        </button>
        ${
          problem &&
          html`<p id="sign-in-error" class="error" role="alert" data-testid="sign-in-error">
            ${problemText(problem)}
          </p>`
        }
      </form>
    </main>
  `;
}
