import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { encodeEqualizerData } from '../../mib/equalizer-data';
import { preEqHex, textbookReading, usChannel, NOW } from '../test-reading.factory';
import { preEqView } from './pre-eq-view';
import { tapsWith } from './test-taps.factory';

const t = DEFAULT_THRESHOLDS.preEq;
/** One tap at 5.12 Msym/s and velocity factor 0.87: 25.47 m. */
const TAP_M = (0.87 * 299_792_458) / 5.12e6 / 2;

describe('preEqView', () => {
  it('lays out an echo channel: taps relative to the main tap, metrics, the echo with its distance, the response', () => {
    const reading = textbookReading({
      upstream: [usChannel(1, { preEq: preEqHex([{ delayTaps: 2, levelDbc: -14 }]) })],
    });
    const view = preEqView('cm-0001', reading, t);
    expect(view).toEqual(
      expect.objectContaining({ modemId: 'cm-0001', observedAt: new Date(NOW).toISOString(), reason: null }),
    );
    const [ch] = view.channels;
    expect(ch).toEqual(
      expect.objectContaining({
        ifIndex: 80,
        channelId: 1,
        widthHz: 6_400_000,
        state: 'ANALYSED',
        reason: null,
      }),
    );
    const a = ch.analysis!;
    expect(a.mainTap).toBe(8);
    expect(a.taps).toHaveLength(24);
    expect(a.taps[7]).toEqual(expect.objectContaining({ index: 8, magnitudeDbc: 0 }));
    expect(a.taps[9].magnitudeDbc).toBeCloseTo(-14, 0);
    expect(a.echo).toEqual(expect.objectContaining({ tap: 10, delayTaps: 2 }));
    expect(a.echo!.distanceM).toBeCloseTo(2 * TAP_M, 0);
    expect(a.echo!.distanceFt).toBe(Math.round(a.echo!.distanceM! / 0.3048));
    expect(a.metrics.mtrDb).toBeCloseTo(14, 0);
    expect(a.grades.mtr).toBe('FAULT');
    expect(a.distortion).toBe('MICRO_REFLECTION');
    expect(a.symbolRateBaud).toBe(5_120_000);
    const { points, ripple } = a.frequencyResponse;
    expect(points).toHaveLength(64);
    // Across the 5.12 MHz the taps span, centred on the channel.
    expect(points[0].offsetHz).toBe(-2_560_000);
    expect(points.every((p) => Number.isFinite(p.amplitudeDb))).toBe(true);
    // A -14 dBc echo two taps out ripples about 3.5 dB deep, twice across the band.
    expect(ripple.depthDb).toBeCloseTo(3.5, 0);
    expect(ripple.cycles).toBe(2);
    expect(ripple.periodHz).toBe(2_560_000);
    expect(ripple.distanceM).toBeCloseTo(a.echo!.distanceM!, -1);
  });

  it('finds no echo on a clean channel', () => {
    const [ch] = preEqView('cm-0001', textbookReading({ upstream: [usChannel(1)] }), t).channels;
    expect(ch.analysis!.echo).toBeNull();
    expect(ch.analysis!.grades.mtr).toBe('TEXTBOOK');
  });

  it('says why a channel has no analysis: not read, empty, not valid', () => {
    const zeroMain = Buffer.from(
      encodeEqualizerData({
        mainTap: 8,
        tapsPerSymbol: 1,
        forward: tapsWith({}),
        reverse: [],
        encoding: 'int16',
      }),
    ).toString('hex');
    const reading = textbookReading({
      upstream: [
        usChannel(1, { preEq: null }),
        usChannel(2, { preEq: '' }),
        usChannel(3, { preEq: '0801' }),
        usChannel(4, { preEq: zeroMain }),
      ],
    });
    const channels = preEqView('cm-0001', reading, t).channels;
    expect(channels.map((c) => [c.state, c.analysis])).toEqual([
      ['NOT_READ', null],
      ['NO_PRE_EQ', null],
      ['UNUSABLE', null],
      ['UNUSABLE', null],
    ]);
    expect(channels[0].reason).toMatch(/not read/);
    expect(channels[1].reason).toMatch(/^No pre-equalisation/);
    expect(channels[2].reason).toMatch(/2 bytes, fewer than the 4-byte header/);
    expect(channels[3].reason).toMatch(/main tap is 0/);
  });

  it('gives tap counts but no distances when the channel width was not read', () => {
    const reading = textbookReading({
      upstream: [usChannel(1, { widthHz: null, preEq: preEqHex([{ delayTaps: 2, levelDbc: -14 }]) })],
    });
    const a = preEqView('cm-0001', reading, t).channels[0].analysis!;
    expect(a.echo).toEqual(expect.objectContaining({ delayTaps: 2, distanceM: null, delayNs: null }));
    expect(a.frequencyResponse.points[0]).toEqual(
      expect.objectContaining({ offsetHz: null, bandFraction: -0.5 }),
    );
    expect(a.symbolRateBaud).toBeNull();
  });

  it('says there is nothing to show without a reading, for a silent modem and without upstream channels', () => {
    expect(preEqView('cm-0001', null, t)).toEqual({
      modemId: 'cm-0001',
      observedAt: null,
      reason: expect.stringMatching(/not been read/),
      channels: [],
    });
    const silent = preEqView(
      'cm-0001',
      { reachable: false, modemId: 'cm-0001', observedAt: NOW, latencyMs: 2000, error: 'no answer' },
      t,
    );
    expect(silent.reason).toMatch(/did not answer .*no answer/);
    expect(silent.channels).toEqual([]);
    expect(preEqView('cm-0001', textbookReading({ upstream: [] }), t).reason).toMatch(/no upstream/);
  });
});
