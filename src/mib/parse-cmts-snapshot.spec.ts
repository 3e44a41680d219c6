import { OID, type OidName } from './docsis-oids';
import { CMTS_OBJECTS, parseCmtsRows, parseCmtsSnapshot } from './parse-cmts-snapshot';
import type { SnmpType, SnmpVarbind } from './snmp-value';

const MAC_A = '00:1d:cd:00:00:01';
const MAC_B = '00:1d:cd:00:00:02';

function vb(name: OidName, index: string, type: SnmpType, value: SnmpVarbind['value']): SnmpVarbind {
  return { oid: `${OID[name]}.${index}`, type, value };
}
const mac = (m: string): Buffer => Buffer.from(m.split(':').map((h) => parseInt(h, 16)));
const ip = (a: string): Buffer => Buffer.from(a.split('.').map(Number));

/** A DOCS-IF3 registration row (regId) without upstream or CPE rows. */
function if3Reg(
  regId: number,
  m: string,
  patch: { value?: number | null; sgId?: number } = {},
): SnmpVarbind[] {
  return [
    vb('docsIf3CmtsCmRegStatusMacAddr', `${regId}`, 'OctetString', mac(m)),
    vb('docsIf3CmtsCmRegStatusIPv4Addr', `${regId}`, 'OctetString', ip(`10.0.0.${regId}`)),
    ...(patch.value === undefined ? [vb('docsIf3CmtsCmRegStatusValue', `${regId}`, 'Integer', 8)] : []),
    ...(patch.value != null ? [vb('docsIf3CmtsCmRegStatusValue', `${regId}`, 'Integer', patch.value)] : []),
    vb('docsIf3CmtsCmRegStatusMdIfIndex', `${regId}`, 'Integer', 1000),
    vb('docsIf3CmtsCmRegStatusMdCmSgId', `${regId}`, 'Gauge32', patch.sgId ?? 2),
  ];
}

function if3Us(regId: number, usIfIndex: number, patch: { snr?: number | null } = {}): SnmpVarbind[] {
  const ix = `${regId}.${usIfIndex}`;
  return [
    vb('docsIf3CmtsCmUsStatusRxPower', ix, 'Integer', -5),
    ...(patch.snr === null ? [] : [vb('docsIf3CmtsCmUsStatusSignalNoise', ix, 'Integer', patch.snr ?? 365)]),
    vb('docsIf3CmtsCmUsStatusUncorrectables', ix, 'Counter32', 3),
    vb('docsIf3CmtsCmUsStatusRangingStatus', ix, 'Integer', 4),
  ];
}

/** An RFC 4546 docsIfCmtsCmStatusTable row. */
function rfcRow(
  index: number,
  m: string,
  patch: { value?: number; snr?: number | null } = {},
): SnmpVarbind[] {
  const ix = `${index}`;
  return [
    vb('docsIfCmtsCmStatusMacAddress', ix, 'OctetString', mac(m)),
    vb('docsIfCmtsCmStatusIpAddress', ix, 'IpAddress', `10.9.0.${index}`),
    vb('docsIfCmtsCmStatusUpChannelIfIndex', ix, 'Integer', 2001),
    vb('docsIfCmtsCmStatusRxPower', ix, 'Integer', 12),
    vb('docsIfCmtsCmStatusValue', ix, 'Integer', patch.value ?? 6),
    vb('docsIfCmtsCmStatusUncorrectables', ix, 'Counter32', 7),
    ...(patch.snr === null ? [] : [vb('docsIfCmtsCmStatusSignalNoise', ix, 'Integer', patch.snr ?? 342)]),
    vb('docsIfCmtsCmStatusExtUncorrectables', ix, 'Counter64', 5_000_000_000n),
  ];
}

describe('parseCmtsSnapshot', () => {
  it('a DOCS-IF3 CMTS: rows, upstreams, CPEs, service groups; docsIf3 tables and nothing to fall back to', () => {
    const { rows, tables } = parseCmtsSnapshot([
      ...if3Reg(1, MAC_A),
      ...if3Us(1, 2001),
      ...if3Us(1, 2002),
      vb('docsSubmgt3CpeIpAddr', '1.1', 'OctetString', ip('192.168.0.10')),
      vb('docsSubmgt3CpeIpType', '1.1', 'Integer', 6),
    ]);
    expect(tables).toEqual({ modemTables: 'docsIf3', missing: [] });
    expect(rows).toEqual([
      expect.objectContaining({
        regId: 1,
        statusIndex: null,
        mac: MAC_A,
        ipv4: '10.0.0.1',
        mdIfIndex: 1000,
        sgId: 2,
        cpes: [{ cpeId: 1, ip: '192.168.0.10', type: 6 }],
        state: expect.objectContaining({ source: 'docsIf3', value: 8, name: 'operational', online: true }),
      }),
    ]);
    expect(rows[0].upstream).toEqual([
      { ifIndex: 2001, rxPowerDbmv: -0.5, snrDb: 36.5, uncorrectables: 3, rangingStatus: 4 },
      { ifIndex: 2002, rxPowerDbmv: -0.5, snrDb: 36.5, uncorrectables: 3, rangingStatus: 4 },
    ]);
  });

  it('an RFC 4546 CMTS: one upstream per modem, no service group, registrationComplete(6) is online', () => {
    const { rows, tables } = parseCmtsSnapshot(rfcRow(7, MAC_B));
    expect(tables.modemTables).toBe('rfc4546');
    expect(tables.missing).toEqual([CMTS_OBJECTS.if3Reg, CMTS_OBJECTS.if3Us, CMTS_OBJECTS.cpe]);
    expect(rows).toEqual([
      {
        regId: null,
        statusIndex: 7,
        mac: MAC_B,
        ipv4: '10.9.0.7',
        state: {
          source: 'rfc4546',
          value: 6,
          name: 'registrationComplete',
          online: true,
          ranging: false,
          accessDenied: false,
          forwardingDisabled: false,
        },
        mdIfIndex: null,
        sgId: null,
        lastRegAt: null,
        partialSvcState: null,
        // The Counter64 uncorrectables win over the 32-bit ones.
        upstream: [
          {
            ifIndex: 2001,
            rxPowerDbmv: 1.2,
            snrDb: 34.2,
            uncorrectables: 5_000_000_000,
            rangingStatus: null,
          },
        ],
        cpes: null,
      },
    ]);
  });

  it('the RFC 4546 InetAddress wins over the deprecated IpAddress column when it is IPv4', () => {
    const [row] = parseCmtsRows([
      ...rfcRow(3, MAC_A),
      vb('docsIfCmtsCmStatusInetAddressType', '3', 'Integer', 1),
      vb('docsIfCmtsCmStatusInetAddress', '3', 'OctetString', ip('100.64.0.3')),
    ]);
    expect(row.ipv4).toBe('100.64.0.3');
  });

  it('mixed, per object: DOCS-IF3 registration with the upstream levels from RFC 4546 where DOCS-IF3 has none', () => {
    const { rows, tables } = parseCmtsSnapshot([...if3Reg(1, MAC_A), ...rfcRow(40, MAC_A)]);
    expect(tables).toEqual({ modemTables: 'mixed', missing: [CMTS_OBJECTS.if3Us, CMTS_OBJECTS.cpe] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        regId: 1,
        statusIndex: 40,
        sgId: 2,
        ipv4: '10.0.0.1',
        state: expect.objectContaining({ source: 'docsIf3', value: 8 }),
        upstream: [expect.objectContaining({ ifIndex: 2001, snrDb: 34.2, rangingStatus: null })],
      }),
    );
  });

  it('mixed, per object: a DOCS-IF3 row without its state takes the state from RFC 4546', () => {
    const [row] = parseCmtsRows([
      ...if3Reg(1, MAC_A, { value: null }),
      ...if3Us(1, 2001),
      ...rfcRow(4, MAC_A, { value: 7 }),
    ]);
    expect(row.state).toEqual(
      expect.objectContaining({
        source: 'rfc4546',
        value: 7,
        name: 'accessDenied',
        accessDenied: true,
        online: false,
      }),
    );
    expect(row.upstream[0].rangingStatus).toBe(4);
  });

  it('a modem only the RFC 4546 table has is still a row, next to the DOCS-IF3 ones', () => {
    const rows = parseCmtsRows([...if3Reg(1, MAC_A), ...if3Us(1, 2001), ...rfcRow(9, MAC_B)]);
    expect(rows.map((r) => [r.mac, r.state.source])).toEqual([
      [MAC_A, 'docsIf3'],
      [MAC_B, 'rfc4546'],
    ]);
  });

  it('no modem table at all: no rows, modemTables none, and the missing objects named', () => {
    const { rows, tables } = parseCmtsSnapshot([{ oid: `${OID.sysUpTime}.0`, type: 'TimeTicks', value: 5 }]);
    expect(rows).toEqual([]);
    expect(tables).toEqual({
      modemTables: 'none',
      missing: [CMTS_OBJECTS.if3Reg, CMTS_OBJECTS.if3Us, CMTS_OBJECTS.cpe, CMTS_OBJECTS.rfc4546],
    });
  });

  it('what the CMTS did not give is null, never 0 or success', () => {
    const [if3] = parseCmtsRows([
      ...if3Reg(1, MAC_A, { value: null, sgId: 0 }),
      ...if3Us(1, 2001, { snr: null }),
    ]);
    expect(if3.state).toEqual(expect.objectContaining({ value: null, name: 'not read', online: false }));
    expect(if3.sgId).toBeNull();
    expect(if3.upstream[0].snrDb).toBeNull();
    expect(if3.cpes).toBeNull();
    const [rfc] = parseCmtsRows(rfcRow(2, MAC_B, { snr: null }));
    expect(rfc.upstream[0]).toEqual(expect.objectContaining({ snrDb: null, rangingStatus: null }));
  });

  it('an upstream row with only some columns keeps the rest null', () => {
    const [row] = parseCmtsRows([
      ...if3Reg(1, MAC_A),
      vb('docsIf3CmtsCmUsStatusSignalNoise', '1.2003', 'Integer', 250),
    ]);
    expect(row.upstream).toEqual([
      { ifIndex: 2003, rxPowerDbmv: null, snrDb: 25, uncorrectables: null, rangingStatus: null },
    ]);
  });
});

describe('parseCmtsSnapshot with the modems’ pre-equalisation (usEqData)', () => {
  /** 4 header octets and 24 taps of 4 octets: the usual DocsEqualizerData. */
  const COEFFICIENTS = Buffer.concat([Buffer.from('08011800', 'hex'), Buffer.alloc(96, 0x01)]);
  const eq = (regId: number, us: number, value: SnmpVarbind['value']): SnmpVarbind =>
    vb('docsIf3CmtsCmUsStatusEqData', `${regId}.${us}`, 'OctetString', value);
  const channel = (ifIndex: number, id: number, widthHz: number): SnmpVarbind[] => [
    vb('docsIfUpChannelId', `${ifIndex}`, 'Integer', id),
    vb('docsIfUpChannelWidth', `${ifIndex}`, 'Integer', widthHz),
  ];

  it('keeps each upstream’s octets as hex, and the CMTS’s upstream channels with their ids and widths', () => {
    const parsed = parseCmtsSnapshot(
      [
        ...if3Reg(1, MAC_A),
        ...if3Us(1, 2001),
        ...if3Us(1, 2002),
        eq(1, 2001, COEFFICIENTS),
        eq(1, 2002, ''),
        ...channel(2001, 1, 6_400_000),
        ...channel(2002, 2, 0),
      ],
      { usEqData: true },
    );
    expect(parsed.tables).toEqual({ modemTables: 'docsIf3', missing: [CMTS_OBJECTS.cpe] });
    expect(parsed.rows[0].upstream.map((us) => us.eqData)).toEqual([COEFFICIENTS.toString('hex'), '']);
    expect(parsed.upstreamChannels).toEqual([
      { ifIndex: 2001, channelId: 1, widthHz: 6_400_000 },
      // A width of 0 is the agent saying it does not know: not read, never a 0 Hz channel.
      { ifIndex: 2002, channelId: 2, widthHz: null },
    ]);
  });

  it('copies the octets: the row keeps no view of the response it came in', () => {
    const response = Buffer.concat([Buffer.alloc(50), COEFFICIENTS, Buffer.alloc(50)]);
    const [row] = parseCmtsSnapshot(
      [...if3Reg(1, MAC_A), ...if3Us(1, 2001), eq(1, 2001, response.subarray(50, 150))],
      { usEqData: true },
    ).rows;
    response.fill(0);
    expect(row.upstream[0].eqData).toBe(COEFFICIENTS.toString('hex'));
  });

  it('an upstream the column has no row for has no octets: not read, not empty', () => {
    const [row] = parseCmtsSnapshot(
      [...if3Reg(1, MAC_A), ...if3Us(1, 2001), ...if3Us(1, 2002), eq(1, 2001, '')],
      {
        usEqData: true,
      },
    ).rows;
    expect(row.upstream.map((us) => 'eqData' in us)).toEqual([true, false]);
  });

  it('names the column and the channel table missing when the walk asked and the CMTS gave no rows', () => {
    const parsed = parseCmtsSnapshot([...if3Reg(1, MAC_A), ...if3Us(1, 2001)], { usEqData: true });
    expect(parsed.tables.missing).toEqual([
      CMTS_OBJECTS.cpe,
      CMTS_OBJECTS.if3UsEqData,
      CMTS_OBJECTS.usChannels,
    ]);
    expect(parsed.upstreamChannels).toEqual([]);
    expect(parsed.rows[0].upstream[0]).not.toHaveProperty('eqData');
  });

  it('an RFC 4546 CMTS gives no coefficients and says so; its rows get none invented', () => {
    const parsed = parseCmtsSnapshot([...rfcRow(1, MAC_A), ...channel(2001, 1, 3_200_000)], {
      usEqData: true,
    });
    expect(parsed.tables.modemTables).toBe('rfc4546');
    expect(parsed.tables.missing).toContain(CMTS_OBJECTS.if3UsEqData);
    expect(parsed.tables.missing).not.toContain(CMTS_OBJECTS.usChannels);
    expect(parsed.rows[0].upstream).toEqual([expect.not.objectContaining({ eqData: expect.anything() })]);
  });

  it('without the option the column is neither read nor missing, even when the varbinds hold it', () => {
    const parsed = parseCmtsSnapshot([
      ...if3Reg(1, MAC_A),
      ...if3Us(1, 2001),
      eq(1, 2001, COEFFICIENTS),
      ...channel(2001, 1, 6_400_000),
    ]);
    expect(parsed.tables.missing).toEqual([CMTS_OBJECTS.cpe]);
    expect(parsed).not.toHaveProperty('upstreamChannels');
    expect(parsed.rows[0].upstream[0]).not.toHaveProperty('eqData');
  });
});
