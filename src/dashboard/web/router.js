// @ts-check
import { useEffect, useState } from 'preact/hooks';

// Hash routes, so every view is a link that survives a reload and needs nothing from the server:
//   #/ (optionally ?cmts=<id>)   #/node/<cmtsId>/<serviceGroupId>   #/modem/<modemId>   #/outcomes

/**
 * @typedef {{ view: 'fleet', cmtsId: string|null }
 *   | { view: 'node', cmtsId: string, serviceGroupId: string }
 *   | { view: 'modem', modemId: string }
 *   | { view: 'outcomes' }} Route
 */

/** @returns {Route} */
export function parseRoute(/** @type {string} */ hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  if (parts[0] === 'node' && parts.length === 3) {
    return { view: 'node', cmtsId: parts[1], serviceGroupId: parts[2] };
  }
  if (parts[0] === 'modem' && parts.length === 2) {
    return { view: 'modem', modemId: parts[1] };
  }
  if (parts[0] === 'outcomes' && parts.length === 1) {
    return { view: 'outcomes' };
  }
  return { view: 'fleet', cmtsId: new URLSearchParams(query).get('cmts') };
}

export const href = {
  fleet: (/** @type {string|null} */ cmtsId = null) =>
    cmtsId ? `#/?cmts=${encodeURIComponent(cmtsId)}` : '#/',
  node: (/** @type {string} */ cmtsId, /** @type {string} */ serviceGroupId) =>
    `#/node/${encodeURIComponent(cmtsId)}/${encodeURIComponent(serviceGroupId)}`,
  modem: (/** @type {string} */ modemId) => `#/modem/${encodeURIComponent(modemId)}`,
  outcomes: () => '#/outcomes',
};

export function useRoute() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
