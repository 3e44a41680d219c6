import { normalizeMac } from './mac-address';

describe('normalizeMac', () => {
  it.each([
    ['00:1d:cd:c7:00:01', '00:1d:cd:c7:00:01'],
    ['00:1D:CD:C7:00:01', '00:1d:cd:c7:00:01'],
    ['00-1D-CD-C7-00-01', '00:1d:cd:c7:00:01'],
    ['001d.cdc7.0001', '00:1d:cd:c7:00:01'],
    ['001DCDC70001', '00:1d:cd:c7:00:01'],
    [' 00:1d:cd:c7:00:01 ', '00:1d:cd:c7:00:01'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeMac(input)).toBe(expected);
  });

  it.each([
    '',
    '00:1d:cd:c7:00',
    '00:1d:cd:c7:00:01:02',
    '00:1d-cd:c7:00:01',
    '001d.cdc7.00011',
    '00:1g:cd:c7:00:01',
    '001dcdc7000',
    '0:1d:cd:c7:00:01',
  ])('refuses %j', (input) => {
    expect(normalizeMac(input)).toBeNull();
  });
});
