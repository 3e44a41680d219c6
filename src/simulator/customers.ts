import type { CustomerRecord, CustomerService } from '../domain/modem-record';
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
 * What the simulated customers subscribe to, by share of the fleet (as a cable operator's base tends to be): most
 * have internet and TV, some internet only, some all three; a few have no internet at all: TV only, or TV and phone,
 * their modem there for the TV box (and the phone line). Every simulated customer has services: an inventory that
 * does not say is what "not known" is for.
 */
export const SIMULATED_SERVICE_MIX: readonly { share: number; services: readonly CustomerService[] }[] = [
  { share: 0.55, services: ['internet', 'tv'] },
  { share: 0.2, services: ['internet'] },
  { share: 0.15, services: ['internet', 'tv', 'phone'] },
  { share: 0.05, services: ['tv', 'phone'] },
  { share: 0.05, services: ['tv'] },
];

/** The services of simulated customer `index`: a function of seed and index, drawn by SIMULATED_SERVICE_MIX. */
export function simulatedServices(seed: number, index: number): CustomerService[] {
  if (index === 0) {
    return ['internet', 'tv'];
  }
  // A stream of its own, so adding services left every name and address as it was.
  let draw = Prng.for(seed, index, 12).next();
  for (const { share, services } of SIMULATED_SERVICE_MIX) {
    if (draw < share) {
      return [...services];
    }
    draw -= share;
  }
  return [...SIMULATED_SERVICE_MIX[0].services];
}

/**
 * The customer behind simulated modem `index` (0-based, fleet-wide): a function of seed and index. The first
 * one is always Jan Iksiński, ul. Długa 5 m. 12 (internet and TV), so the README's example works on every simulated
 * fleet.
 */
export function simulatedCustomer(seed: number, index: number): CustomerRecord {
  const customerNumber = `C${String(1_000_001 + index)}`;
  if (index === 0) {
    return {
      customerNumber,
      fullName: 'Jan Iksiński',
      address: 'ul. Długa 5 m. 12, 00-950 Warszawa',
      services: simulatedServices(seed, index),
    };
  }
  const rnd = Prng.for(seed, index, 11);
  const [postal, town] = rnd.pick(TOWNS);
  return {
    customerNumber,
    fullName: `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`,
    address: `ul. ${rnd.pick(STREETS)} ${rnd.int(1, 120)} m. ${rnd.int(1, 60)}, ${postal} ${town}`,
    services: simulatedServices(seed, index),
  };
}
