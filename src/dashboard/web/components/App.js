// @ts-check
import { html } from 'htm/preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AnnounceContext } from '../announce.js';
import { ApiContext, createApi, keyStore, useApi } from '../api.js';
import { t } from '../i18n.js';
import { connectLive } from '../live.js';
import { href, useRoute } from '../router.js';
import { FleetView } from './FleetView.js';
import { LanguageSwitch, useLanguage } from './LanguageSwitch.js';
import { ModemView } from './ModemView.js';
import { NodeView } from './NodeView.js';
import { OutcomesView } from './OutcomesView.js';
import { SignIn } from './SignIn.js';

export function App() {
  const [key, setKey] = useState(() => keyStore.get());
  // The HTTP status that ended the session (401, 403), said on the sign-in form in the page's language.
  const [signedOutBecause, setSignedOutBecause] = useState(/** @type {number|null} */ (null));
  const lang = useLanguage();

  useEffect(() => {
    document.title = t('dashboard.app.title');
  }, [lang]);

  const signOut = useCallback((/** @type {number|null} */ status) => {
    keyStore.clear();
    setKey(null);
    setSignedOutBecause(status);
  }, []);

  const api = useMemo(() => (key ? createApi(key, (status) => signOut(status)) : null), [key, signOut]);

  if (!api) {
    return html`<${SignIn}
      lang=${lang}
      signedOutStatus=${signedOutBecause}
      onSignedIn=${(/** @type {string} */ k) => {
        keyStore.set(k);
        setSignedOutBecause(null);
        setKey(k);
      }}
    />`;
  }
  return html`<${ApiContext.Provider} value=${api}>
    <${Dashboard} lang=${lang} onSignOut=${() => signOut(null)} />
  <//>`;
}

/** @typedef {'connecting'|'live'|'reconnecting'} LiveStatus */

/**
 * The signed-in page. `lang` is there so that a language switch re-renders it (and every view below) in the new
 * language; the views keep their data and reload it in that language (resource.js).
 * @param {{ lang: import('../i18n.js').Lang, onSignOut: () => void }} props
 */
function Dashboard({ lang, onSignOut }) {
  const api = useApi();
  const route = useRoute();
  const [live, setLive] = useState(/** @type {LiveStatus} */ ('connecting'));
  const [spoken, setSpoken] = useState('');

  // Reconnected on a language switch, so that the stream too is asked for in the page's language.
  useEffect(() => connectLive(api.key, { onStatus: setLive, onAuthLost: api.authLost }), [api, lang]);

  return html`<${AnnounceContext.Provider} value=${setSpoken}>
    <a class="skip-link" href="#main" onClick=${focusHeading}>${t('dashboard.header.skipToContent')}</a>
    <header class="top">
      <a class="brand" href=${href.fleet()}>${t('dashboard.header.brand')}</a>
      <a class="nav-link" href=${href.outcomes()}>${t('dashboard.header.outcomes')}</a>
      <${LiveBadge} status=${live} />
      <${LanguageSwitch} lang=${lang} />
      <button type="button" class="sign-out" onClick=${onSignOut}>${t('dashboard.header.signOut')}</button>
    </header>
    <${Main} route=${route} lang=${lang} />
    <div class="visually-hidden" aria-live="polite" role="status" data-testid="announcer">${spoken}</div>
  <//>`;
}

/** @param {{ status: LiveStatus }} props */
function LiveBadge({ status }) {
  const text =
    status === 'live'
      ? t('dashboard.header.live')
      : status === 'connecting'
        ? t('dashboard.header.connecting')
        : t('dashboard.header.reconnecting');
  return html`<span class=${`live live-${status}`} data-testid="live-status" data-status=${status}>
    <span aria-hidden="true">●</span> ${text}
  </span>`;
}

function focusHeading(/** @type {Event} */ e) {
  e.preventDefault();
  /** @type {HTMLElement|null} */ (document.querySelector('main h1'))?.focus();
}

/** @param {{ route: import('../router.js').Route, lang: import('../i18n.js').Lang }} props */
function Main({ route, lang }) {
  const first = useRef(true);
  const where = JSON.stringify(route);
  useEffect(() => {
    // A new view moves focus to its heading, so keyboard and screen-reader users start at its top.
    if (first.current) {
      first.current = false;
      return;
    }
    /** @type {HTMLElement|null} */ (document.querySelector('main h1'))?.focus();
  }, [where]);
  return html`<main id="main" data-lang=${lang}>
    ${
      route.view === 'node'
        ? html`<${NodeView}
            key=${`${route.cmtsId}/${route.serviceGroupId}`}
            cmtsId=${route.cmtsId}
            serviceGroupId=${route.serviceGroupId}
          />`
        : route.view === 'modem'
          ? html`<${ModemView} key=${route.modemId} modemId=${route.modemId} />`
          : route.view === 'outcomes'
            ? html`<${OutcomesView} />`
            : html`<${FleetView} cmtsId=${route.cmtsId} />`
    }
  </main>`;
}
