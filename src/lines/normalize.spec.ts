import { foldText, normalizeAddress, normalizeName, parseAddress } from './normalize';

describe(foldText.name, () => {
  it.each([
    ['ąćęłńóśźż', 'acelnoszz'],
    ['ĄĆĘŁŃÓŚŹŻ', 'acelnoszz'],
    ['Søren Ørsted', 'soren orsted'],
    ['Weiß STRAẞE', 'weiss strasse'],
    ['Æsa Œuvre', 'aesa oeuvre'],
    ['Đorđe Þór Ðan', 'dorde thor dan'],
    ['İlkay', 'ilkay'],
    ['Iksin\u0301ski', 'iksinski'], // decomposed input: n + combining acute
    ['Jan\u00a0\u202fIksiński', 'jan iksinski'], // NBSP, narrow NBSP
    ['Iksi\u200bń\u00adski', 'iksinski'], // zero-width space and soft hyphen inside a word
    ['Ｊａｎ １２', 'jan 12'], // full-width letters and digits
    ['ﬁlip', 'filip'], // ligature
    ["O'Brien O’Neil", 'obrien oneil'],
    ['  a.b,c-d\te\n ', 'a b c d e'],
    ['', ''],
    [' .,-/ ', ''],
  ])('folds %j to %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe(normalizeName.name, () => {
  it.each([
    ['Jan Iksiński', 'jan  iksinski'],
    ['Jan Iksiński', 'JAN IKSIŃSKI'],
    ['Jan Iksiński', 'Iksiński Jan'],
    ['Jan Iksiński', 'Iksiński, Jan'],
    ['Jan Iksiński', '  Jan.   Iksiński  '],
    ['Jan Iksiński', 'Pan Jan Iksiński'],
    ['Jan Iksiński', 'dr. Jan Iksiński'],
    ['Łukasz Żółć', 'LUKASZ ZOLC'],
    ['Zażółć Gęślą Jaźń', 'zazolc gesla jazn'],
    ['Anna Kowalska-Nowak', 'Anna Kowalska Nowak'],
    ['Anna Kowalska-Nowak', 'Kowalska - Nowak Anna'],
    ["Mrs Jane O'Brien", 'jane obrien'],
    ['Jan Iksiński', 'Jan\u00a0Iksin\u0301ski'],
  ])('%j equals %j', (recorded, typed) => {
    expect(normalizeName(typed)).toBe(normalizeName(recorded));
  });

  it.each([
    ['Jan Iksiński', 'Jan Iksińska'],
    ['Jan Iksiński', 'Jan'],
    ['Jan Iksiński', 'Jan Jan Iksiński'],
    ['Jan Iksiński', 'Jan Maria Iksiński'],
    ['Anna Kowalska-Nowak', 'Anna Kowalska'],
    ['Anna Kowalska-Nowak', 'Anna KowalskaNowak'],
  ])('%j differs from %j', (recorded, typed) => {
    expect(normalizeName(typed)).not.toBe(normalizeName(recorded));
  });

  it('gives sorted, folded words', () => {
    expect(normalizeName('Pani Anna Kowalska-Nowak')).toBe('anna kowalska nowak');
    expect(normalizeName('Iksiński Jan')).toBe('iksinski jan');
    expect(normalizeName(' Pan ')).toBe('');
  });
});

describe(normalizeAddress.name, () => {
  it.each([
    ['ul. Długa 5 m. 12', 'dluga 5/12'],
    ['Dluga 5/12', 'dluga 5/12'],
    ['długa 5 / 12', 'dluga 5/12'],
    ['Długa 5 lok 12', 'dluga 5/12'],
    ['Długa 5 lok. 12', 'dluga 5/12'],
    ['ulica Długa 5 m 12', 'dluga 5/12'],
    ['Długa 5, m. 12', 'dluga 5/12'],
    ['Długa 5 12', 'dluga 5/12'],
    ['  UL.DŁUGA   5 / 12 . ', 'dluga 5/12'],
    ['Długa nr 5 m. 12', 'dluga 5/12'],
    ['Długa\u00a05/12', 'dluga 5/12'],
    ['Długa ５／１２', 'dluga 5/12'],
    ['Dług\u0061\u0301 5/12', 'dluga 5/12'],
    ['ul. 3 Maja 5/12', '3 maja 5/12'],
    ['Al. Jerozolimskie 123A m. 4', 'jerozolimskie 123a/4'],
    ['Aleje Jerozolimskie 123 a / 4', 'jerozolimskie 123a/4'],
    ['pl. Zbawiciela 1', 'zbawiciela 1'],
    ['os. Tysiąclecia 5 m 7 Kraków', 'tysiaclecia 5/7, krakow'],
    ['ul. M. Skłodowskiej-Curie 7 m. 2', 'm sklodowskiej curie 7/2'],
    ['Jana Pawła II 5/3', 'jana pawla ii 5/3'],
    ['ul. Długa 5 m. 12, 00-950 Warszawa', 'dluga 5/12, 00950 warszawa'],
    ['Długa 5/12 00950 Warszawa', 'dluga 5/12, 00950 warszawa'],
    ['00 – 950 Warszawa, ul. Długa 5/12', 'dluga 5/12, 00950 warszawa'],
    ['Warszawa, ul. Długa 5/12', 'dluga 5/12, warszawa'],
    ['Wólka 12, 05-552 Wólka Kosowska', 'wolka 12, 05552 wolka kosowska'],
    ['12 Baker Street', 'baker 12'],
    ['Baker St. 12', 'baker 12'],
    ['221B Baker Street, London', 'baker 221b, london'],
    ['12 Baker Rd Apt 3, London', 'baker 12/3, london'],
    ['Długa', 'dluga'],
    ['', ''],
  ])('normalises %j to %j', (input, normalized) => {
    expect(normalizeAddress(input)).toBe(normalized);
  });

  it.each([
    ['Długa 5/12', 'Długa 5/13'],
    ['Długa 5/12', 'Długa 15/12'],
    ['Długa 5/12', 'Długa 51/2'],
    ['Długa 5/12', 'Długa 5'],
    ['Długa 5/12', 'Długa 5a/12'],
    ['Długa 5/12', 'Krótka 5/12'],
    ['Długa 5/12', 'Długa 12/5'],
    ['ul. 3 Maja 5/12', 'ul. 3 Maja 6/12'],
  ])('%j differs from %j', (recorded, typed) => {
    expect(normalizeAddress(typed)).not.toBe(normalizeAddress(recorded));
  });

  it('splits an address into street, building, flat, postal code and city', () => {
    expect(parseAddress('ul. 3 Maja 5 m. 12, 00-950 Warszawa')).toEqual({
      street: '3 maja',
      building: '5',
      flat: '12',
      postalCode: '00950',
      city: 'warszawa',
    });
    expect(parseAddress('Warszawa')).toEqual({
      street: 'warszawa',
      building: '',
      flat: '',
      postalCode: '',
      city: '',
    });
  });
});

describe('very long input', () => {
  it.each([
    ['letters with diacritics', 'Zażółć gęślą jaźń '.repeat(600)],
    ['combining marks', 'a\u0301'.repeat(5_000)],
    ['one unbroken word', 'ł'.repeat(10_000)],
    ['slashes and numbers', '5/'.repeat(5_000)],
    ['postal-code look-alikes', '12-345 '.repeat(1_500)],
    ['separators only', ', \u00a0-'.repeat(2_500)],
    ['digits and spaces', '1 '.repeat(5_000)],
  ])('normalises 10k characters of %s without throwing', (_label, input) => {
    expect(() => {
      normalizeName(input);
      normalizeAddress(input);
    }).not.toThrow();
  });
});
