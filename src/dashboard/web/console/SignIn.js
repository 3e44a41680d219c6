// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { useFocusOnMount } from './focus.js';
import { loadMe } from './me.js';

/**
 * The agent's API key, checked with `GET /me` before anything is stored: a key that may not check lines is refused.
 * @param {{ message: string|null, onSignedIn: (key: string, me: import('./types.js').Me) => void }} props
 */
export function SignIn({ message, onSignedIn }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState(message);
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnMount();

  const submit = async (/** @type {Event} */ e) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (trimmed === '') {
      setProblem(t('console.signIn.empty'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const me = await loadMe(trimmed);
      if (!me.may.checkLines) {
        setProblem(t('console.signIn.noAgentRole'));
        setBusy(false);
        return;
      }
      onSignedIn(trimmed, me);
    } catch (error) {
      setProblem(
        error instanceof ApiError && error.status === 401
          ? t('console.signIn.refused')
          : error instanceof ApiError && error.status === 403
            ? t('console.signIn.noAgentRole')
            : t('console.signIn.failed', { error: error instanceof Error ? error.message : String(error) }),
      );
      setBusy(false);
    }
  };

  return html`<main id="call" class="sign-in">
    <h1 id="sign-in-title" tabindex="-1" ref=${heading}>${t('console.signIn.title')}</h1>
    <form onSubmit=${submit} data-testid="sign-in" aria-describedby="sign-in-help">
      <p id="sign-in-help">${t('console.signIn.help')}</p>
      <label for="agent-key">${t('console.signIn.keyLabel')}</label>
      <input
        id="agent-key"
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
        ${busy ? t('console.signIn.checking') : t('console.signIn.submit')}
      </button>
      ${problem && html`<p id="sign-in-error" class="error" role="alert" data-testid="sign-in-error">${problem}</p>`}
    </form>
  </main>`;
}
