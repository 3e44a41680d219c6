import type { CmtsUpstreamChannel } from '../domain/cmts-reading';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import { cmtsPreEqSummary } from './cmts-pre-eq';
import { analysedUpstream, preEqSummary } from './rules/us-pre-eq.rule';
import { CLEAN_PRE_EQ_HEX, cmtsUpstream, preEqHex, textbookReading, usChannel } from './test-reading.factory';

const t = DEFAULT_THRESHOLDS.preEq;
/** A -15 dBc echo 6 taps out: about 153 m at 5.12 Msym/s. */
const TAP_ECHO_HEX = preEqHex([{ delayTaps: 6, levelDbc: -15 }]);
const channels = (...list: CmtsUpstreamChannel[]): Map<number, CmtsUpstreamChannel> =>
  new Map(list.map((c) => [c.ifIndex, c]));

describe(cmtsPreEqSummary.name, () => {
  it('summarises the CMTS’s octets as the modem’s own diagnosis summarises the same octets', () => {
    const fromCmts = cmtsPreEqSummary(
      [
        cmtsUpstream(1, { ifIndex: 2001, eqData: CLEAN_PRE_EQ_HEX }),
        cmtsUpstream(2, { ifIndex: 2002, eqData: TAP_ECHO_HEX }),
      ],
      channels(
        { ifIndex: 2001, channelId: 1, widthHz: 6_400_000 },
        { ifIndex: 2002, channelId: 2, widthHz: 6_400_000 },
      ),
      t,
    );
    const own = textbookReading({ upstream: [usChannel(1), usChannel(2, { preEq: TAP_ECHO_HEX })] });
    const fromModem = preEqSummary(analysedUpstream(own, t));
    // The same worst channel, metrics, echo and distance; only the ifIndex is the CMTS's.
    expect(fromCmts).toEqual({ ...fromModem, ifIndex: 2002 });
    expect(fromCmts).toEqual(
      expect.objectContaining({ channelId: 2, grade: 'FAULT', distortion: 'MICRO_REFLECTION' }),
    );
    expect(fromCmts?.echo?.distanceM).toBeCloseTo(6 * 25.47, 0);
  });

  it('without the channel width: the delay in taps, no distance; without the channel id: null', () => {
    const s = cmtsPreEqSummary([cmtsUpstream(1, { ifIndex: 2001, eqData: TAP_ECHO_HEX })], new Map(), t);
    expect(s).toEqual(expect.objectContaining({ ifIndex: 2001, channelId: null }));
    expect(s?.echo).toEqual(expect.objectContaining({ distanceM: null }));
    expect(s?.echo?.delayTaps).toBeCloseTo(6, 1);
  });

  it('the channel width sets the distance per tap: twice as far at 3.2 MHz', () => {
    const at = (widthHz: number) =>
      cmtsPreEqSummary(
        [cmtsUpstream(1, { ifIndex: 2001, eqData: TAP_ECHO_HEX })],
        channels({ ifIndex: 2001, channelId: 1, widthHz }),
        t,
      )?.echo?.distanceM ?? 0;
    expect(at(3_200_000) / at(6_400_000)).toBeCloseTo(2, 1);
  });

  it('null when no upstream has octets that decode: none read, empty, or malformed', () => {
    expect(
      cmtsPreEqSummary(
        [
          cmtsUpstream(1),
          cmtsUpstream(2, { eqData: '' }),
          cmtsUpstream(3, { eqData: '0801' }),
          cmtsUpstream(4, { eqData: '00011800' + '00'.repeat(96) }),
        ],
        new Map(),
        t,
      ),
    ).toBeNull();
  });
});
