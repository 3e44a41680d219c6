// @ts-check
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { currentLang } from './i18n.js';

/**
 * Data loaded from the API that stays on screen while it reloads: a refresh after a live batch never blanks the
 * view, and a failed refresh keeps the last good data next to the error. A language switch reloads it too (its
 * texts come from the API in the page's language), keeping the data on screen meanwhile.
 * @template T
 * @param {() => Promise<T>} load
 * @param {unknown[]} deps the load is redone (and the old data dropped) when these change
 */
export function useResource(load, deps) {
  const [state, setState] = useState(
    /** @type {{ data: T|null, error: Error|null, loading: boolean }} */ ({
      data: null,
      error: null,
      loading: true,
    }),
  );
  const generation = useRef(0);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (/** @type {Error} */ error) =>
        mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, deps);
  useEffect(() => {
    setState({ data: null, error: null, loading: true });
    reload();
  }, [reload]);
  const lang = currentLang();
  const loadedIn = useRef(lang);
  useEffect(() => {
    if (loadedIn.current !== lang) {
      loadedIn.current = lang;
      reload();
    }
  }, [lang]);
  return { ...state, reload };
}
