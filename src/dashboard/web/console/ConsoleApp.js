// @ts-check
import { html } from 'htm/preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { AnnounceContext } from '../announce.js';
import { agentKeyStore, createAgentApi } from '../api.js';
import { currentLang, LANGS, setLang, t } from '../i18n.js';
import { Call } from './Call.js';
import { loadMe } from './me.js';
import { SignIn } from './SignIn.js';

/** @typedef {import('./types.js').Me} Me */

export function ConsoleApp() {
  const [, setLangShown] = useState(currentLang());
  const [session, setSession] = useState(/** @type {{ key: string, me: Me|null }|null} */ (null));
  const [signedOutBecause, setSignedOutBecause] = useState(/** @type {string|null} */ (null));
  const [spoken, setSpoken] = useState('');

  const announce = useCallback((/** @type {string} */ text) => {
    // Emptied first, so the same sentence said twice is read twice.
    setSpoken('');
    setTimeout(() => setSpoken(text), 50);
  }, []);

  const signOut = useCallback((/** @type {string|null} */ reason) => {
    agentKeyStore.clear();
    setSession(null);
    setSignedOutBecause(reason);
  }, []);

  // A key kept in this tab (a reload mid-call): asked again what it may do.
  useEffect(() => {
    const key = agentKeyStore.get();
    if (key) {
      loadMe(key).then(
        (me) => setSession({ key, me }),
        () => signOut(t('console.signIn.signedOut')),
      );
    }
  }, [signOut]);

  const api = useMemo(
    () => (session ? createAgentApi(session.key, () => signOut(t('console.signIn.signedOut'))) : null),
    [session, signOut],
  );

  const switchLang = (/** @type {import('../i18n.js').Lang} */ next) => {
    setLang(next);
    setLangShown(next);
    document.title = t('console.page.title');
  };
  useEffect(() => {
    document.title = t('console.page.title');
  }, []);

  return html`<${AnnounceContext.Provider} value=${announce}>
    <a class="skip-link" href="#call">${t('console.page.skip')}</a>
    <header class="top">
      <span class="brand">${t('console.page.title')}</span>
      <div class="langs" role="group" aria-label=${t('console.lang.label')}>
        ${LANGS.map(
          (l) =>
            html`<button
              type="button"
              lang=${l}
              aria-pressed=${currentLang() === l ? 'true' : 'false'}
              data-testid=${`lang-${l}`}
              onClick=${() => switchLang(l)}
            >
              ${l === 'pl' ? t('console.lang.pl') : t('console.lang.en')}
            </button>`,
        )}
      </div>
      ${
        session?.me &&
        html`${
            session.me.name &&
            html`<span class="who" data-testid="signed-in-as">
              ${t('console.header.signedInAs', { name: session.me.name })}
            </span>`
          }
          <button type="button" class="sign-out" onClick=${() => signOut(null)}>
            ${t('console.header.signOut')}
          </button>`
      }
    </header>
    ${
      session?.me && api
        ? html`<${Call} key=${session.key} api=${api} me=${session.me} lang=${currentLang()} />`
        : html`<${SignIn}
            message=${signedOutBecause}
            onSignedIn=${(/** @type {string} */ key, /** @type {Me} */ me) => {
              agentKeyStore.set(key);
              setSignedOutBecause(null);
              setSession({ key, me });
            }}
          />`
    }
    <div class="visually-hidden" aria-live="polite" role="status" data-testid="announcer">${spoken}</div>
  <//>`;
}
