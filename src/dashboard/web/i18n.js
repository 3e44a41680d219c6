// @ts-check
// The web pages' texts (the NOC dashboard and the agent's console): the same ICU catalogues and library as the
// service (src/i18n), bundled with the page. Only the dashboard, console and scripts (the agent's call scripts)
// areas are shipped to the browser.
import { IntlMessageFormat } from 'intl-messageformat';
import consoleEn from '../../i18n/catalogues/console/en.json';
import consolePl from '../../i18n/catalogues/console/pl.json';
import dashboardEn from '../../i18n/catalogues/dashboard/en.json';
import dashboardPl from '../../i18n/catalogues/dashboard/pl.json';
import scriptsEn from '../../i18n/catalogues/scripts/en.json';
import scriptsPl from '../../i18n/catalogues/scripts/pl.json';

/** @typedef {'en' | 'pl'} Lang */
/** @typedef {keyof typeof dashboardEn | keyof typeof consoleEn | keyof typeof scriptsEn} WebKey */
/** @typedef {Readonly<Record<string, string | number | Date>>} Values */

export const LANGS = /** @type {const} */ (['pl', 'en']);

/** @type {Record<Lang, Readonly<Record<string, string>>>} */
const CATALOGUES = {
  en: { ...dashboardEn, ...consoleEn, ...scriptsEn },
  pl: { ...dashboardPl, ...consolePl, ...scriptsPl },
};

/** CLDR locale behind each language, as the service uses it (src/i18n/messages.ts). */
const LOCALE = { en: 'en-GB', pl: 'pl-PL' };

const STORAGE_KEY = 'linecheck.lang';

/** @param {unknown} value @returns {value is Lang} */
export function isLang(value) {
  return value === 'en' || value === 'pl';
}

/** The page's language: `?lang=`, else the one chosen before on this browser, else the browser's, else Polish. */
function initialLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) {
    return asked;
  }
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLang(stored)) {
      return stored;
    }
  } catch {
    // storage blocked: fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? []) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLang(base)) {
      return base;
    }
  }
  return 'pl';
}

let lang = initialLang();
document.documentElement.lang = lang;

/**
 * For a page whose language does not follow the browser's (the agent console: Polish): the page's language unless
 * `?lang=` or an earlier choice on this browser names one.
 * @param {Lang} fallback
 */
export function preferLang(fallback) {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage blocked: no earlier choice
  }
  if (!isLang(new URLSearchParams(location.search).get('lang')) && !isLang(stored)) {
    lang = fallback;
    document.documentElement.lang = fallback;
  }
}

/** @type {Map<string, IntlMessageFormat>} */
const compiled = new Map();

/** @returns {Lang} */
export function currentLang() {
  return lang;
}

/** The locale for Intl formats (numbers, dates) in the page's language. */
export function locale() {
  return LOCALE[lang];
}

/** Switches the language and remembers it; the caller re-renders. @param {Lang} next */
export function setLang(next) {
  lang = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered: the page still switches
  }
}

/**
 * The text for a key in the page's language.
 * @param {WebKey} key
 * @param {Values} [values]
 */
export function t(key, values) {
  const id = `${lang}:${String(key)}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(CATALOGUES[lang][key] ?? key, LOCALE[lang], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, message);
  }
  return String(message.format(values));
}

/** "a, b and c" in the page's language. @param {readonly string[]} items */
export function list(items) {
  return new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/** The value for an Accept-Language header: the page's language first, so the API answers in it. */
export function acceptLanguage() {
  return lang === 'pl' ? 'pl, en;q=0.5' : 'en, pl;q=0.5';
}
