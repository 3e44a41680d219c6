// @ts-check
import { html } from 'htm/preact';
import { useEffect, useState } from 'preact/hooks';
import { currentLang, LANGS, setLang, t } from '../i18n.js';

/** @typedef {import('../i18n.js').Lang} Lang */

/** @type {Set<(lang: Lang) => void>} */
const listeners = new Set();

/** Switches the page's language (remembered by i18n.js) and re-renders whoever follows it (useLanguage). */
export function switchLanguage(/** @type {Lang} */ next) {
  if (next === currentLang()) {
    return;
  }
  setLang(next);
  for (const listener of listeners) {
    listener(next);
  }
}

/** The page's language, as state: the component re-renders when it is switched. */
export function useLanguage() {
  const [lang, setState] = useState(currentLang);
  useEffect(() => {
    listeners.add(setState);
    return () => void listeners.delete(setState);
  }, []);
  return lang;
}

/** Each language's name in itself, as language switches show them. */
const NATIVE_NAME = { pl: 'Polski', en: 'English' };

/**
 * Two buttons, Polski and English, in a labelled group: reached by Tab, pressed with Enter or Space; the current
 * one is marked pressed (aria-pressed), not by colour alone.
 * @param {{ lang: Lang }} props
 */
export function LanguageSwitch({ lang }) {
  return html`<div
    class="lang-switch"
    role="group"
    aria-label=${t('dashboard.header.language')}
    data-testid="lang-switch"
  >
    ${LANGS.map(
      (l) =>
        html`<button
          type="button"
          lang=${l}
          aria-pressed=${l === lang ? 'true' : 'false'}
          data-lang=${l}
          onClick=${() => switchLanguage(l)}
        >
          ${NATIVE_NAME[l]}
        </button>`,
    )}
  </div>`;
}
