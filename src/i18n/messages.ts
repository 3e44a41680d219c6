import { IntlMessageFormat, type Formats } from 'intl-messageformat';
import type { Lang } from '../domain/language';
import { negotiateLanguage } from './negotiate';
import consoleEn from './catalogues/console/en.json';
import consolePl from './catalogues/console/pl.json';
import coreEn from './catalogues/core/en.json';
import corePl from './catalogues/core/pl.json';
import dashboardEn from './catalogues/dashboard/en.json';
import dashboardPl from './catalogues/dashboard/pl.json';
import diagnosisEn from './catalogues/diagnosis/en.json';
import diagnosisPl from './catalogues/diagnosis/pl.json';
import scriptsEn from './catalogues/scripts/en.json';
import scriptsPl from './catalogues/scripts/pl.json';

// One catalogue per language, kept in files per area (core: shared and MCP; diagnosis: verdicts and findings;
// dashboard and console: the web pages, which bundle their own areas; scripts: what the agent reads out on calls
// not about the line, served by the API and bundled by the web pages) so that the areas grow apart.
const en = { ...coreEn, ...diagnosisEn, ...dashboardEn, ...consoleEn, ...scriptsEn };
const pl = { ...corePl, ...diagnosisPl, ...dashboardPl, ...consolePl, ...scriptsPl };

/** Every message's key; the English catalogue is the reference, catalogues.spec.ts holds Polish to the same keys. */
export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
export const CATALOGUES: Readonly<Record<Lang, Catalogue>> = { en, pl };

/** A value for a message's ICU argument: numbers go through plural rules and number formats, dates through the zone. */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/** A language's texts: the message for a key with its values, and a list joined the language's way ("a, b and c"). */
export interface Say {
  readonly lang: Lang;
  (key: MessageKey, values?: MessageValues): string;
  list(items: readonly string[]): string;
}

/** CLDR locale behind each language: British English for day-month order and the 24-hour clock of the operators. */
const LOCALE: Record<Lang, string> = { en: 'en-GB', pl: 'pl-PL' };

/**
 * The named date, time and number formats the catalogues use ({at, date, moment}, {at, time, clock},
 * {d, date, calendarDay}, {v, number, decibel}): instants are shown in the operator's time zone; a calendar day
 * (YYYY-MM-DD, already in that zone) is shown as it is.
 */
function formatsFor(timeZone: string): Partial<Formats> {
  return {
    date: {
      moment: {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      },
      day: { day: 'numeric', month: 'long', year: 'numeric', timeZone },
      calendarDay: { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' },
    },
    time: { clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } },
    number: { decibel: { minimumFractionDigits: 1, maximumFractionDigits: 1 } },
  };
}

export interface MessagesOptions {
  /** The language when a request asks for none Linecheck speaks (DEFAULT_LANGUAGE). */
  readonly defaultLanguage: Lang;
  /** The operator's IANA time zone, for every date and time in a text. */
  readonly timeZone: string;
}

/** Texts for people from the catalogues: ICU MessageFormat with CLDR plurals, compiled once per language and key. */
export class Messages {
  private readonly compiled = new Map<string, IntlMessageFormat>();
  private readonly lists = new Map<Lang, Intl.ListFormat>();
  private readonly formats: Partial<Formats>;

  constructor(readonly options: MessagesOptions) {
    this.formats = formatsFor(options.timeZone);
  }

  get defaultLanguage(): Lang {
    return this.options.defaultLanguage;
  }

  text(lang: Lang, key: MessageKey, values?: MessageValues): string {
    const id = `${lang}:${key}`;
    let message = this.compiled.get(id);
    if (!message) {
      message = new IntlMessageFormat(CATALOGUES[lang][key], LOCALE[lang], this.formats, { ignoreTag: true });
      this.compiled.set(id, message);
    }
    return String(message.format(values));
  }

  /** A measured level with its unit (dBmV, dB), to one decimal in the language's way: 51.5 dBmV, 51,5 dBmV. */
  measurement(lang: Lang, value: number, unit: string): string {
    return this.text(lang, 'common.measurement', { value, unit });
  }

  list(lang: Lang, items: readonly string[]): string {
    let format = this.lists.get(lang);
    if (!format) {
      format = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: 'conjunction' });
      this.lists.set(lang, format);
    }
    return format.format(items);
  }

  /** The language an Accept-Language header asks for, else the default. */
  negotiate(acceptLanguage: string | undefined): Lang {
    return negotiateLanguage(acceptLanguage, this.options.defaultLanguage);
  }

  in(lang: Lang): Say {
    const say = (key: MessageKey, values?: MessageValues): string => this.text(lang, key, values);
    return Object.assign(say, { lang, list: (items: readonly string[]) => this.list(lang, items) });
  }
}
