import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { shortEchoSign } from './short-echo';
import { tapsWith } from './test-taps.factory';

const t = DEFAULT_THRESHOLDS.preEq;
const dbc = (amplitude: number) => 20 * Math.log10(amplitude / 1000);

describe('shortEchoSign (energy next to the main tap, echo region clean)', () => {
  it.each`
    case                                             | taps                                                       | present
    ${'both neighbours at -20 dBc'}                  | ${{ 7: [100, 0], 8: [1000, 0], 9: [0, -100] }}             | ${true}
    ${'both at the limit (-25 dBc)'}                 | ${{ 7: [56.3, 0], 8: [1000, 0], 9: [56.3, 0] }}            | ${true}
    ${'and a weak tap further out (-34 dBc)'}        | ${{ 7: [100, 0], 8: [1000, 0], 9: [100, 0], 14: [20, 0] }} | ${true}
    ${'and an echo further out (-26 dBc)'}           | ${{ 7: [100, 0], 8: [1000, 0], 9: [100, 0], 12: [50, 0] }} | ${false}
    ${'only after the main tap (an echo 1 tap out)'} | ${{ 8: [1000, 0], 9: [100, 0] }}                           | ${false}
    ${'only before it (group delay)'}                | ${{ 7: [100, 0], 8: [1000, 0] }}                           | ${false}
    ${'one neighbour below -25 dBc'}                 | ${{ 7: [50, 0], 8: [1000, 0], 9: [100, 0] }}               | ${false}
    ${'a clean line'}                                | ${{ 8: [1000, 0] }}                                        | ${false}
  `('$case: $present', ({ taps, present }) => {
    expect(shortEchoSign(tapsWith(taps), 8, t).present).toBe(present);
  });

  it('reports the levels it read', () => {
    expect(shortEchoSign(tapsWith({ 7: [100, 0], 8: [1000, 0], 9: [0, 60], 20: [10, 0] }), 8, t)).toEqual({
      present: true,
      preAdjacentDbc: expect.closeTo(dbc(100), 9),
      postAdjacentDbc: expect.closeTo(dbc(60), 9),
      farPostMaxDbc: expect.closeTo(dbc(10), 9),
    });
  });

  it.each`
    mainTap | pre                   | post
    ${1}    | ${null}               | ${expect.any(Number)}
    ${24}   | ${expect.any(Number)} | ${null}
  `('has no neighbour on one side with the main tap at $mainTap', ({ mainTap, pre, post }) => {
    const sign = shortEchoSign(tapsWith({ [mainTap]: [1000, 0], 2: [100, 0], 23: [100, 0] }), mainTap, t);
    expect(sign).toEqual(
      expect.objectContaining({ present: false, preAdjacentDbc: pre, postAdjacentDbc: post }),
    );
  });

  it('takes its limits from the thresholds', () => {
    const taps = tapsWith({ 7: [50, 0], 8: [1000, 0], 9: [50, 0] });
    expect(shortEchoSign(taps, 8, t).present).toBe(false);
    expect(shortEchoSign(taps, 8, { ...t, adjacentTapMinDbc: -27 }).present).toBe(true);
  });
});
