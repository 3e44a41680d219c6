import { DEFAULT_DISPATCH_POLICY, type DispatchPolicy } from '../../domain/dispatch';
import { isKnownTimeZone, localTime, parseClock, visitWindow } from './visit-calendar';

const policy: DispatchPolicy = { ...DEFAULT_DISPATCH_POLICY, workingDays: [1, 2, 3, 4, 5] };
const utc = (iso: string): number => Date.parse(iso);

describe('localTime (Europe/Warsaw)', () => {
  it.each([
    // Winter (CET, UTC+1) and summer (CEST, UTC+2).
    ['2026-12-04T12:29:00Z', '2026-12-04', 5, 13 * 60 + 29],
    ['2026-07-01T11:29:00Z', '2026-07-01', 3, 13 * 60 + 29],
    // Late UTC evening is already tomorrow in Warsaw.
    ['2026-12-31T23:30:00Z', '2027-01-01', 5, 30],
    // The hour that does not exist (29 March 2026, 02:00 -> 03:00) and the one that happens twice (25 October).
    ['2026-03-29T01:00:00Z', '2026-03-29', 7, 3 * 60],
    ['2026-10-25T00:30:00Z', '2026-10-25', 7, 2 * 60 + 30],
    ['2026-10-25T01:30:00Z', '2026-10-25', 7, 2 * 60 + 30],
  ])('%s is %s (weekday %d), minute %d', (at, date, weekday, minutes) => {
    expect(localTime(utc(at), 'Europe/Warsaw')).toEqual({ date, weekday, minutes });
  });
});

describe('visitWindow', () => {
  it.each([
    // Friday 4 December 2026, CET: 13:29 is before the 13:30 cut-off, 13:30 is not.
    ['2026-12-04T12:29:00Z', 'BEFORE_CUTOFF', '2026-12-04'],
    ['2026-12-04T12:30:00Z', 'AFTER_CUTOFF', '2026-12-07'],
    // Saturday and Sunday: Monday.
    ['2026-12-05T08:00:00Z', 'NOT_A_WORKING_DAY', '2026-12-07'],
    ['2026-12-06T08:00:00Z', 'NOT_A_WORKING_DAY', '2026-12-07'],
    // Friday 27 March (CET) and Monday 30 March (CEST, after the clocks went forward): the same UTC time is 12:45
    // before the change and 13:45 after it.
    ['2026-03-27T11:45:00Z', 'BEFORE_CUTOFF', '2026-03-27'],
    ['2026-03-30T11:45:00Z', 'AFTER_CUTOFF', '2026-03-31'],
    // Monday 26 October (CET again, after the clocks went back): 12:15 UTC is 13:15, before the cut-off.
    ['2026-10-26T12:15:00Z', 'BEFORE_CUTOFF', '2026-10-26'],
    ['2026-10-23T12:15:00Z', 'AFTER_CUTOFF', '2026-10-26'],
  ])('a SAME_DAY fault at %s: %s, earliest %s', (at, reason, earliestDate) => {
    expect(visitWindow('SAME_DAY', utc(at), policy)).toEqual({
      timeZone: 'Europe/Warsaw',
      sameDayCutoff: '13:30',
      earliestDate,
      reason,
    });
  });

  it('counts the time-zone change days themselves in local time when technicians work on Sundays', () => {
    const sundays = { ...policy, workingDays: [1, 2, 3, 4, 5, 6, 7] };
    // 29 March: 11:15 UTC is 13:15 CEST (the day's offset, not the morning's); 25 October: 12:15 UTC is 13:15 CET.
    expect(visitWindow('SAME_DAY', utc('2026-03-29T11:15:00Z'), sundays).reason).toBe('BEFORE_CUTOFF');
    expect(visitWindow('SAME_DAY', utc('2026-03-29T11:45:00Z'), sundays).reason).toBe('AFTER_CUTOFF');
    expect(visitWindow('SAME_DAY', utc('2026-10-25T12:15:00Z'), sundays).reason).toBe('BEFORE_CUTOFF');
    expect(visitWindow('SAME_DAY', utc('2026-10-25T12:45:00Z'), sundays).reason).toBe('AFTER_CUTOFF');
  });

  it('skips holidays and weekends to the next working day', () => {
    const christmas = { ...policy, holidays: ['2026-12-24', '2026-12-25'] };
    expect(visitWindow('SAME_DAY', utc('2026-12-23T13:00:00Z'), christmas)).toMatchObject({
      reason: 'AFTER_CUTOFF',
      earliestDate: '2026-12-28',
    });
    expect(visitWindow('SAME_DAY', utc('2026-12-24T08:00:00Z'), christmas)).toMatchObject({
      reason: 'NOT_A_WORKING_DAY',
      earliestDate: '2026-12-28',
    });
  });

  it('offers a NEXT_AVAILABLE visit on the next working day even in the morning, and no date without a visit', () => {
    expect(visitWindow('NEXT_AVAILABLE', utc('2026-12-04T07:00:00Z'), policy)).toMatchObject({
      reason: 'NOT_URGENT',
      earliestDate: '2026-12-07',
    });
    expect(visitWindow('NONE', utc('2026-12-04T07:00:00Z'), policy)).toMatchObject({
      reason: 'NO_VISIT',
      earliestDate: null,
    });
    expect(visitWindow('NOC_ONLY', utc('2026-12-04T07:00:00Z'), policy).earliestDate).toBeNull();
  });

  it('uses the operator time zone and cut-off it is given', () => {
    const ny = { ...policy, timeZone: 'America/New_York', sameDayCutoff: '12:00' };
    // 16:30 UTC is 11:30 in New York (EST).
    expect(visitWindow('SAME_DAY', utc('2026-12-04T16:30:00Z'), ny)).toMatchObject({
      reason: 'BEFORE_CUTOFF',
      earliestDate: '2026-12-04',
      timeZone: 'America/New_York',
    });
    expect(visitWindow('SAME_DAY', utc('2026-12-04T17:00:00Z'), ny).reason).toBe('AFTER_CUTOFF');
  });
});

describe('parseClock and isKnownTimeZone', () => {
  it('reads HH:MM and refuses anything else', () => {
    expect(parseClock('13:30')).toBe(810);
    expect(parseClock('00:00')).toBe(0);
    for (const bad of ['24:00', '1:30', '13:60', '13.30', '']) {
      expect(parseClock(bad)).toBeNull();
    }
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Warsaw')).toBe(true);
    expect(isKnownTimeZone('Europe/Gdansk')).toBe(false);
  });
});
