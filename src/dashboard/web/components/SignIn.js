// @ts-check
import { html } from 'htm/preact';
import { useState } from 'preact/hooks';
import { ApiError, authProblemText, checkKey } from '../api.js';

/**
 * The first screen: the NOC key, checked against the fleet summary (noc role) before anything is stored.
 * @param {{ message: string|null, onSignedIn: (key: string) => void }} props
 */
export function SignIn({ message, onSignedIn }) {
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState(message);
  const [busy, setBusy] = useState(false);

  const submit = async (/** @type {Event} */ e) => {
    e.preventDefault();
    const trimmed = key.trim();
    if (trimmed === '') {
      setProblem('Enter the NOC API key.');
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
          ? `Sign-in refused: ${authProblemText(error.status)}.`
          : `Could not check the key: ${error instanceof Error ? error.message : String(error)}`,
      );
      setBusy(false);
    }
  };

  return html`
    <main id="main" class="sign-in">
      <h1>Linecheck NOC dashboard</h1>
      <form onSubmit=${submit} data-testid="sign-in" aria-describedby="sign-in-help">
        <p id="sign-in-help">
          Sign in with an API key that has the <strong>noc</strong> role. It is kept for this browser tab
          only.
        </p>
        <label for="noc-key">NOC API key</label>
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
        <button type="submit" disabled=${busy}>${busy ? 'Checking…' : 'Sign in'}</button>
        ${
          problem &&
          html`<p id="sign-in-error" class="error" role="alert" data-testid="sign-in-error">${problem}</p>`
        }
      </form>
    </main>
  `;
}
