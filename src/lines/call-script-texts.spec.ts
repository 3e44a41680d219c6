import { CALL_SCRIPTS } from '../diagnosis/call-scripts';
import type { CustomerRecord, ModemRecord } from '../domain/modem-record';
import { Messages } from '../i18n/messages';
import { callScriptTexts } from './call-script-texts';
import { servicesOf } from './verification.service';

const messages = new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' });

describe('call script texts', () => {
  it('gives every script a title and a text in both languages, in the order asked', () => {
    const en = callScriptTexts(CALL_SCRIPTS, messages.in('en'));
    const pl = callScriptTexts(CALL_SCRIPTS, messages.in('pl'));
    expect(en.map((s) => s.code)).toEqual([...CALL_SCRIPTS]);
    for (const [i, s] of en.entries()) {
      expect(s.title).not.toBe('');
      expect(s.text).not.toBe(pl[i].text);
    }
    // Polish in the formal register the agent uses with a customer.
    expect(pl.find((s) => s.code === 'POWER_IN_FLAT')?.text).toMatch(/Państwa modemem/);
    expect(
      callScriptTexts(['OUTSIDE_SERVICE', 'OWN_EQUIPMENT'], messages.in('en')).map((s) => s.code),
    ).toEqual(['OUTSIDE_SERVICE', 'OWN_EQUIPMENT']);
  });
});

describe('servicesOf', () => {
  const record = (id: string, customer: CustomerRecord): ModemRecord => ({ id, customer }) as ModemRecord;

  it('is the union over the records, in internet, tv, phone order', () => {
    expect(
      servicesOf([
        record('a', { customerNumber: 'C1', services: ['phone'] }),
        record('b', { customerNumber: 'C1', services: ['tv', 'internet'] }),
      ]),
    ).toEqual(['internet', 'tv', 'phone']);
  });

  it('is null when no record says (not known), and ignores the records that do not', () => {
    expect(servicesOf([record('a', { customerNumber: 'C1' })])).toBeNull();
    expect(servicesOf([])).toBeNull();
    expect(
      servicesOf([
        record('a', { customerNumber: 'C1' }),
        record('b', { customerNumber: 'C1', services: ['tv'] }),
      ]),
    ).toEqual(['tv']);
  });
});
