import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OID } from './docsis-oids';
import { decodeOfdmaTxPower, parseModemReading } from './parse-modem-reading';
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
