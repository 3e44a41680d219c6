import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGS } from '../domain/language';
import { CATALOGUES, type MessageKey } from './messages';

// The catalogues as data: the same keys in every language, the same ICU arguments per key, every plural with the
// language's CLDR categories, and no key that no code uses. Code names a key only as a whole string literal (a
// dynamic key comes from a typed Record<Code, MessageKey> table), so a literal search over src/ (the service's
// TypeScript and the web pages' JavaScript) sees every use.

type Element = ReturnType<IntlMessageFormat['getAst']>[number];

/** The parser's element types by number (its TYPE enum is not re-exported by intl-messageformat). */
const KINDS = ['literal', 'string', 'number', 'date', 'time', 'select', 'plural', 'pound', 'tag'] as const;
const kindOf = (el: Element): string => KINDS[el.type as number] ?? String(el.type);

/** An ICU message's arguments (name → kind) and its plurals' categories, through select and plural branches. */
function shapeOf(message: string, locale: string): { args: Map<string, string>; plurals: string[][] } {
  const args = new Map<string, string>();
  const plurals: string[][] = [];
  const walk = (elements: readonly Element[]): void => {
    for (const el of elements) {
      if ('value' in el && typeof el.value === 'string' && kindOf(el) !== 'literal') {
        args.set(el.value, kindOf(el));
      }
      if ('options' in el) {
        if (kindOf(el) === 'plural') {
          plurals.push(Object.keys(el.options).sort());
        }
        for (const option of Object.values(el.options)) {
          walk(option.value);
        }
      }
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return { args, plurals };
}

/** CLDR cardinal categories of whole numbers (counts of things): Polish one, few, many; English one. */
const PLURAL_CATEGORIES = {
  en: ['one', 'other'],
  pl: ['few', 'many', 'one', 'other'],
} as const;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(path);
    }
    return /\.(ts|js)$/.test(entry.name) && !/\.spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('message catalogues', () => {
  const reference = Object.keys(CATALOGUES.en).sort();

  it.each(LANGS)('%s holds exactly the keys of every other language', (lang) => {
    for (const other of LANGS) {
      const keys = Object.keys(CATALOGUES[other]).sort();
      expect({ lang, keys: Object.keys(CATALOGUES[lang]).sort() }).toEqual({ lang, keys });
    }
  });

  it.each(reference)('%s takes the same arguments, of the same kind, in every language', (key) => {
    const k = key as MessageKey;
    const en = [...shapeOf(CATALOGUES.en[k], 'en').args].sort();
    for (const lang of LANGS) {
      expect({ lang, args: [...shapeOf(CATALOGUES[lang][k], lang).args].sort() }).toEqual({ lang, args: en });
    }
  });

  it.each(LANGS)("every plural in %s has exactly the language's CLDR categories", (lang) => {
    for (const key of reference) {
      for (const categories of shapeOf(CATALOGUES[lang][key as MessageKey], lang).plurals) {
        expect({ key, categories }).toEqual({ key, categories: [...PLURAL_CATEGORIES[lang]] });
      }
    }
  });

  it('has no key that no code uses', () => {
    const code = sourceFiles(join(__dirname, '..'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = reference.filter((key) => !code.includes(`'${key}'`));
    expect(unused).toEqual([]);
  });
});
