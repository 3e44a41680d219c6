// @ts-check
import { html } from 'htm/preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AnnounceContext } from '../announce.js';
import { ApiContext, authProblemText, createApi, keyStore, useApi } from '../api.js';
import { connectLive } from '../live.js';
import { href, useRoute } from '../router.js';
import { FleetView } from './FleetView.js';
import { ModemView } from './ModemView.js';
import { NodeView } from './NodeView.js';
import { OutcomesView } from './OutcomesView.js';
import { SignIn } from './SignIn.js';

export function App() {
  const [key, setKey] = useState(() => keyStore.get());
  const [signedOutBecause, setSignedOutBecause] = useState(/** @type {string|null} */ (null));

  const signOut = useCallback((/** @type {string|null} */ reason) => {
    keyStore.clear();
    setKey(null);
    setSignedOutBecause(reason);
  }, []);

  const api = useMemo(
    () => (key ? createApi(key, (status) => signOut(`Signed out: ${authProblemText(status)}.`)) : null),
    [key, signOut],
  );

  if (!api) {
    return html`<${SignIn}
      message=${signedOutBecause}
      onSignedIn=${(/** @type {string} */ k) => {
        keyStore.set(k);
        setSignedOutBecause(null);
        setKey(k);
      }}
    />`;
  }
  return html`<${ApiContext.Provider} value=${api}>
    <${Dashboard} onSignOut=${() => signOut(null)} />
  <//>`;
}

/** @typedef {'connecting'|'live'|'reconnecting'} LiveStatus */

/** @param {{ onSignOut: () => void }} props */
function Dashboard({ onSignOut }) {
  const api = useApi();
  const route = useRoute();
  const [live, setLive] = useState(/** @type {LiveStatus} */ ('connecting'));
  const [spoken, setSpoken] = useState('');

  useEffect(() => connectLive(api.key, { onStatus: setLive, onAuthLost: api.authLost }), [api]);

  return html`<${AnnounceContext.Provider} value=${setSpoken}>
    <a class="skip-link" href="#main" onClick=${focusHeading}>Skip to content</a>
    <header class="top">
      <a class="brand" href=${href.fleet()}>Linecheck NOC</a>
      <a class="nav-link" href=${href.outcomes()}>Visit outcomes</a>
      <${LiveBadge} status=${live} />
      <button type="button" class="sign-out" onClick=${onSignOut}>Sign out</button>
    </header>
    <${Main} route=${route} />
    <div class="visually-hidden" aria-live="polite" role="status" data-testid="announcer">${spoken}</div>
  <//>`;
}

/** @param {{ status: LiveStatus }} props */
function LiveBadge({ status }) {
  const text = status === 'live' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return html`<span class=${`live live-${status}`} data-testid="live-status" data-status=${status}>
    <span aria-hidden="true">●</span> ${text}
  </span>`;
}

function focusHeading(/** @type {Event} */ e) {
  e.preventDefault();
  /** @type {HTMLElement|null} */ (document.querySelector('main h1'))?.focus();
}

/** @param {{ route: import('../router.js').Route }} props */
function Main({ route }) {
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
  return html`<main id="main">
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
