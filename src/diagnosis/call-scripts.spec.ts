import { VERDICTS, type Verdict } from '../domain/diagnosis';
import type { CustomerService } from '../domain/modem-record';
import { CALL_SCRIPTS, chooseCallScripts } from './call-scripts';

describe('chooseCallScripts', () => {
  const ALL: CustomerService[] = ['internet', 'tv', 'phone'];

  it('right after verification (no verdict yet) gives the services-based scripts, then the boundary', () => {
    expect(chooseCallScripts({ services: ALL })).toEqual(['OUTSIDE_SERVICE']);
    expect(chooseCallScripts({ verdict: null, services: ['internet', 'tv'] })).toEqual([
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ services: ['internet'] })).toEqual([
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ services: ['tv'] })).toEqual([
      'TV_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ services: ['tv', 'phone'] })).toEqual([
      'TV_NOT_INTERNET',
      'PHONE_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ services: ['phone'] })).toEqual([
      'PHONE_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
  });

  it('assumes nothing when no record says which services the customer has', () => {
    expect(chooseCallScripts({ services: null })).toEqual(['OUTSIDE_SERVICE']);
    expect(chooseCallScripts({ verdict: 'TEXTBOOK_OK', services: null })).toEqual([
      'OWN_EQUIPMENT',
      'OUTSIDE_SERVICE',
    ]);
  });

  it('a modem offline while its neighbours are online: power in the flat first', () => {
    expect(chooseCallScripts({ verdict: 'MODEM_OFFLINE', services: ALL, neighboursOnline: true })).toEqual([
      'POWER_IN_FLAT',
      'OUTSIDE_SERVICE',
    ]);
    // Not known whether the neighbours are online: nothing says the area is down, power still comes first.
    expect(chooseCallScripts({ verdict: 'MODEM_OFFLINE', services: ['internet'] })).toEqual([
      'POWER_IN_FLAT',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
  });

  it('an area down (outage, or offline with the neighbours offline too): the outage, no visit', () => {
    expect(chooseCallScripts({ verdict: 'PLANT_OUTAGE', services: ALL })).toEqual([
      'PLANT_OUTAGE_INFO',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ verdict: 'MODEM_OFFLINE', services: ALL, neighboursOnline: false })).toEqual([
      'PLANT_OUTAGE_INFO',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ verdict: 'PLANT_OUTAGE', services: ['tv'] })).toEqual([
      'PLANT_OUTAGE_INFO',
      'TV_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
  });

  it('a textbook line: the customer’s own equipment first, whatever the services', () => {
    expect(chooseCallScripts({ verdict: 'TEXTBOOK_OK', services: ['internet', 'tv'] })).toEqual([
      'OWN_EQUIPMENT',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
    expect(chooseCallScripts({ verdict: 'TEXTBOOK_OK', services: ['tv', 'phone'] })).toEqual([
      'OWN_EQUIPMENT',
      'TV_NOT_INTERNET',
      'PHONE_NOT_INTERNET',
      'SERVICE_NOT_SUBSCRIBED',
      'OUTSIDE_SERVICE',
    ]);
  });

  it.each(['MARGINAL', 'LINE_FAULT', 'FLAPPING', 'PROVISIONING_ISSUE', 'INSUFFICIENT_DATA'] as Verdict[])(
    '%s is the diagnosis’s own business: only the services-based scripts and the boundary',
    (verdict) => {
      expect(chooseCallScripts({ verdict, services: ['internet'], neighboursOnline: true })).toEqual(
        chooseCallScripts({ services: ['internet'] }),
      );
      expect(chooseCallScripts({ verdict, services: ALL })).toEqual(['OUTSIDE_SERVICE']);
    },
  );

  it('every verdict × services combination gives known codes, each once, the boundary last', () => {
    const serviceSets: (CustomerService[] | null)[] = [
      null,
      ['internet'],
      ['tv'],
      ['phone'],
      ['internet', 'tv'],
      ['internet', 'phone'],
      ['tv', 'phone'],
      ALL,
    ];
    for (const verdict of [undefined, null, ...VERDICTS]) {
      for (const services of serviceSets) {
        for (const neighboursOnline of [undefined, true, false]) {
          const codes = chooseCallScripts({ verdict, services, neighboursOnline });
          expect(new Set(codes).size).toBe(codes.length);
          expect(codes.every((c) => CALL_SCRIPTS.includes(c))).toBe(true);
          expect(codes.at(-1)).toBe('OUTSIDE_SERVICE');
          // Never a script about a service the customer has, as if they had not.
          if (services?.length === 3 || services == null) {
            expect(codes).not.toContain('SERVICE_NOT_SUBSCRIBED');
          }
          if (services == null || services.includes('internet')) {
            expect(codes).not.toContain('TV_NOT_INTERNET');
            expect(codes).not.toContain('PHONE_NOT_INTERNET');
          }
        }
      }
    }
  });
});
