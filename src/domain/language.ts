/** The languages Linecheck speaks to people in; every message catalogue holds exactly these. */
export const LANGS = ['en', 'pl'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return (LANGS as readonly unknown[]).includes(value);
}
