/**
 * Text normalisation for caller verification: what an agent types and what the CRM holds must compare equal
 * when they mean the same person or address, and unequal when any significant part differs.
 */

// Removed rather than turned into a space, so "O'Brien" = "OBrien". The acute accent is listed because NFKC
// would turn it into a space plus a combining mark.
const APOSTROPHES = /['’‘`´ʼʻ＇]/g;
// Zero-width space, soft hyphen, BOM and friends are invisible to the agent, so they must not split a word.
const FORMAT_CHARACTERS = /\p{Cf}/gu;
const COMBINING_MARKS = /\p{M}/gu;
// Letters NFD leaves whole (no combining mark to strip), so they get an explicit ASCII fold.
const UNDECOMPOSABLE_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ŧ: 't',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const UNDECOMPOSABLE_LETTER = /[łøđðħıŧßæœþ]/g;
const WORD_SEPARATORS = /[^\p{L}\p{Nd}]+/u;

const HONORIFICS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'pan',
  'pani',
  'mgr',
  'inz',
]);

/** Lower case, NFKC-folded (full-width forms, NBSP, ligatures), diacritics removed; punctuation is kept. */
function foldCharacters(s: string): string {
  return s
    .replace(APOSTROPHES, '')
    .normalize('NFKC')
    .replace(FORMAT_CHARACTERS, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_LETTER, (letter) => UNDECOMPOSABLE_LETTERS[letter] ?? letter);
}

/** Letter/digit runs of the folded text; every other character (hyphens, dots, commas, spaces) separates words. */
function foldedWords(s: string): string[] {
  return foldCharacters(s)
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0);
}

/** The base normalisation: folded words joined by single spaces. */
export function foldText(s: string): string {
  return foldedWords(s).join(' ');
}

/**
 * Word order is ignored (sorted word multiset) because agents often type the surname first; honorifics are
 * dropped. "Pan Jan Iksiński" -> "iksinski jan".
 */
export function normalizeName(s: string): string {
  return foldedWords(s)
    .filter((word) => !HONORIFICS.has(word))
    .sort()
    .join(' ');
}

export interface AddressParts {
  /** Street (or village) name words in order, street designators removed: "3 maja", "dluga". */
  street: string;
  /** House number with its letter suffix: "5", "123a"; '' when none was found. */
  building: string;
  flat: string;
  /** Polish postal code as five digits: "00950". */
  postalCode: string;
  /** Every remaining word, in order; normally the town. */
  city: string;
}

// Street designators carry no identity ("ul. Długa" = "Długa"); "nr" is the house-number abbreviation.
const STREET_DESIGNATORS: ReadonlySet<string> = new Set([
  'ul',
  'ulica',
  'al',
  'aleja',
  'aleje',
  'pl',
  'plac',
  'os',
  'osiedle',
  'nr',
  'st',
  'street',
  'rd',
  'road',
  'ave',
  'avenue',
]);
// Only read as a flat marker between the house number and a number: "M. Skłodowskiej" keeps its initial.
const FLAT_MARKERS: ReadonlySet<string> = new Set([
  '/',
  'm',
  'lok',
  'lokal',
  'mieszk',
  'mieszkanie',
  'apt',
  'apartment',
  'flat',
]);
const POSTAL_CODE = /(?<![0-9])([0-9]{2})\s*[-\u2010-\u2015\u2212]\s*([0-9]{3})(?![0-9])/g;
const BARE_POSTAL_CODE = /^[0-9]{5}$/;
const ADDRESS_TOKEN = /[\p{L}\p{Nd}]+|[/,;\n]/gu;
const SEGMENT_BREAK = ',';

const isBreak = (token: string | undefined): boolean => token === SEGMENT_BREAK;
const isNumber = (token: string | undefined): boolean => token !== undefined && /^[0-9]/.test(token);
const isWord = (token: string | undefined): boolean => token !== undefined && /^\p{L}/u.test(token);
const isSingleLetter = (token: string | undefined): boolean => token !== undefined && /^\p{L}$/u.test(token);

/** Folded address tokens; postal codes are lifted out and, like commas, leave a segment break behind. */
function tokenizeAddress(s: string): { tokens: string[]; postalCode: string } {
  const folded = foldCharacters(s).replace(POSTAL_CODE, ',$1$2,');
  const tokens: string[] = [];
  let postalCode = '';
  for (const raw of folded.match(ADDRESS_TOKEN) ?? []) {
    const token = raw === ';' || raw === '\n' ? SEGMENT_BREAK : raw;
    if (postalCode === '' && BARE_POSTAL_CODE.test(token)) {
      postalCode = token;
      tokens.push(SEGMENT_BREAK);
    } else if (!STREET_DESIGNATORS.has(token)) {
      tokens.push(token);
    }
  }
  return { tokens, postalCode };
}

/**
 * The house number sits in the first comma-separated segment holding a number: it is the first number there
 * that follows a street word ("3 Maja 5" -> 5, "Długa 5/12" -> 5), else the segment's first number
 * ("12 Baker Street" -> 12).
 */
function findBuildingIndex(tokens: readonly string[]): number {
  const firstNumber = tokens.findIndex(isNumber);
  if (firstNumber < 0) {
    return -1;
  }
  const segmentEnd = tokens.indexOf(SEGMENT_BREAK, firstNumber);
  const segment = tokens.slice(0, segmentEnd < 0 ? tokens.length : segmentEnd);
  const afterStreetWord = segment.findIndex(
    (token, i) =>
      i >= firstNumber && isNumber(token) && isWord(segment[i - 1]) && !FLAT_MARKERS.has(segment[i - 1]),
  );
  return afterStreetWord >= 0 ? afterStreetWord : firstNumber;
}

const startsFlat = (tokens: readonly string[], at: number): boolean =>
  FLAT_MARKERS.has(tokens[at] ?? '') && isNumber(tokens[at + 1]);

/** Reads "/ 12", "m 12", "lok 12" or a bare "12" at `at`, also just after a comma ("Długa 5, m. 12"). */
function readFlat(tokens: readonly string[], at: number): { flat: string; next: number } {
  const start = isBreak(tokens[at]) && startsFlat(tokens, at + 1) ? at + 1 : at;
  if (startsFlat(tokens, start)) {
    return { flat: tokens[start + 1], next: start + 2 };
  }
  if (isNumber(tokens[start])) {
    return { flat: tokens[start], next: start + 1 };
  }
  return { flat: '', next: at };
}

const joinWords = (tokens: readonly string[]): string =>
  tokens.filter((t) => !isBreak(t) && t !== '/').join(' ');

/**
 * Splits an address into the parts that identify it. Polish order ("ul. Długa 5 m. 12, 00-950 Warszawa") puts
 * the street before the number and the town after it; a comma-separated part before the street
 * ("Warszawa, Długa 5/12") is also town. Number-first order ("12 Baker St, London") takes the words up to the
 * next comma as the street.
 */
export function parseAddress(s: string): AddressParts {
  const { tokens, postalCode } = tokenizeAddress(s);
  const buildingIndex = findBuildingIndex(tokens);
  if (buildingIndex < 0) {
    return { street: joinWords(tokens), building: '', flat: '', postalCode, city: '' };
  }
  const segmentStart = tokens.lastIndexOf(SEGMENT_BREAK, buildingIndex) + 1;
  let building = tokens[buildingIndex];
  let cursor = buildingIndex + 1;
  const suffix = tokens[cursor];
  if (isSingleLetter(suffix) && !startsFlat(tokens, cursor)) {
    building += suffix;
    cursor += 1;
  }
  let { flat, next } = readFlat(tokens, cursor);
  let street: string;
  if (buildingIndex > segmentStart) {
    street = joinWords(tokens.slice(segmentStart, buildingIndex));
  } else {
    let streetEnd = next;
    while (streetEnd < tokens.length && !isBreak(tokens[streetEnd]) && !startsFlat(tokens, streetEnd)) {
      streetEnd += 1;
    }
    street = joinWords(tokens.slice(next, streetEnd));
    if (flat === '' && !isBreak(tokens[streetEnd])) {
      ({ flat, next } = readFlat(tokens, streetEnd));
    }
    next = Math.max(next, streetEnd);
  }
  const city = joinWords([...tokens.slice(0, segmentStart), SEGMENT_BREAK, ...tokens.slice(next)]);
  return { street, building, flat, postalCode, city };
}

/** Canonical text of `parseAddress`: "ul. Długa 5 m. 12, 00-950 Warszawa" -> "dluga 5/12, 00950 warszawa". */
export function normalizeAddress(s: string): string {
  return formatAddress(parseAddress(s));
}

function formatAddress({ street, building, flat, postalCode, city }: AddressParts): string {
  const number = flat === '' ? building : `${building}/${flat}`;
  const streetLine = [street, number].filter((part) => part !== '').join(' ');
  const locality = [postalCode, city].filter((part) => part !== '').join(' ');
  return [streetLine, locality].filter((part) => part !== '').join(', ');
}
