import { normalizeCustomerNumber } from '../inventory/customer-number';
import { CustomerRecord, matchesCustomer, VerifyClaim } from './caller-match';

describe(normalizeCustomerNumber.name, () => {
  it.each([
    ['LC000123', 'LC000123'],
    [' lc-000 123 ', 'LC000123'],
    ['lc\u00a0000\u2011123', 'LC000123'],
    ['ｌｃ－０００１２３', 'LC000123'],
    ['', ''],
  ])('normalises %j to %j', (input, normalized) => {
    expect(normalizeCustomerNumber(input)).toBe(normalized);
  });
});

describe(matchesCustomer.name, () => {
  const record: CustomerRecord = {
    customerNumber: 'LC-000123',
    fullName: 'Jan Iksiński',
    address: 'ul. Długa 5 m. 12, 00-950 Warszawa',
  };
  const byName = (fullName: string, customerNumber = 'LC000123'): VerifyClaim => ({
    customerNumber,
    fullName,
  });
  const byAddress = (address: string, customerNumber = 'LC000123'): VerifyClaim => ({
    customerNumber,
    address,
  });

  it.each([
    ['exact name', byName('Jan Iksiński'), true],
    ['name without diacritics, odd spacing', byName('jan  iksinski'), true],
    ['surname first', byName('IKSIŃSKI Jan'), true],
    ['name with honorific', byName('Pan Jan Iksiński'), true],
    ['customer number typed loosely', byName('Jan Iksiński', ' lc 000-123 '), true],
    ['wrong name', byName('Jan Kowalski'), false],
    ['first name only', byName('Jan'), false],
    ['wrong customer number', byName('Jan Iksiński', 'LC000124'), false],
    ['empty customer number', byName('Jan Iksiński', ''), false],
    ['street, house and flat', byAddress('Dluga 5/12'), true],
    ['lok. instead of m.', byAddress('Długa 5 lok. 12'), true],
    ['with the town', byAddress('Długa 5/12, Warszawa'), true],
    ['with the postal code', byAddress('Długa 5/12, 00-950'), true],
    ['with postal code and town', byAddress('DŁUGA 5 / 12 00950 WARSZAWA'), true],
    ['town first', byAddress('Warszawa, Długa 5 m 12'), true],
    ['different flat', byAddress('Długa 5/13'), false],
    ['different house', byAddress('Długa 15/12'), false],
    ['flat missing', byAddress('Długa 5'), false],
    ['different street', byAddress('Krótka 5/12'), false],
    ['different town', byAddress('Długa 5/12, Kraków'), false],
    ['different postal code', byAddress('Długa 5/12, 00-951 Warszawa'), false],
    ['town only', byAddress('Warszawa'), false],
    ['postal code only', byAddress('00-950'), false],
  ])('%s -> %s', (_label, claim, expected) => {
    expect(matchesCustomer(record, claim)).toBe(expected);
  });

  it('asks the town to match only when the record names one', () => {
    const noTown = { ...record, address: 'Długa 5/12' };
    expect(matchesCustomer(noTown, byAddress('ul. Długa 5 m. 12'))).toBe(true);
    expect(matchesCustomer(noTown, byAddress('ul. Długa 5 m. 12, Warszawa'))).toBe(false);
  });

  it.each([
    ['name', { ...record, fullName: '' }, byName('')],
    ['name of punctuation only', { ...record, fullName: ' . - ' }, byName(', ')],
    ['name of honorifics only', { ...record, fullName: 'Pan' }, byName('Pan')],
    ['address', { ...record, address: '' }, byAddress('')],
    ['address without a house number', { ...record, address: 'Warszawa' }, byAddress('Warszawa')],
    ['customer number', { ...record, customerNumber: '' }, byName('Jan Iksiński', '')],
    ['customer number of separators only', { ...record, customerNumber: ' - ' }, byName('Jan Iksiński', '-')],
  ])('never matches on an empty %s', (_label, emptyRecord, claim) => {
    expect(matchesCustomer(emptyRecord, claim)).toBe(false);
  });

  it('requires every second factor the claim carries to match', () => {
    const both = { customerNumber: 'LC000123', fullName: 'Jan Iksiński', address: 'Długa 5/12' };
    expect(matchesCustomer(record, both)).toBe(true);
    expect(matchesCustomer(record, { ...both, address: 'Długa 5/13' })).toBe(false);
    expect(matchesCustomer(record, { ...both, fullName: 'Jan Kowalski' })).toBe(false);
    expect(matchesCustomer(record, { customerNumber: 'LC000123' } as VerifyClaim)).toBe(false);
  });

  it('fails closed on values that are not strings', () => {
    const nullName = { customerNumber: 'LC000123', fullName: null } as unknown as VerifyClaim;
    const nullRecord = {
      customerNumber: 'LC000123',
      fullName: null,
      address: null,
    } as unknown as CustomerRecord;
    expect(matchesCustomer(record, nullName)).toBe(false);
    expect(matchesCustomer(nullRecord, byName(''))).toBe(false);
    expect(matchesCustomer(nullRecord, byAddress(''))).toBe(false);
  });

  it('handles 10k-character input', () => {
    const longName = 'Iksiński '.repeat(1_200);
    const longRecord = { ...record, fullName: longName, address: `Długa ${'5/'.repeat(5_000)}` };
    expect(matchesCustomer(record, byName(longName))).toBe(false);
    expect(matchesCustomer(record, byAddress('ą'.repeat(10_000)))).toBe(false);
    expect(matchesCustomer(longRecord, byName(longName.toUpperCase()))).toBe(true);
    expect(matchesCustomer(longRecord, byAddress(longRecord.address))).toBe(true);
  });
});
