import { Messages } from './messages';
import { negotiateLanguage } from './negotiate';

const messages = new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' });

describe('Messages', () => {
  it.each([
    [1, 'na 1 modemie'],
    [2, 'na 2 modemach'],
    [5, 'na 5 modemach'],
  ])('writes the Polish locative after a number: %i', (modems, words) => {
    expect(messages.text('pl', 'mcp.node.fault', { subKind: 'LOW_DS_SNR', modems })).toBe(
      `LOW_DS_SNR ${words}`,
    );
  });

  it.each([
    [1, 'została jeszcze 1 próba'],
    [2, 'zostały jeszcze 2 próby'],
    [5, 'zostało jeszcze 5 prób'],
    [12, 'zostało jeszcze 12 prób'],
    [22, 'zostały jeszcze 22 próby'],
    [25, 'zostało jeszcze 25 prób'],
  ])('agrees the Polish verb and noun with %i (one, few, many)', (attemptsLeft, words) => {
    expect(messages.text('pl', 'mcp.verifyCaller.notVerified', { attemptsLeft })).toContain(
      `(dla tego numeru klienta ${words}).`,
    );
  });

  it.each([
    [1, '1 zdarzenie'],
    [2, '2 zdarzenia'],
    [5, '5 zdarzeń'],
    [12, '12 zdarzeń'],
    [22, '22 zdarzenia'],
    [25, '25 zdarzeń'],
  ])('counts %i Polish events', (count, words) => {
    const since = new Date('2026-12-01T08:00:00Z');
    expect(messages.text('pl', 'mcp.timeline.events', { count, modemId: 'cm-1', since })).toMatch(
      new RegExp(`^${words} na linii cm-1 od`),
    );
  });

  it('counts English with one and other', () => {
    expect(messages.text('en', 'mcp.verifyCaller.notVerified', { attemptsLeft: 1 })).toContain(
      '(1 attempt left',
    );
    expect(messages.text('en', 'mcp.verifyCaller.notVerified', { attemptsLeft: 2 })).toContain(
      '(2 attempts left',
    );
  });

  it("formats dates and times in the operator's time zone, the language's way", () => {
    const since = new Date('2026-12-01T23:30:00Z');
    expect(messages.text('en', 'mcp.timeline.events', { count: 1, modemId: 'cm-1', since })).toBe(
      '1 event on cm-1 since 2 Dec 2026, 00:30:',
    );
    expect(messages.text('pl', 'mcp.timeline.events', { count: 1, modemId: 'cm-1', since })).toBe(
      '1 zdarzenie na linii cm-1 od 2 gru 2026, 00:30:',
    );
    const ny = new Messages({ defaultLanguage: 'en', timeZone: 'America/New_York' });
    expect(ny.text('en', 'diagnosis.dispatch.unconfirmedRecheck', { recheckAt: since })).toMatch(
      /checks again at 18:30\.$/,
    );
  });

  it("formats numbers the language's way: a Polish decimal comma", () => {
    expect(messages.measurement('pl', 51.5, 'dBmV')).toBe('51,5 dBmV');
    expect(messages.measurement('en', 51.5, 'dBmV')).toBe('51.5 dBmV');
    expect(messages.measurement('pl', -3, 'dB')).toBe('-3,0 dB');
  });

  it("joins a list the language's way", () => {
    expect(messages.list('pl', ['złącza', 'rozgałęźnik', 'kabel'])).toBe('złącza, rozgałęźnik i kabel');
    expect(messages.list('en', ['connectors', 'a splitter', 'cable'])).toBe(
      'connectors, a splitter and cable',
    );
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['pl', 'pl'],
    ['pl-PL', 'pl'],
    ['PL-pl,en;q=0.5', 'pl'],
    ['en-GB,pl;q=0.9', 'en'],
    ['de-DE,pl;q=0.8,en;q=0.5', 'pl'],
    ['en;q=0.4,pl;q=0.6', 'pl'],
    ['pl;q=0,en', 'en'],
    ['de, fr', 'en'],
    ['*', 'en'],
    ['de,*;q=0.5,pl;q=0.4', 'en'],
  ] as const)('%j → %s (default en)', (header, lang) => {
    expect(negotiateLanguage(header, 'en')).toBe(lang);
  });

  it('falls back to the configured default', () => {
    expect(negotiateLanguage('de-DE', 'pl')).toBe('pl');
    expect(negotiateLanguage(undefined, 'pl')).toBe('pl');
    expect(messages.negotiate('fr')).toBe('en');
  });
});
