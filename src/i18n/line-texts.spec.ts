import { DEFAULT_DISPATCH_POLICY } from '../domain/dispatch';
import { decideDispatch } from '../diagnosis/dispatch/decide-dispatch';
import { textbookReading } from '../diagnosis/test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { Messages } from './messages';
import { SUB_KINDS, type Finding } from '../domain/diagnosis';
import {
  dispatchSentence,
  findingTexts,
  LINE_CASES,
  lineCase,
  lineTexts,
  timelineEventText,
  type LineCase,
  type TextSource,
} from './line-texts';

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

describe('lineTexts', () => {
  const lowDsPower: Finding = {
    code: 'LOW_DS_POWER',
    severity: 'FAULT',
    channel: { direction: 'downstream', kind: 'SC-QAM', ifIndex: 3, channelId: 5, frequencyHz: 603_000_000 },
    observed: -12.3,
    limit: -7,
    unit: 'dBmV',
    message: 'as stored',
  };
  const base: TextSource = {
    verdict: 'LINE_FAULT',
    subKinds: ['LOW_DS_POWER'],
    action: 'DISPATCH_TECHNICIAN',
    findings: [lowDsPower],
    notChecked: [{ code: 'PNM_SUMMARIES', reason: 'as stored' }],
  };

  it('words a finding from its machine fields: channel, value and limit for the agent, plain words for the caller', () => {
    expect(findingTexts(lowDsPower, en)).toEqual({
      technicalMessage:
        'Downstream SC-QAM channel 5 (603 MHz): receive level -12.3 dBmV, below the minimum of -7 dBmV.',
      customerMessage: 'The signal reaching your modem is too weak.',
    });
    expect(findingTexts({ ...lowDsPower, severity: 'MARGINAL', observed: -6.5, limit: -5 }, pl)).toEqual({
      technicalMessage:
        'Kanał SC-QAM downstream 5 (603 MHz): poziom odbioru -6,5 dBmV, poniżej zalecanego poziomu -5 dBmV.',
      customerMessage: 'Sygnał docierający do modemu jest za słaby.',
    });
  });

  it('names an upstream channel the modem gives no id for by its ifIndex, never an invented id', () => {
    const f: Finding = {
      ...lowDsPower,
      code: 'HIGH_US_POWER',
      channel: {
        direction: 'upstream',
        kind: 'SC-QAM',
        ifIndex: 80,
        channelId: null,
        frequencyHz: 36_200_000,
      },
      observed: 53,
      limit: 51,
    };
    expect(findingTexts(f, en).technicalMessage).toBe(
      'Upstream SC-QAM channel ifIndex 80 (36.2 MHz): transmit level 53 dBmV, at or above the limit of 51 dBmV.',
    );
    expect(findingTexts(f, pl).technicalMessage).toBe(
      'Kanał SC-QAM upstream ifIndex 80 (36,2 MHz): poziom nadawania 53 dBmV osiągnął limit 51 dBmV.',
    );
  });

  it('counts the values out of spec in the headline with Polish plurals', () => {
    const faults = (n: number): TextSource => ({
      ...base,
      findings: Array.from({ length: n }, () => lowDsPower),
    });
    expect([1, 2, 5, 12, 22, 25].map((n) => lineTexts(faults(n), pl).headline)).toEqual([
      'Usterka linii: 1 parametr poza normą.',
      'Usterka linii: 2 parametry poza normą.',
      'Usterka linii: 5 parametrów poza normą.',
      'Usterka linii: 12 parametrów poza normą.',
      'Usterka linii: 22 parametry poza normą.',
      'Usterka linii: 25 parametrów poza normą.',
    ]);
    expect(lineTexts(faults(1), en).headline).toBe('Line fault: 1 value out of spec.');
    expect(lineTexts(faults(2), en).headline).toBe('Line fault: 2 values out of spec.');
  });

  it('names the router behind a textbook modem, and asks for a computer wired to the modem', () => {
    const textbook: TextSource = {
      ...base,
      verdict: 'TEXTBOOK_OK',
      subKinds: [],
      action: 'CHECK_CUSTOMER_EQUIPMENT',
      findings: [],
      notChecked: [],
      devices: [
        { mac: '00:15:6d:00:00:01', vendor: 'Ubiquiti' },
        { mac: '00:15:6D:00:00:01', vendor: 'Ubiquiti' },
        { mac: '02:00:00:00:00:02', vendor: null },
      ],
    };
    const t = lineTexts(textbook, pl);
    expect(t.headline).toBe(
      'Linia i modem są w normie; za modemem: Ubiquiti i 1 urządzenie nieznanej marki.',
    );
    expect(t.customerMessage).toContain('w routerze Ubiquiti albo');
    expect(lineTexts({ ...textbook, devices: null }, en)).toMatchObject({
      headline: 'The line and the modem are within spec.',
      customerMessage: expect.stringContaining('your own equipment (router, Wi-Fi or computer)'),
    });
  });

  it('says how many neighbours are online or offline only from the counts the diagnosis rested on', () => {
    const neighbours = {
      cmtsId: 'cmts-1',
      node: '1000.2',
      groupedBy: 'serviceGroup' as const,
      others: 31,
      othersOffline: 26,
      observedAt: 0,
    };
    const outage: TextSource = {
      ...base,
      verdict: 'PLANT_OUTAGE',
      subKinds: ['SERVICE_GROUP_OUTAGE'],
      action: 'ESCALATE_TO_NOC',
      findings: [],
      neighbours,
    };
    expect(lineTexts(outage, pl).headline).toBe(
      'Awaria sieci w okolicy klienta: w tym węźle offline są też inne modemy (26 z 31).',
    );
    expect(lineTexts({ ...outage, neighbours: undefined }, en).headline).toBe(
      "Outage in the customer's area: other modems on the node are offline too.",
    );
    const offline: TextSource = {
      ...outage,
      verdict: 'MODEM_OFFLINE',
      subKinds: ['NO_POWER_OR_DISCONNECTED'],
      action: 'CHECK_POWER_AND_CABLING',
      neighbours: { ...neighbours, othersOffline: 2 },
    };
    expect(lineTexts(offline, en).headline).toBe(
      'The modem does not answer, while the other modems on its node are online (29 of 31): only this home is affected.',
    );
  });

  it.each(LINE_CASES)(
    'has a headline, words for the caller and a next step for %s in both languages',
    (lc) => {
      const d = LINE_CASE_EXAMPLES[lc];
      expect(lineCase(d)).toBe(lc);
      for (const say of [en, pl]) {
        const t = lineTexts(d, say);
        expect(t.headline).not.toBe('');
        expect(t.customerMessage).not.toMatch(/dBmV|dB\b|MHz|%|T3|T4|SNR|MER/);
        expect(t.nextStep).not.toBe('');
      }
    },
  );

  it.each(SUB_KINDS)('words %s for the agent and the caller, the caller without units', (code) => {
    const f: Finding = { ...lowDsPower, code, observed: 3, limit: 2, unit: 'count' };
    for (const say of [en, pl]) {
      const t = findingTexts(f, say);
      expect(t.technicalMessage).not.toMatch(/[{}]/);
      expect(t.customerMessage).not.toMatch(/dBmV|dB\b|MHz|%|[{}]/);
    }
  });
});

const LINE_CASE_EXAMPLES: Record<LineCase, TextSource> = (() => {
  const d = (
    verdict: TextSource['verdict'],
    subKinds: TextSource['subKinds'],
    action: TextSource['action'],
  ): TextSource => ({ verdict, subKinds, action, findings: [], notChecked: [] });
  return {
    TEXTBOOK: d('TEXTBOOK_OK', [], 'CHECK_CUSTOMER_EQUIPMENT'),
    MARGINAL: d('MARGINAL', ['HIGH_CORRECTED'], 'REMOTE_FIX'),
    LINE_FAULT: d('LINE_FAULT', ['LOW_DS_POWER'], 'DISPATCH_TECHNICIAN'),
    LINE_FAULT_REMOTE_FIX: d('LINE_FAULT', ['PARTIAL_SERVICE_DS'], 'REMOTE_FIX'),
    NODE_WIDE: d('LINE_FAULT', ['LOW_DS_SNR', 'NODE_WIDE'], 'ESCALATE_TO_NOC'),
    FLAPPING: d('FLAPPING', ['RF_REINIT'], 'DISPATCH_TECHNICIAN'),
    FLAPPING_SWAP_MODEM: d('FLAPPING', ['DEVICE_REBOOTS'], 'SWAP_MODEM'),
    MODEM_OFFLINE: d('MODEM_OFFLINE', ['NO_POWER_OR_DISCONNECTED'], 'CHECK_POWER_AND_CABLING'),
    PLANT_OUTAGE: d('PLANT_OUTAGE', ['SERVICE_GROUP_OUTAGE'], 'ESCALATE_TO_NOC'),
    PROVISIONING: d('PROVISIONING_ISSUE', ['ACCESS_DENIED'], 'BACK_OFFICE'),
    REGISTERING: d('INSUFFICIENT_DATA', ['REGISTRATION_IN_PROGRESS'], 'NO_DISPATCH'),
    NEIGHBOURS_UNKNOWN: d('INSUFFICIENT_DATA', ['NEIGHBOURS_UNKNOWN'], 'NO_DISPATCH'),
    SILENCE_BURST: d('INSUFFICIENT_DATA', ['NEIGHBOURS_UNKNOWN', 'SILENCE_BURST'], 'ESCALATE_TO_NOC'),
    ONLINE_UNMANAGED: d('INSUFFICIENT_DATA', ['CM_SNMP_UNREACHABLE_BUT_ONLINE'], 'NO_DISPATCH'),
    NOT_ENOUGH_DATA: d('INSUFFICIENT_DATA', [], 'NO_DISPATCH'),
  };
})();

describe('timelineEventText', () => {
  it('words an event from its kind and fields, the verdicts and durations in the language', () => {
    const changed = {
      kind: 'VERDICT_CHANGED',
      source: 'linecheck',
      from: 'TEXTBOOK_OK',
      to: 'LINE_FAULT',
    } as const;
    expect(timelineEventText(changed, en)).toBe('Verdict changed from textbook OK to line fault.');
    expect(timelineEventText(changed, pl)).toBe('Werdykt zmienił się z „linia w normie” na „usterka linii”.');
    expect(
      [1, 2, 5, 22].map((m) =>
        timelineEventText({ kind: 'BACK_ONLINE', source: 'linecheck', durationSec: m * 60 }, pl),
      ),
    ).toEqual([
      'Modem znów odpowiada po 1 minucie przerwy.',
      'Modem znów odpowiada po 2 minutach przerwy.',
      'Modem znów odpowiada po 5 minutach przerwy.',
      'Modem znów odpowiada po 22 minutach przerwy.',
    ]);
  });

  it("says how often the modem logged it, and keeps an unclassified row's own words", () => {
    const log = { count: 12, text: 'No Ranging Response received - T3 time-out' };
    expect(timelineEventText({ kind: 'T3_TIMEOUT', source: 'modemLog', log }, pl)).toBe(
      'Modem zapisał przekroczenie czasu T3 (brak odpowiedzi na ranging). Zapisane 12 razy.',
    );
    expect(
      timelineEventText({ kind: 'OTHER', source: 'modemLog', log: { count: 1, text: 'Vendor X' } }, en),
    ).toBe('The modem logged: “Vendor X”.');
  });
});
