// @ts-check
import { html } from 'htm/preact';
import { useRef, useState } from 'preact/hooks';
import { useAnnounce } from '../announce.js';
import { ApiError } from '../api.js';
import { t } from '../i18n.js';
import { useFocusOnMount } from './focus.js';

/** @typedef {import('./types.js').VerifyResult} VerifyResult */

/** Seconds of lockout as whole minutes, rounded up (a lockout of 20 s is "1 minute"). @param {number} sec */
const minutes = (sec) => Math.max(1, Math.ceil(sec / 60));

/**
 * The caller's customer number plus full name or address. A failure never says which part was wrong: only how many
 * attempts are left, or that the number is locked and for how long.
 * @param {{ api: import('../api.js').AgentApi, onVerified: (v: import('./types.js').Verified) => void }} props
 */
export function VerifyForm({ api, onVerified }) {
  const announce = useAnnounce();
  const heading = useFocusOnMount();
  const [customerNumber, setCustomerNumber] = useState('');
  const [fullName, setFullName] = useState('');
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState(/** @type {{ text: string, kind: string }|null} */ (null));
  const [busy, setBusy] = useState(false);
  const numberInput = useRef(/** @type {HTMLInputElement|null} */ (null));
  const nameInput = useRef(/** @type {HTMLInputElement|null} */ (null));

  /** @param {string} text @param {string} kind @param {HTMLInputElement|null} [focus] */
  const fail = (text, kind, focus) => {
    setProblem({ text, kind });
    announce(text);
    focus?.focus();
    focus?.select();
  };

  const submit = async (/** @type {Event} */ e) => {
    e.preventDefault();
    const number = customerNumber.trim();
    const name = fullName.trim();
    const addr = address.trim();
    if (number === '') {
      return fail(t('console.verify.needNumber'), 'input', numberInput.current);
    }
    if (name === '' && addr === '') {
      return fail(t('console.verify.needSecond'), 'input', nameInput.current);
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = /** @type {VerifyResult} */ (
        await api.post('/lines/verify', {
          customerNumber: number,
          ...(name === '' ? {} : { fullName: name }),
          ...(addr === '' ? {} : { address: addr }),
        })
      );
      setBusy(false);
      if (result.verified) {
        announce(t('console.verify.done', { customerNumber: result.customerNumber }));
        onVerified(result);
      } else if (result.attemptsLeft === 0 && result.lockedForSec != null) {
        fail(
          t('console.verify.lockedOut', { minutes: minutes(result.lockedForSec) }),
          'locked',
          numberInput.current,
        );
      } else {
        fail(
          t('console.verify.failed', { attemptsLeft: result.attemptsLeft }),
          'failed',
          name === '' ? null : nameInput.current,
        );
      }
    } catch (error) {
      setBusy(false);
      const body = error instanceof ApiError ? error.body : null;
      if (error instanceof ApiError && error.status === 429) {
        const retry =
          body &&
          typeof body === 'object' &&
          'retryAfterSec' in body &&
          typeof body.retryAfterSec === 'number'
            ? body.retryAfterSec
            : 60;
        fail(t('console.verify.lockedOut', { minutes: minutes(retry) }), 'locked', numberInput.current);
      } else {
        fail(
          t('console.verify.error', { error: error instanceof Error ? error.message : String(error) }),
          'error',
        );
      }
    }
  };

  /** @param {(v: string) => void} set */
  const onInput = (set) => (/** @type {InputEvent} */ e) =>
    set(/** @type {HTMLInputElement} */ (e.currentTarget).value);

  return html`<section class="panel" aria-labelledby="verify-title">
    <h2 id="verify-title" tabindex="-1" ref=${heading}>${t('console.verify.title')}</h2>
    <form onSubmit=${submit} data-testid="verify" aria-describedby="verify-help" novalidate>
      <p id="verify-help">${t('console.verify.help')}</p>
      <div class="fields">
        <label for="customer-number">${t('console.verify.customerNumber')}</label>
        <input
          id="customer-number"
          ref=${numberInput}
          autocomplete="off"
          spellcheck=${false}
          value=${customerNumber}
          onInput=${onInput(setCustomerNumber)}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'verify-problem' : undefined}
        />
        <label for="full-name">${t('console.verify.fullName')}</label>
        <input
          id="full-name"
          ref=${nameInput}
          autocomplete="off"
          spellcheck=${false}
          value=${fullName}
          onInput=${onInput(setFullName)}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'verify-problem' : undefined}
        />
        <label for="address">${t('console.verify.address')}</label>
        <input
          id="address"
          autocomplete="off"
          spellcheck=${false}
          value=${address}
          onInput=${onInput(setAddress)}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${problem ? 'verify-problem' : undefined}
        />
      </div>
      <button type="submit" disabled=${busy}>
        ${busy ? t('console.verify.checking') : t('console.verify.submit')}
      </button>
      ${
        problem &&
        html`<p
          id="verify-problem"
          class=${`problem problem-${problem.kind}`}
          data-testid="verify-problem"
          data-kind=${problem.kind}
        >
          <span aria-hidden="true">${problem.kind === 'locked' ? '✖ ' : '⚠ '}</span>${problem.text}
        </p>`
      }
    </form>
  </section>`;
}
