// @ts-check
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { acceptLanguage, t } from './i18n.js';

const KEY_STORAGE = 'linecheck.nocKey';
const AGENT_KEY_STORAGE = 'linecheck.agentKey';
export const API_BASE = '/api/v1';

/** A refused or failed API call: the HTTP status (0 when the network failed) and the server's message. */
export class ApiError extends Error {
  /** @param {number} status @param {string} message @param {unknown} [body] the parsed error body, when JSON */
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /** 401 and 403 end the session: the key is wrong or lacks the noc role. */
  get isAuthProblem() {
    return this.status === 401 || this.status === 403;
  }
}

/** What the sign-in form says for a refused key, in the page's language. */
export function authProblemText(/** @type {number} */ status) {
  return status === 403 ? t('dashboard.auth.noNocRole') : t('dashboard.auth.keyNotValid');
}

// sessionStorage: the key lives as long as the tab, never across browser restarts or in other tabs' storage.
export const keyStore = {
  get: () => sessionStorage.getItem(KEY_STORAGE),
  set: (/** @type {string} */ key) => sessionStorage.setItem(KEY_STORAGE, key),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** The agent console's key: the same rules as the dashboard's, its own slot. */
export const agentKeyStore = {
  get: () => sessionStorage.getItem(AGENT_KEY_STORAGE),
  set: (/** @type {string} */ key) => sessionStorage.setItem(AGENT_KEY_STORAGE, key),
  clear: () => sessionStorage.removeItem(AGENT_KEY_STORAGE),
};

export function parseJson(/** @type {string} */ text) {
  /** @type {unknown} */
  const value = JSON.parse(text);
  return value;
}

/**
 * @param {string} key
 * @param {string} method
 * @param {string} path under /api/v1
 * @param {unknown} [body]
 * @param {Record<string, string>} [extraHeaders]
 */
async function call(key, method, path, body, extraHeaders) {
  /** @type {Response} */
  let res;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key}`,
        Accept: 'application/json',
        // The page's language first: the API's texts (findings, summaries, refusals) come back in it.
        'Accept-Language': acceptLanguage(),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, t('dashboard.api.noAnswer', { error: String(error) }));
  }
  const text = await res.text();
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`;
    /** @type {unknown} */
    let parsed;
    try {
      parsed = parseJson(text);
      if (parsed && typeof parsed === 'object' && 'message' in parsed && typeof parsed.message === 'string') {
        message = parsed.message;
      }
    } catch {
      // Not JSON (a proxy's page): the status line says enough.
    }
    throw new ApiError(res.status, message, parsed);
  }
  return text === '' ? null : parseJson(text);
}

/**
 * The API as the signed-in user sees it. Every refusal of the key ends the session through onAuthLost, so no
 * view has to handle 401/403 itself.
 * @param {string} key
 * @param {(status: number) => void} onAuthLost
 */
export function createApi(key, onAuthLost) {
  /** @param {ApiError | unknown} error */
  const watch = (error) => {
    if (error instanceof ApiError && error.isAuthProblem) {
      onAuthLost(error.status);
    }
    throw error;
  };
  return {
    key,
    /** Ends the session: for refusals seen outside get/post (the event stream). */
    authLost: onAuthLost,
    /**
     * The parsed JSON, of the type the caller expects (api-types.js): T comes from the caller's declared type.
     * @template T @param {string} path @returns {Promise<T>}
     */
    get: (path) => /** @type {Promise<T>} */ (call(key, 'GET', path).catch(watch)),
    /** @template T @param {string} path @param {unknown} body @returns {Promise<T>} */
    post: (path, body) => /** @type {Promise<T>} */ (call(key, 'POST', path, body).catch(watch)),
  };
}

/** @typedef {ReturnType<typeof createApi>} Api */

/** Checks a key the way the dashboard will use it: the fleet summary needs the noc role. */
export async function checkKey(/** @type {string} */ key) {
  await call(key, 'GET', '/fleet/summary');
}

export const ApiContext = createContext(/** @type {Api|null} */ (null));

export function useApi() {
  const api = useContext(ApiContext);
  if (!api) {
    throw new Error('useApi outside a signed-in session');
  }
  return api;
}

/**
 * The API as the agent's console uses it: answers in the page's language (as every call here), and calls about a
 * line send the line token the caller's verification gave (X-Line-Token). Only a 401 ends the session: a 403 is
 * about one line (its token expired) or one right (no reboot), which the view handles.
 * @param {string} key
 * @param {() => void} onAuthLost
 */
export function createAgentApi(key, onAuthLost) {
  /** @param {string|undefined} lineToken @returns {Record<string, string>} */
  const headers = (lineToken) => (lineToken ? { 'X-Line-Token': lineToken } : {});
  /** @param {ApiError | unknown} error */
  const watch = (error) => {
    if (error instanceof ApiError && error.status === 401) {
      onAuthLost();
    }
    throw error;
  };
  return {
    key,
    /** @template T @param {string} path @param {string} [lineToken] @returns {Promise<T>} */
    get: (path, lineToken) =>
      /** @type {Promise<T>} */ (call(key, 'GET', path, undefined, headers(lineToken)).catch(watch)),
    /** @template T @param {string} path @param {unknown} body @param {string} [lineToken] @returns {Promise<T>} */
    post: (path, body, lineToken) =>
      /** @type {Promise<T>} */ (call(key, 'POST', path, body, headers(lineToken)).catch(watch)),
  };
}

/** @typedef {ReturnType<typeof createAgentApi>} AgentApi */

/** Checks a key the way the console signs in: what the key may do (`GET /me`). */
export async function whoAmI(/** @type {string} */ key) {
  return call(key, 'GET', '/me');
}
