// @ts-check
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useEffect, useRef } from 'preact/hooks';
import { API_BASE, ApiError, parseJson } from './api.js';
import { acceptLanguage } from './i18n.js';

/** @typedef {import('./api-types.js').LiveBatch} LiveBatch */
/** A batch from the server, or 'resync' after a (re)connect: whatever happened meanwhile was missed. */
/** @typedef {LiveBatch | 'resync'} LiveUpdate */

const RETRY_MS = 3000;

/** @type {Set<(update: LiveUpdate) => void>} */
const listeners = new Set();

function publish(/** @type {LiveUpdate} */ update) {
  for (const listener of listeners) {
    listener(update);
  }
}

class RetriableError extends Error {}

/**
 * Follows GET /events with the key in the Authorization header (which EventSource cannot send), reconnecting
 * after errors and server closes. A refused key stops it for good.
 * @param {string} key
 * @param {{ onStatus: (status: 'live'|'reconnecting') => void, onAuthLost: (status: number) => void }} handlers
 * @returns {() => void} stop
 */
export function connectLive(key, { onStatus, onAuthLost }) {
  const abort = new AbortController();
  let connectedBefore = false;
  void fetchEventSource(`${API_BASE}/events`, {
    signal: abort.signal,
    headers: { Authorization: `Bearer ${key}`, 'Accept-Language': acceptLanguage() },
    // A wall screen in a background tab still needs to be current when someone looks at it.
    openWhenHidden: true,
    onopen(res) {
      if (res.status === 401 || res.status === 403) {
        throw new ApiError(res.status, 'refused');
      }
      if (!res.ok || !(res.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        throw new RetriableError(`events: ${res.status}`);
      }
      onStatus('live');
      if (connectedBefore) {
        publish('resync');
      }
      connectedBefore = true;
      return Promise.resolve();
    },
    onmessage(msg) {
      if (msg.event === 'batch' && msg.data) {
        publish(/** @type {LiveBatch} */ (parseJson(msg.data)));
      }
    },
    onclose() {
      throw new RetriableError('events stream closed');
    },
    onerror(error) {
      if (error instanceof ApiError) {
        onAuthLost(error.status);
        throw error;
      }
      onStatus('reconnecting');
      return RETRY_MS;
    },
  }).catch(() => undefined);
  return () => abort.abort();
}

/**
 * Calls `refresh` when an update concerns the caller (`concerns`), at most once per `intervalMs`: a burst of
 * batches during a sweep becomes one reload now and one at the end of the interval, never one per batch.
 * @param {(update: LiveUpdate) => boolean} concerns
 * @param {() => unknown} refresh
 * @param {number} intervalMs
 */
export function useLiveRefresh(concerns, refresh, intervalMs) {
  const latest = useRef({ concerns, refresh });
  latest.current = { concerns, refresh };
  useEffect(() => {
    let lastRun = 0;
    /** @type {ReturnType<typeof setTimeout>|null} */
    let timer = null;
    const run = () => {
      timer = null;
      lastRun = Date.now();
      latest.current.refresh();
    };
    /** @param {LiveUpdate} update */
    const listener = (update) => {
      if (timer != null || !latest.current.concerns(update)) {
        return;
      }
      timer = setTimeout(run, Math.max(0, lastRun + intervalMs - Date.now()));
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (timer != null) {
        clearTimeout(timer);
      }
    };
  }, [intervalMs]);
}

/** Every batch as it comes, for views that patch small things (sweep progress) without a reload. */
export function useLiveBatches(/** @type {(batch: LiveBatch) => void} */ onBatch) {
  const latest = useRef(onBatch);
  latest.current = onBatch;
  useEffect(() => {
    /** @param {LiveUpdate} update */
    const listener = (update) => {
      if (update !== 'resync') {
        latest.current(update);
      }
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
}
