import { CUSTOMER_SERVICES } from '../domain/modem-record';
import { SIMULATED_SERVICE_MIX, simulatedCustomer, simulatedServices } from './customers';

describe('simulated customers', () => {
  it('the first one is always Jan Iksiński with internet and TV (the README example)', () => {
    for (const seed of [1, 42, 2026]) {
      expect(simulatedCustomer(seed, 0)).toEqual({
        customerNumber: 'C1000001',
        fullName: 'Jan Iksiński',
        address: 'ul. Długa 5 m. 12, 00-950 Warszawa',
        services: ['internet', 'tv'],
      });
    }
  });

  it('services are a function of seed and index, in CUSTOMER_SERVICES order, and the mix adds up', () => {
    expect(SIMULATED_SERVICE_MIX.reduce((sum, m) => sum + m.share, 0)).toBeCloseTo(1, 9);
    const n = 5000;
    const counts = new Map<string, number>();
    for (let i = 1; i <= n; i++) {
      const services = simulatedServices(7, i);
      expect(simulatedServices(7, i)).toEqual(services);
      expect(simulatedCustomer(7, i).services).toEqual(services);
      expect(services).toEqual(CUSTOMER_SERVICES.filter((s) => services.includes(s)));
      counts.set(services.join('+'), (counts.get(services.join('+')) ?? 0) + 1);
    }
    // Each share of the mix within a few points of what it says (5000 draws).
    for (const { share, services } of SIMULATED_SERVICE_MIX) {
      expect(Math.abs((counts.get(services.join('+')) ?? 0) / n - share)).toBeLessThan(0.03);
    }
    expect([...counts.keys()].sort()).toEqual(SIMULATED_SERVICE_MIX.map((m) => m.services.join('+')).sort());
  });
});
