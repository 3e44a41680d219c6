import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OID, type OidName } from './docsis-oids';
import { decodeOfdmaTxPower, fallbackColumns, parseModemReading } from './parse-modem-reading';
import type { SnmpVarbind } from './snmp-value';

interface Fixture {
  modemId: string;
  varbinds: { oid: string; type: SnmpVarbind['type']; value: number | string }[];
}

function fixture(name: string): SnmpVarbind[] {
  const f = JSON.parse(
    readFileSync(join(__dirname, '../../test/fixtures', `${name}.varbinds.json`), 'utf8'),
  ) as Fixture;
  return f.varbinds.map((v) => ({ ...v, value: v.type === 'Counter64' ? BigInt(v.value) : v.value }));
}

function parse(varbinds: SnmpVarbind[]) {
  return parseModemReading({ modemId: 'm', observedAt: 1000, latencyMs: 5, varbinds });
}

describe('parseModemReading on a captured DOCSIS 3.1 poll', () => {
  const reading = parse(fixture('docsis31-textbook'));

  it('reads system facts in real units', () => {
    expect(reading.docsisVersion).toBe('3.1');
    expect(reading.sysDescr).toContain('MODEL: CM1200');
    expect(reading.uptimeSec).toBeCloseTo(1_109_051.41, 2);
    expect(reading.status).toEqual({ value: 12, name: 'operational', resets: 0, lostSyncs: 0 });
  });

  it('keeps SC-QAM rows only where ifType is docsCableDownstream(128), in dBmV and dB', () => {
    expect(reading.downstream).toHaveLength(32);
    expect(reading.downstream.map((d) => d.ifIndex)).not.toContain(160);
    expect(reading.downstream[0]).toEqual(
      expect.objectContaining({
        ifIndex: 3,
        channelId: 1,
        frequencyHz: 483_000_000,
        powerDbmv: -2.3,
        modulation: 'qam256',
      }),
    );
    expect(typeof reading.downstream[0].unerrored).toBe('bigint');
    expect(reading.downstream[0].unerrored).toBeGreaterThan(10_000_000_000n);
  });

  it('reads a mean RxMER of 0 as not measured (some modems answer 0 until a capture ran), not as a dead channel', () => {
    const meanOid = `${OID.docsPnmCmDsOfdmRxMerMean}.160`;
    const zero = parse(fixture('docsis31-textbook').map((v) => (v.oid === meanOid ? { ...v, value: 0 } : v)));
    expect(zero.ofdm[0].meanRxMerDb).toBeNull();
  });

  it('reads OFDM from DOCS-IF31: bands, mean RxMER in hundredths, profile counters', () => {
    expect(reading.ofdm).toHaveLength(1);
    const ofdm = reading.ofdm[0];
    expect(ofdm.ifIndex).toBe(160);
    expect(ofdm.meanRxMerDb).toBe(41.3);
    expect(ofdm.bandPowersDbmv).toHaveLength(8);
    expect(ofdm.bandPowersDbmv[0].band).toBe(0);
    expect(ofdm.profiles.map((p) => p.profileId)).toEqual([0, 255]);
  });

  it('decodes OFDMA transmit power from quarter dBmV (raw 177 -> 44.25 dBmV)', () => {
    expect(reading.ofdma).toEqual([
      expect.objectContaining({ ifIndex: 170, txPowerDbmv: 44.25, rangingStatus: 'success' }),
    ]);
  });

  it('decodes the CPE list index {InetAddressType, length, address}', () => {
    expect(reading.cpes).toEqual([{ ip: '192.168.0.41', source: 'learned' }]);
  });
});

describe('parseModemReading on a captured DOCSIS 3.0 poll with a muted upstream', () => {
  const reading = parse(fixture('docsis30-partial-service-us'));

  it('reads every upstream channel with its mute and ranging state', () => {
    expect(reading.docsisVersion).toBe('3.0');
    expect(reading.upstream.map((u) => u.ifIndex)).toEqual([4, 80, 81, 82]);
    expect(reading.upstream[3]).toEqual(expect.objectContaining({ muted: true, rangingStatus: 'aborted' }));
    expect(reading.upstream[0]).toEqual(expect.objectContaining({ muted: false, rangingStatus: 'success' }));
    expect(reading.ofdm).toEqual([]);
    expect(reading.ofdma).toEqual([]);
  });
});

describe('decodeOfdmaTxPower', () => {
  // docsis-reference §1.4: the 2017 MIB reports quarter dBmV (68..213 + 4*(Pmax-65)); the 2016 one tenths.
  it.each([
    [68, 17],
    [177, 44.25],
    [213, 53.25],
    [260, 65],
    [452, 45.2],
    [500, 50],
  ])('raw %d -> %d dBmV', (raw, dbmv) => expect(decodeOfdmaTxPower(raw)).toBe(dbmv));
});

describe('parseModemReading edge cases', () => {
  const vb = (oid: string, type: SnmpVarbind['type'], value: SnmpVarbind['value']): SnmpVarbind => ({
    oid,
    type,
    value,
  });

  it('falls back to the pre-3.0 MAC-interface upstream level and timeouts', () => {
    const r = parse([
      vb(`${OID.docsIfDocsisBaseCapability}.0`, 'Integer', 3),
      vb(`${OID.ifType}.2`, 'Integer', 127),
      vb(`${OID.ifType}.4`, 'Integer', 129),
      vb(`${OID.docsIfCmStatusValue}.2`, 'Integer', 12),
      vb(`${OID.docsIfCmStatusTxPower}.2`, 'Integer', 452),
      vb(`${OID.docsIfCmStatusT3Timeouts}.2`, 'Counter32', 7),
      vb(`${OID.docsIfCmStatusT4Timeouts}.2`, 'Counter32', 1),
    ]);
    expect(r.docsisVersion).toBe('2.0');
    expect(r.status.value).toBe(12);
    expect(r.upstream).toEqual([
      expect.objectContaining({
        ifIndex: 4,
        txPowerDbmv: 45.2,
        t3Timeouts: 7,
        t4Timeouts: 1,
        rangingStatus: 'success',
      }),
    ]);
  });

  it('refuses a string where the MIB says a number, instead of grading NaN levels', () => {
    expect(() =>
      parse([
        vb(`${OID.ifType}.3`, 'Integer', 128),
        vb(`${OID.docsIfDownChannelPower}.3`, 'OctetString', Buffer.from('-4.8 dBmV')),
      ]),
    ).toThrow('agent answered a non-numeric value at index 3 of a numeric object');
    expect(() => parse([vb(`${OID.sysUpTime}.0`, 'OctetString', Buffer.from('1d'))])).toThrow(/non-numeric/);
  });

  it('prefers RxMER over docsIfSigQSignalNoise and marks a down channel unlocked', () => {
    const r = parse([
      vb(`${OID.ifType}.3`, 'Integer', 128),
      vb(`${OID.ifOperStatus}.3`, 'Integer', 2),
      vb(`${OID.docsIfDownChannelPower}.3`, 'Integer', -48),
      vb(`${OID.docsIfSigQSignalNoise}.3`, 'Integer', 380),
      vb(`${OID.docsIf3SignalQualityExtRxMER}.3`, 'Integer', 362),
    ]);
    expect(r.downstream).toEqual([expect.objectContaining({ powerDbmv: -4.8, snrDb: 36.2, locked: false })]);
  });

  it('decodes an IPv6 CPE and ignores malformed index lengths', () => {
    const v6 = [32, 1, 13, 184, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1].join('.');
    const r = parse([
      vb(`${OID.docsDevCpeInetSource}.2.16.${v6}`, 'Integer', 3),
      vb(`${OID.docsDevCpeInetSource}.1.4.10.0.0`, 'Integer', 3),
    ]);
    expect(r.cpes).toEqual([{ ip: '2001:db8:0:0:0:0:0:1', source: 'learned' }]);
  });
});

describe('parseModemReading on a captured DOCSIS 2.0 poll (DOCS-IF-MIB only)', () => {
  const varbinds = fixture('docsis20-resets');
  const reading = parse(varbinds);

  it('takes the version from docsIfDocsisBaseCapability, docsis20(3)', () => {
    expect(reading.docsisVersion).toBe('2.0');
    expect(reading.docsisVersionSource).toBe('docsIfDocsisBaseCapability');
  });

  it('reads status and counters from docsIfCmStatus: 953 resets, 0 lost syncs read as 0', () => {
    expect(reading.status).toEqual({ value: 12, name: 'operational', resets: 953, lostSyncs: 0 });
  });

  it('reads the one upstream from the MAC interface: level and T3/T4, no T3-exceeded counter', () => {
    expect(reading.upstream).toEqual([
      {
        ifIndex: 4,
        channelId: 1,
        frequencyHz: 16_400_000,
        txPowerDbmv: 41.4,
        t3Timeouts: 0,
        t4Timeouts: 0,
        t3Exceededs: null,
        muted: false,
        rangingStatus: 'success',
        widthHz: null,
        preEq: null,
      },
    ]);
  });

  it('reads codewords from the 32-bit docsIfSigQ columns and marks them so', () => {
    expect(reading.downstream).toHaveLength(1);
    expect(reading.downstream[0]).toEqual(
      expect.objectContaining({
        snrDb: 40.1,
        unerrored: 2_560_091_966n,
        corrected: 14_216_729n,
        uncorrectable: 178_345n,
        counterBits: 32,
      }),
    );
  });

  it('takes no MAC from a bridge table without a status column, and says how it answered', () => {
    expect(reading.cpeMacs).toBeNull();
    expect(reading.bridgeTable).toBe('withoutStatus');
    expect(reading.cpes).toEqual([{ ip: '192.168.0.148', source: 'learned' }]);
  });

  it('walks the DOCS-IF-MIB fallback columns only for objects the fast poll lacked', () => {
    expect(fallbackColumns(varbinds)).toEqual([
      'docsIfSigQUnerroreds',
      'docsIfSigQCorrecteds',
      'docsIfSigQUncorrectables',
      'docsIfCmStatusResets',
      'docsIfCmStatusLostSyncs',
      'docsIfCmStatusEqualizationData',
    ]);
    // These captures predate the pre-equalisation columns: without docsIf3CmStatusUsEqData, DOCS-IF-MIB's is asked.
    expect(fallbackColumns(fixture('docsis31-textbook'))).toEqual(['docsIfCmStatusEqualizationData']);
    expect(fallbackColumns(fixture('docsis30-partial-service-us'))).toEqual([
      'docsIfCmStatusEqualizationData',
    ]);
  });
});

/** A minimal poll: one MAC interface (2), one downstream (3), one upstream (4), plus `extra`. */
function minimal(extra: SnmpVarbind[]): SnmpVarbind[] {
  const vb = (oid: string, value: number | bigint, type: SnmpVarbind['type'] = 'Integer'): SnmpVarbind => ({
    oid,
    type,
    value,
  });
  return [
    vb(`${OID.sysUpTime}.0`, 360_000, 'TimeTicks'),
    vb(`${OID.ifType}.2`, 127),
    vb(`${OID.ifType}.3`, 128),
    vb(`${OID.ifType}.4`, 129),
    vb(`${OID.docsIfDownChannelId}.3`, 5),
    vb(`${OID.docsIfDownChannelFrequency}.3`, 603_000_000),
    vb(`${OID.docsIfDownChannelPower}.3`, 12),
    vb(`${OID.docsIfCmStatusValue}.2`, 12),
    vb(`${OID.docsIfCmStatusTxPower}.2`, 420),
    ...extra,
  ];
}

const int = (oid: string, value: number): SnmpVarbind => ({ oid, type: 'Counter32', value });
const c64 = (oid: string, value: bigint): SnmpVarbind => ({ oid, type: 'Counter64', value });

describe('parseModemReading: each object from the newest table that has it', () => {
  it.each`
    object         | if3                                            | legacy                                        | expected
    ${'resets'}    | ${int(`${OID.docsIf3CmStatusResets}.2`, 7)}    | ${int(`${OID.docsIfCmStatusResets}.2`, 953)}  | ${7}
    ${'resets'}    | ${null}                                        | ${int(`${OID.docsIfCmStatusResets}.2`, 953)}  | ${953}
    ${'resets'}    | ${null}                                        | ${int(`${OID.docsIfCmStatusResets}.2`, 0)}    | ${0}
    ${'resets'}    | ${null}                                        | ${null}                                       | ${null}
    ${'lostSyncs'} | ${int(`${OID.docsIf3CmStatusLostSyncs}.2`, 2)} | ${int(`${OID.docsIfCmStatusLostSyncs}.2`, 9)} | ${2}
    ${'lostSyncs'} | ${null}                                        | ${int(`${OID.docsIfCmStatusLostSyncs}.2`, 9)} | ${9}
    ${'lostSyncs'} | ${null}                                        | ${null}                                       | ${null}
  `('$object: IF3 $if3.value, DOCS-IF $legacy.value -> $expected', ({ object, if3, legacy, expected }) => {
    const reading = parse(minimal([if3, legacy].filter((v): v is SnmpVarbind => v != null)));
    expect(reading.status[object as 'resets' | 'lostSyncs']).toBe(expected);
  });

  it('reads T3/T4 per channel from docsIf3CmStatusUsTable when it answers', () => {
    const reading = parse(
      minimal([
        { oid: `${OID.docsIf3CmStatusUsTxPower}.4`, type: 'Integer', value: 440 },
        int(`${OID.docsIf3CmStatusUsT3Timeouts}.4`, 3),
        int(`${OID.docsIf3CmStatusUsT4Timeouts}.4`, 0),
        int(`${OID.docsIf3CmStatusUsT3Exceededs}.4`, 0),
        int(`${OID.docsIfCmStatusT3Timeouts}.2`, 99),
      ]),
    );
    expect(reading.upstream).toEqual([
      expect.objectContaining({ ifIndex: 4, txPowerDbmv: 44, t3Timeouts: 3, t4Timeouts: 0, t3Exceededs: 0 }),
    ]);
  });

  it('falls back to docsIfCmStatus T3/T4 on the MAC interface; a counter neither has is null, not 0', () => {
    const reading = parse(minimal([int(`${OID.docsIfCmStatusT3Timeouts}.2`, 0)]));
    expect(reading.upstream).toEqual([
      expect.objectContaining({
        ifIndex: 4,
        txPowerDbmv: 42,
        t3Timeouts: 0,
        t4Timeouts: null,
        t3Exceededs: null,
      }),
    ]);
  });

  it('names no channel for an upstream without docsIfUpChannelTable, and none of several it cannot tell apart', () => {
    expect(parse(minimal([])).upstream[0]).toEqual(
      expect.objectContaining({ ifIndex: 4, channelId: null, frequencyHz: 0 }),
    );
    const bonded = parse(minimal([{ oid: `${OID.ifType}.80`, type: 'Integer', value: 129 }]));
    expect(bonded.upstream).toEqual([expect.objectContaining({ ifIndex: 2, channelId: null })]);
  });

  it.each`
    label          | extra                                                                                                                                                                                    | expected
    ${'Counter64'} | ${[c64(`${OID.docsIfSigQExtUnerroreds}.3`, 10n), c64(`${OID.docsIfSigQExtCorrecteds}.3`, 0n), c64(`${OID.docsIfSigQExtUncorrectables}.3`, 0n), int(`${OID.docsIfSigQUnerroreds}.3`, 5)]} | ${{ unerrored: 10n, corrected: 0n, uncorrectable: 0n }}
    ${'32-bit'}    | ${[int(`${OID.docsIfSigQUnerroreds}.3`, 5), int(`${OID.docsIfSigQCorrecteds}.3`, 0), int(`${OID.docsIfSigQUncorrectables}.3`, 0)]}                                                       | ${{ unerrored: 5n, corrected: 0n, uncorrectable: 0n, counterBits: 32 }}
    ${'neither'}   | ${[]}                                                                                                                                                                                    | ${{ unerrored: null, corrected: null, uncorrectable: null }}
  `('codeword counters: $label', ({ extra, expected }) => {
    const ch = parse(minimal(extra as SnmpVarbind[])).downstream[0];
    const { unerrored, corrected, uncorrectable, counterBits } = ch;
    expect({ unerrored, corrected, uncorrectable, ...(counterBits && { counterBits }) }).toEqual(expected);
  });
});

describe('parseModemReading: OFDM profile counters', () => {
  it('keeps a profile only when all three of its counters were read', () => {
    const vb = (name: OidName, ix: string, v: bigint): SnmpVarbind => c64(`${OID[name]}.${ix}`, v);
    const reading = parse(
      minimal([
        { oid: `${OID.ifType}.160`, type: 'Integer', value: 277 },
        vb('docsIf31CmDsOfdmProfileStatsTotalCodewords', '160.0', 100n),
        vb('docsIf31CmDsOfdmProfileStatsCorrectedCodewords', '160.0', 1n),
        vb('docsIf31CmDsOfdmProfileStatsUncorrectableCodewords', '160.0', 0n),
        vb('docsIf31CmDsOfdmProfileStatsTotalCodewords', '160.255', 100n),
      ]),
    );
    expect(reading.ofdm[0].profiles).toEqual([
      { profileId: 0, total: 100n, corrected: 1n, uncorrectable: 0n },
    ]);
  });
});

describe('parseModemReading: DOCSIS version', () => {
  const scalar = (
    name: 'docsIfDocsisBaseCapability' | 'docsIf31CmDocsisBaseCapability',
    v: number,
  ): SnmpVarbind => ({
    oid: `${OID[name]}.0`,
    type: 'Integer',
    value: v,
  });
  const if3Status: SnmpVarbind = { oid: `${OID.docsIf3CmStatusValue}.2`, type: 'Integer', value: 12 };
  const ofdmChannel: SnmpVarbind = {
    oid: `${OID.docsIf31CmDsOfdmChanChannelId}.160`,
    type: 'Integer',
    value: 33,
  };

  it.each`
    label                                  | extra                                                                                     | version  | source
    ${'DOCS-IF31 capability first'}        | ${[scalar('docsIf31CmDocsisBaseCapability', 5), scalar('docsIfDocsisBaseCapability', 4)]} | ${'3.1'} | ${'docsIf31CmDocsisBaseCapability'}
    ${'DOCS-IF capability docsis20(3)'}    | ${[scalar('docsIfDocsisBaseCapability', 3)]}                                              | ${'2.0'} | ${'docsIfDocsisBaseCapability'}
    ${'DOCS-IF capability docsis11(2)'}    | ${[scalar('docsIfDocsisBaseCapability', 2)]}                                              | ${'1.x'} | ${'docsIfDocsisBaseCapability'}
    ${'DOCS-IF31 other(0): next source'}   | ${[scalar('docsIf31CmDocsisBaseCapability', 0), scalar('docsIfDocsisBaseCapability', 4)]} | ${'3.0'} | ${'docsIfDocsisBaseCapability'}
    ${'no capability, DOCS-IF31 answered'} | ${[if3Status, ofdmChannel]}                                                               | ${'3.1'} | ${'inferred'}
    ${'no capability, DOCS-IF3 answered'}  | ${[if3Status]}                                                                            | ${'3.0'} | ${'inferred'}
    ${'no capability, DOCS-IF-MIB alone'}  | ${[]}                                                                                     | ${'2.0'} | ${'inferred'}
  `('$label -> $version ($source)', ({ extra, version, source }) => {
    const reading = parse(minimal(extra as SnmpVarbind[]));
    expect({ version: reading.docsisVersion, source: reading.docsisVersionSource }).toEqual({
      version,
      source,
    });
  });

  it('is unknown only when no DOCSIS object answered at all', () => {
    const reading = parse([{ oid: `${OID.sysUpTime}.0`, type: 'TimeTicks', value: 100 }]);
    expect(reading.docsisVersion).toBe('unknown');
    expect(reading.docsisVersionSource).toBeUndefined();
    expect(reading.status).toEqual({ value: null, name: 'not read', resets: null, lostSyncs: null });
  });
});

describe('parseModemReading: placeholder rows and the bridge table', () => {
  const vb = (oid: string, value: number): SnmpVarbind => ({ oid, type: 'Integer', value });

  it('drops SC-QAM rows at frequency 0 that are not up, and keeps real ones', () => {
    const reading = parse(
      minimal([
        vb(`${OID.ifType}.200`, 128),
        vb(`${OID.ifOperStatus}.200`, 2),
        vb(`${OID.docsIfDownChannelFrequency}.200`, 0),
        vb(`${OID.docsIfDownChannelPower}.200`, 0),
        vb(`${OID.ifOperStatus}.3`, 1),
      ]),
    );
    expect(reading.downstream.map((ch) => ch.ifIndex)).toEqual([3]);
  });

  const SELF = '0.29.205.139.0.0';
  const ROUTER = '20.117.144.123.208.172';
  it.each`
    label                         | rows                                                                                                                              | cpeMacs                  | state
    ${'learned row'}              | ${[vb(`${OID.dot1dTpFdbPort}.${SELF}`, 2), vb(`${OID.dot1dTpFdbStatus}.${SELF}`, 4), vb(`${OID.dot1dTpFdbStatus}.${ROUTER}`, 3)]} | ${['14:75:90:7b:d0:ac']} | ${'withStatus'}
    ${'status column, only self'} | ${[vb(`${OID.dot1dTpFdbPort}.${SELF}`, 2), vb(`${OID.dot1dTpFdbStatus}.${SELF}`, 4)]}                                             | ${[]}                    | ${'withStatus'}
    ${'no status column'}         | ${[vb(`${OID.dot1dTpFdbPort}.${SELF}`, 2), vb(`${OID.dot1dTpFdbPort}.${ROUTER}`, 1)]}                                             | ${null}                  | ${'withoutStatus'}
    ${'no bridge table'}          | ${[]}                                                                                                                             | ${null}                  | ${'absent'}
  `('$label: cpeMacs $cpeMacs, $state', ({ rows, cpeMacs, state }) => {
    const reading = parse(minimal(rows as SnmpVarbind[]));
    expect({ cpeMacs: reading.cpeMacs, state: reading.bridgeTable }).toEqual({ cpeMacs, state });
  });
});

describe('parseModemReading: DOCSIS 3.1 PNM summaries (full polls)', () => {
  const base = fixture('docsis31-textbook');
  const vb = (
    name: OidName,
    ix: number,
    value: number,
    type: SnmpVarbind['type'] = 'Gauge32',
  ): SnmpVarbind => ({
    oid: `${OID[name]}.${ix}`,
    type,
    value,
  });
  /** The 2017 MIB's raw units: RxMER std-dev in hundredths, ThrVal in quarters, the equalisers in thousandths. */
  const summaries = (status: { mer?: number; est?: number; preEq?: number } = {}): SnmpVarbind[] => [
    vb('docsPnmCmDsOfdmRxMerPercentile', 160, 2),
    vb('docsPnmCmDsOfdmRxMerStdDev', 160, 187),
    vb('docsPnmCmDsOfdmRxMerThrVal', 160, 141),
    vb('docsPnmCmDsOfdmRxMerThrHighestFreq', 160, 740_250_000),
    vb('docsPnmCmDsOfdmRxMerMeasStatus', 160, status.mer ?? 4, 'Integer'),
    vb('docsPnmCmOfdmChEstCoefAmpRipplePkToPk', 160, 1487),
    vb('docsPnmCmOfdmChEstCoefAmpRippleRms', 160, 526),
    vb('docsPnmCmOfdmChEstCoefAmpSlope', 160, -12, 'Integer'),
    vb('docsPnmCmOfdmChEstCoefGrpDelayRipplePkToPk', 160, 16_900),
    vb('docsPnmCmOfdmChEstCoefGrpDelayRippleRms', 160, 5975),
    vb('docsPnmCmOfdmChEstCoefMeasStatus', 160, status.est ?? 4, 'Integer'),
    vb('docsPnmCmOfdmChEstCoefAmpMean', 160, -690, 'Integer'),
    vb('docsPnmCmOfdmChEstCoefGrpDelaySlope', 160, 45, 'Integer'),
    vb('docsPnmCmOfdmChEstCoefGrpDelayMean', 160, 13_083, 'Integer'),
    vb('docsPnmCmUsPreEqAmpRipplePkToPk', 170, 305),
    vb('docsPnmCmUsPreEqAmpRippleRms', 170, 108),
    vb('docsPnmCmUsPreEqAmpSlope', 170, 0, 'Integer'),
    vb('docsPnmCmUsPreEqGrpDelayRipplePkToPk', 170, 212_500),
    vb('docsPnmCmUsPreEqGrpDelayRippleRms', 170, 75_130),
    vb('docsPnmCmUsPreEqPreEqCoAdjStatus', 170, 3, 'Integer'),
    vb('docsPnmCmUsPreEqMeasStatus', 170, status.preEq ?? 4, 'Integer'),
    vb('docsPnmCmUsPreEqAmpMean', 170, 930, 'Integer'),
    vb('docsPnmCmUsPreEqGrpDelaySlope', 170, -2500, 'Integer'),
    vb('docsPnmCmUsPreEqGrpDelayMean', 170, 13_203, 'Integer'),
  ];
  const full = (varbinds: SnmpVarbind[]) =>
    parseModemReading({ modemId: 'm', observedAt: 1000, latencyMs: 5, detail: 'full', varbinds });

  it('decodes each column in its unit: hundredths, quarter dB, Hz, thousandths of a dB and of a ns', () => {
    const reading = full([...base, ...summaries()]);
    expect(reading.detail).toBe('full');
    expect(reading.ofdm[0].pnm).toEqual({
      rxMer: {
        status: 'sampleReady',
        stdDevDb: 1.87,
        percentile: 2,
        percentileDb: 35.25,
        percentileHighestFreqHz: 740_250_000,
      },
      channelEstimate: {
        status: 'sampleReady',
        ampRipplePkPkDb: 1.487,
        ampRippleRmsDb: 0.526,
        ampSlopeDbPerMhz: -0.012,
        ampMeanDb: -0.69,
        groupDelayRipplePkPkNs: 16.9,
        groupDelayRippleRmsNs: 5.975,
        groupDelaySlopeNsPerMhz: 0.045,
        groupDelayMeanNs: 13.083,
      },
    });
    expect(reading.ofdma[0].pnm).toEqual({
      preEq: {
        status: 'sampleReady',
        ampRipplePkPkDb: 0.305,
        ampRippleRmsDb: 0.108,
        ampSlopeDbPerMhz: 0,
        ampMeanDb: 0.93,
        groupDelayRipplePkPkNs: 212.5,
        groupDelayRippleRmsNs: 75.13,
        groupDelaySlopeNsPerMhz: -2.5,
        groupDelayMeanNs: 13.203,
      },
      coAdjStatus: 'clipped',
    });
    // Plain JSON, as the stored format needs: no -0 from a 0 slope.
    expect(Object.is(reading.ofdma[0].pnm?.preEq.ampSlopeDbPerMhz, -0)).toBe(false);
  });

  it('reads no value of a summary whose measurement is not sampleReady, never 0; CoAdjStatus still', () => {
    const reading = full([...base, ...summaries({ mer: 2, est: 3, preEq: 5 })]);
    const pnm = reading.ofdm[0].pnm!;
    expect(pnm.rxMer).toEqual({
      status: 'inactive',
      stdDevDb: null,
      percentile: null,
      percentileDb: null,
      percentileHighestFreqHz: null,
    });
    expect(pnm.channelEstimate.status).toBe('busy');
    expect(Object.entries(pnm.channelEstimate).filter(([k, v]) => k !== 'status' && v !== null)).toEqual([]);
    expect(reading.ofdma[0].pnm?.preEq).toEqual(
      expect.objectContaining({ status: 'error', ampRipplePkPkDb: null }),
    );
    expect(reading.ofdma[0].pnm?.coAdjStatus).toBe('clipped');
    // The fast poll's mean RxMER does not depend on the summaries' status.
    expect(reading.ofdm[0].meanRxMerDb).toBe(41.3);
  });

  it('reads a table the modem does not have as not read, with no status', () => {
    const reading = full(base);
    expect(reading.ofdm[0].pnm?.rxMer.status).toBeNull();
    expect(reading.ofdm[0].pnm?.channelEstimate).toEqual(
      expect.objectContaining({ status: null, ampRipplePkPkDb: null, groupDelayMeanNs: null }),
    );
    expect(reading.ofdma[0].pnm).toEqual(
      expect.objectContaining({ coAdjStatus: null, preEq: expect.objectContaining({ status: null }) }),
    );
  });

  it('leaves the summaries out of a fast poll, even where the agent answered them', () => {
    const reading = parse([...base, ...summaries()]);
    expect(reading.detail).toBeUndefined();
    expect(reading.ofdm[0]).not.toHaveProperty('pnm');
    expect(reading.ofdma[0]).not.toHaveProperty('pnm');
  });

  it('takes a MeasStatus the MIB does not list as other (not ready)', () => {
    const reading = full([...base, ...summaries({ mer: 9 })]);
    expect(reading.ofdm[0].pnm?.rxMer).toEqual(expect.objectContaining({ status: 'other', stdDevDb: null }));
  });
});
