import type { CustomerRecord } from '../domain/modem-record';
import { Prng } from './prng';

// Polish names and streets on purpose: verification must hold up against diacritics (ł, ś, ż...).
const FIRST = [
  'Jan',
  'Anna',
  'Łukasz',
  'Zofia',
  'Małgorzata',
  'Paweł',
  'Grzegorz',
  'Agnieszka',
  'Wojciech',
  'Katarzyna',
];
const LAST = [
  'Iksiński',
  'Kowalska',
  'Wiśniewski',
  'Wójcik',
  'Kamińska',
  'Lewandowski',
  'Zieliński',
  'Szymańska',
  'Woźniak',
  'Dąbrowski',
  'Kozłowska',
  'Jankowski',
  'Mazur',
  'Krawczyk',
  'Piotrowska',
  'Grabowski',
];
const STREETS = [
  'Długa',
  'Świętokrzyska',
  'Żurawia',
  'Marszałkowska',
  'Ogrodowa',
  'Łąkowa',
  'Słoneczna',
  'Źródlana',
];
const TOWNS: [string, string][] = [
  ['00-950', 'Warszawa'],
  ['30-001', 'Kraków'],
  ['90-001', 'Łódź'],
  ['50-001', 'Wrocław'],
  ['80-001', 'Gdańsk'],
];

/**
 * The customer behind simulated modem `index` (0-based, fleet-wide): a function of seed and index. The first
 * one is always Jan Iksiński, ul. Długa 5 m. 12, so the README's example works on every simulated fleet.
 */
export function simulatedCustomer(seed: number, index: number): CustomerRecord {
  const customerNumber = `C${String(1_000_001 + index)}`;
  if (index === 0) {
    return { customerNumber, fullName: 'Jan Iksiński', address: 'ul. Długa 5 m. 12, 00-950 Warszawa' };
  }
  const rnd = Prng.for(seed, index, 11);
  const [postal, town] = rnd.pick(TOWNS);
  return {
    customerNumber,
    fullName: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
    address: `ul. ${rnd.pick(STREETS)} ${rnd.int(1, 120)} m. ${rnd.int(1, 60)}, ${postal} ${town}`,
  };
}
