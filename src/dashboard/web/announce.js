// @ts-check
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** Says something to screen readers through the page's aria-live region (node outages, sweeps finishing). */
export const AnnounceContext = createContext((/** @type {string} */ _text) => {});

export function useAnnounce() {
  return useContext(AnnounceContext);
}
