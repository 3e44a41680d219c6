import { isOnlineAtCmts } from '../domain/cmts-reading';
import {
  describeChannel,
  fmt,
  formatDuration,
  gradeLevel,
  onlineAtCmts,
  rebootedBetween,
  round,
  timeoutTotals,
  toPercent,
} from './rule-helpers';
import { docsis31Reading, ofdmaChannel, usChannel } from './test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';

describe('rule helpers', () => {
  it.each`
    value     | decimals | expected
    ${-16.24} | ${1}     | ${-16.2}
    ${-0.04}  | ${1}     | ${0}
    ${44.25}  | ${2}     | ${44.25}
    ${10.06}  | ${1}     | ${10.1}
  `('round($value, $decimals) = $expected', ({ value, decimals, expected }) => {
    expect(Object.is(round(value, decimals), expected)).toBe(true);
  });

  it('formats levels without trailing zeros', () => {
    expect(fmt(12)).toBe('12');
    expect(fmt(-7.25, 2)).toBe('-7.25');
  });

  it.each`
    ratio       | percent
    ${0.000999} | ${0.0999}
    ${0.001}    | ${0.1}
    ${0.0101}   | ${1.01}
    ${0}        | ${0}
  `('toPercent($ratio) = $percent', ({ ratio, percent }) => {
    expect(toPercent(ratio)).toBe(percent);
  });

  it.each`
    seconds       | text
    ${45 * 60}    | ${'45 min'}
    ${89 * 60}    | ${'89 min'}
    ${3 * 3600}   | ${'3 h'}
    ${47 * 3600}  | ${'47 h'}
    ${10 * 86400} | ${'10 days'}
    ${-5}         | ${'0 min'}
  `('formatDuration($seconds) = $text', ({ seconds, text }) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each`
    value    | grade
    ${-15.1} | ${'LOW_FAULT'}
    ${-15}   | ${'LOW_MARGINAL'}
    ${-10}   | ${'OK'}
    ${10}    | ${'OK'}
    ${15}    | ${'HIGH_MARGINAL'}
    ${15.1}  | ${'HIGH_FAULT'}
  `('gradeLevel($value) = $grade', ({ value, grade }) => {
    expect(gradeLevel(value, DEFAULT_THRESHOLDS.dsPower)).toBe(grade);
  });

  it('describes each kind of channel', () => {
    const base = { ifIndex: 1, channelId: 7 };
    expect(
      describeChannel({ ...base, direction: 'downstream', kind: 'SC-QAM', frequencyHz: 603_000_000 }),
    ).toBe('Downstream channel 7 (603 MHz)');
    expect(
      describeChannel({ ...base, direction: 'upstream', kind: 'SC-QAM', frequencyHz: 36_800_000 }, 'x'),
    ).toBe('Upstream channel 7 (36.8 MHz, x)');
    expect(
      describeChannel({ ...base, direction: 'downstream', kind: 'OFDM', frequencyHz: 957_000_000 }),
    ).toBe('OFDM downstream channel 7 (PLC 957 MHz)');
    expect(describeChannel({ ...base, direction: 'upstream', kind: 'OFDMA', frequencyHz: 0 })).toBe(
      'OFDMA upstream channel 7',
    );
  });

  describe('rebootedBetween', () => {
    const H = 3600 * 1000;
    it.each`
      earlier                       | later                             | rebooted
      ${{ at: 0, uptimeSec: 7200 }} | ${{ at: H, uptimeSec: 10800 }}    | ${false}
      ${{ at: 0, uptimeSec: 7200 }} | ${{ at: H, uptimeSec: 600 }}      | ${true}
      ${{ at: 0, uptimeSec: 60 }}   | ${{ at: 6 * H, uptimeSec: 3600 }} | ${true}
      ${{ at: 0, uptimeSec: 0 }}    | ${{ at: H, uptimeSec: 3590 }}     | ${false}
      ${{ at: 0 }}                  | ${{ at: H, uptimeSec: 10 }}       | ${false}
    `('$earlier -> $later: $rebooted', ({ earlier, later, rebooted }) => {
      expect(rebootedBetween(earlier, later)).toBe(rebooted);
    });
  });

  it('sums timeouts over SC-QAM and OFDMA upstream channels', () => {
    const reading = docsis31Reading();
    reading.upstream[0] = usChannel(1, { t3Timeouts: 2, t4Timeouts: 1, t3Exceededs: 1 });
    reading.upstream[2] = usChannel(3, { t3Timeouts: 3 });
    reading.ofdma[0] = ofdmaChannel({ t3Timeouts: 4, t4Timeouts: 2 });
    expect(timeoutTotals(reading)).toEqual({ t3: 9, t4: 3, t3Exceeded: 1 });
  });

  it('judges a CMTS state online exactly as telemetry does', () => {
    const states = Array.from({ length: 21 }, (_, i) => i);
    expect(states.filter(onlineAtCmts)).toEqual(states.filter(isOnlineAtCmts));
    expect(states.filter(onlineAtCmts)).toEqual([6, 8]);
  });
});
