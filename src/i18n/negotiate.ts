import { isLang, type Lang } from '../domain/language';

/**
 * The language to answer in from an Accept-Language header (RFC 9110 §12.5.4): the highest-weighted range Linecheck
 * speaks, matched by its primary subtag (pl-PL → pl), ties in the header's order; q=0 rules a range out; `*`, an
 * empty header or only languages Linecheck does not speak → the default.
 */
export function negotiateLanguage(header: string | undefined, fallback: Lang): Lang {
  const ranges = (header ?? '')
    .split(',')
    .map((part, order) => {
      const [range = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v != null);
      const weight = q == null ? 1 : Number(q);
      return { primary: range.trim().toLowerCase().split('-')[0], weight, order };
    })
    .filter((r) => Number.isFinite(r.weight) && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  const spoken = ranges.find((r) => r.primary === '*' || isLang(r.primary));
  return spoken && isLang(spoken.primary) ? spoken.primary : fallback;
}
