import { DEFAULT_DISPATCH_POLICY } from '../domain/dispatch';
import { decideDispatch } from '../diagnosis/dispatch/decide-dispatch';
import { textbookReading } from '../diagnosis/test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { Messages } from '../i18n/messages';
import { dispatchSentence } from './next-steps';

const FRI_10 = Date.parse('2026-12-04T09:00:00Z');

function dispatchFor(verdict: 'LINE_FAULT' | 'PLANT_OUTAGE', confirmed: boolean) {
  return decideDispatch({
    diagnosis: {
      verdict,
      action: verdict === 'LINE_FAULT' ? 'DISPATCH_TECHNICIAN' : 'ESCALATE_TO_NOC',
      subKinds: [verdict === 'LINE_FAULT' ? 'EXCESSIVE_UNCORRECTABLES' : 'SERVICE_GROUP_OUTAGE'],
      findings: [
        {
          code: verdict === 'LINE_FAULT' ? 'EXCESSIVE_UNCORRECTABLES' : 'SERVICE_GROUP_OUTAGE',
          severity: 'FAULT',
          observed: 0.01,
          limit: 0.001,
          unit: '%',
          message: '',
        },
      ],
    },
    reading: textbookReading({ observedAt: FRI_10 }),
    history: confirmed ? [{ at: FRI_10 - 600_000, reachable: true, verdict }] : [],
    node: { cmtsId: 'cmts-1', groupKey: '1000.2' },
    thresholds: DEFAULT_THRESHOLDS,
    policy: DEFAULT_DISPATCH_POLICY,
    now: FRI_10,
    recheckAt: confirmed ? null : FRI_10 + 120_000,
  });
}

const messages = new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' });
const en = messages.in('en');
const pl = messages.in('pl');

describe('dispatchSentence', () => {
  it('says whom, how soon, whether confirmed, and whether a slot today is realistic', () => {
    expect(dispatchSentence(dispatchFor('LINE_FAULT', true), en)).toBe(
      'Technician: a same-day visit by an install technician. The fault is confirmed: seen on 2 readings, ' +
        'continuous. A slot today is realistic (before 13:30, Europe/Warsaw). First: measure at the entry point ' +
        '(splitters and in-home cabling removed) and the drop cable from the tap with its connectors and ground ' +
        'block. Bring: connectors, a splitter and drop cable.',
    );
    expect(dispatchSentence(dispatchFor('LINE_FAULT', false), en)).toBe(
      'Technician: the next available visit by an install technician. Not confirmed yet (one reading): ' +
        'Linecheck checks again at 10:02. Earliest visit Saturday 5 December (not urgent enough for today, ' +
        'Europe/Warsaw). First: measure at the entry point (splitters and in-home cabling removed) and the drop cable ' +
        'from the tap with its connectors and ground block. Bring: connectors, a splitter and drop cable.',
    );
  });

  it("says the same in Polish, with the time in the operator's zone and the list joined the Polish way", () => {
    expect(dispatchSentence(dispatchFor('LINE_FAULT', false), pl)).toBe(
      'Wizyta technika: w najbliższym wolnym terminie; jedzie instalator. Usterka jeszcze niepotwierdzona (jeden odczyt): ' +
        'Linecheck sprawdzi linię ponownie o 10:02. Najwcześniejszy termin wizyty: sobota, 5 grudnia (nie na tyle pilne, ' +
        'żeby jechać dziś, Europe/Warsaw). Najpierw: pomiar na wejściu do budynku (po odłączeniu rozgałęźników i ' +
        'instalacji domowej) i kabel przyłącza od odczepu razem ze złączami i blokiem uziemiającym. Technik ma zabrać: złącza, rozgałęźnik i kabel ' +
        'przyłączeniowy.',
    );
  });

  it('sends nobody into an outage and names its ticket', () => {
    expect(dispatchSentence(dispatchFor('PLANT_OUTAGE', true), en)).toBe(
      'Technician: no house call (the NOC handles it). It belongs to outage cmts-1/1000.2: one ticket for the node.',
    );
    expect(dispatchSentence(dispatchFor('PLANT_OUTAGE', true), pl)).toBe(
      'Wizyta technika: bez wyjazdu do klienta (sprawą zajmuje się NOC). To część awarii cmts-1/1000.2: jedno zgłoszenie na ' +
        'cały węzeł.',
    );
  });
});
