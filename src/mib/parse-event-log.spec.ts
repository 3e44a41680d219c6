import { encodeDateAndTime } from './date-and-time';
import { OID } from './docsis-oids';
import { parseModemReading } from './parse-modem-reading';
import type { SnmpVarbind } from './snmp-value';

const T0 = Date.UTC(2026, 10, 25, 1, 56, 2);
const MIN = 60_000;

/** The objects every poll reads, enough for a reading: system group and one interface. */
const BASE: SnmpVarbind[] = [
  { oid: `${OID.sysDescr}.0`, type: 'OctetString', value: '<<VENDOR: ARRIS; MODEL: SB6183>>' },
  { oid: `${OID.sysUpTime}.0`, type: 'TimeTicks', value: 360_000 },
  { oid: `${OID.ifType}.2`, type: 'Integer', value: 127 },
];
const CONTROL: SnmpVarbind = { oid: `${OID.docsDevEvControl}.0`, type: 'Integer', value: 2 };

interface Row {
  index: number;
  first?: Buffer | string;
  last?: Buffer | string;
  count?: number;
  level?: number;
  id?: number;
  text?: string;
}

function rowVarbinds(r: Row): SnmpVarbind[] {
  const vb = (
    oid: string,
    type: SnmpVarbind['type'],
    value: SnmpVarbind['value'] | undefined,
  ): SnmpVarbind[] => (value === undefined ? [] : [{ oid: `${oid}.${r.index}`, type, value }]);
  return [
    ...vb(OID.docsDevEvFirstTime, 'OctetString', r.first),
    ...vb(OID.docsDevEvLastTime, 'OctetString', r.last),
    ...vb(OID.docsDevEvCounts, 'Counter32', r.count),
    ...vb(OID.docsDevEvLevel, 'Integer', r.level),
    ...vb(OID.docsDevEvId, 'Gauge32', r.id),
    ...vb(OID.docsDevEvText, 'OctetString', r.text),
  ];
}

function read(varbinds: SnmpVarbind[], detail: 'fast' | 'full' = 'full', eventLogRows?: number) {
  const r = parseModemReading({ modemId: 'm', observedAt: T0, latencyMs: 5, detail, eventLogRows, varbinds });
  if (!r.reachable) {
    throw new Error('unreachable');
  }
  return r;
}

describe('the event log of a full poll (docsDevEventTable)', () => {
  it('reads each row: times in epoch ms (8 and 11 octets), count, level, id, text', () => {
    const reading = read([
      ...BASE,
      CONTROL,
      ...rowVarbinds({
        index: 3,
        first: encodeDateAndTime(T0, 11),
        last: encodeDateAndTime(T0 + 662 * MIN, 8),
        count: 10,
        level: 3,
        id: 82000200,
        text: 'No Ranging Response received - T3 time-out;CM-MAC=00:1d:cd:00:00:1f;',
      }),
    ]);
    expect(reading.detail).toBe('full');
    expect(reading.events).toEqual([
      {
        index: 3,
        firstAt: T0,
        lastAt: T0 + 662 * MIN,
        count: 10,
        level: 3,
        eventId: 82000200,
        text: 'No Ranging Response received - T3 time-out;CM-MAC=00:1d:cd:00:00:1f;',
      },
    ]);
  });

  it('gives no time, not a date, for a row logged before the modem had the time of day (1970)', () => {
    const reading = read([
      ...BASE,
      CONTROL,
      ...rowVarbinds({
        index: 1,
        first: encodeDateAndTime(149_000).toString('latin1'),
        last: encodeDateAndTime(7_700_000, 8).toString('latin1'),
        count: 62,
        level: 4,
        id: 68000403,
        text: 'ToD request sent - No Response received',
      }),
    ]);
    expect(reading.events).toEqual([
      expect.objectContaining({ index: 1, firstAt: null, lastAt: null, count: 62 }),
    ]);
  });

  it('is null when the modem has no event log, [] when its log is empty', () => {
    expect(read(BASE).events).toBeNull();
    expect(read([...BASE, CONTROL]).events).toEqual([]);
  });

  it('leaves a column the modem did not answer not read (null), never 0 or ""', () => {
    const reading = read([
      ...BASE,
      ...rowVarbinds({ index: 5, text: 'TLV-11 - unrecognized OID', level: 9 }),
    ]);
    expect(reading.events).toEqual([
      {
        index: 5,
        firstAt: null,
        lastAt: null,
        count: null,
        level: null,
        eventId: null,
        text: 'TLV-11 - unrecognized OID',
      },
    ]);
  });

  it('keeps the newest rows (by docsDevEvIndex) up to eventLogRows, in log order', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      rowVarbinds({ index: i + 1, count: 1, level: 6, id: 1, text: `event ${i + 1}` }),
    ).flat();
    const reading = read([...BASE, CONTROL, ...rows], 'full', 50);
    expect(reading.events!.map((e) => e.index)).toEqual(Array.from({ length: 50 }, (_, i) => 251 + i));
    expect(read([...BASE, CONTROL, ...rows]).events).toHaveLength(50);
  });

  it('is not part of a fast poll, even when the log answered', () => {
    const reading = read([...BASE, CONTROL, ...rowVarbinds({ index: 1, count: 1, text: 'x' })], 'fast');
    expect(reading).not.toHaveProperty('events');
    expect(reading).not.toHaveProperty('detail');
  });
});
