import fc from 'fast-check';
import { ResponseWriter } from './ber/ber-codec';
import {
  describeCaptureErrors,
  MAX_CAPTURE_ERRORS,
  parseCapture,
  type CapturedVarbind,
} from './parse-capture';

function varbinds(text: string): CapturedVarbind[] {
  const result = parseCapture(text);
  if (!result.ok) {
    throw new Error(describeCaptureErrors(result).join('\n'));
  }
  return result.capture.varbinds;
}

function only(text: string): Omit<CapturedVarbind, 'line'> {
  const [vb, ...rest] = varbinds(text);
  expect(rest).toEqual([]);
  return { oid: vb.oid, type: vb.type, value: vb.value };
}

function errorsOf(text: string): string[] {
  const result = parseCapture(text);
  if (result.ok) {
    throw new Error('expected the capture to be refused');
  }
  return describeCaptureErrors(result);
}

const bytes = (hex: string): Buffer => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

describe('parseCapture: snmpwalk -On', () => {
  it.each<[string, string, Omit<CapturedVarbind, 'line'>]>([
    [
      'STRING',
      '.1.3.6.1.2.1.1.1.0 = STRING: "Cisco IOS"',
      { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: Buffer.from('Cisco IOS') },
    ],
    [
      'STRING with escaped quote and backslash',
      '.1.3.6.1.2.1.1.5.0 = STRING: "a \\"b\\" c\\\\d"',
      { oid: '1.3.6.1.2.1.1.5.0', type: 'OctetString', value: Buffer.from('a "b" c\\d') },
    ],
    [
      'empty string',
      '.1.3.6.1.2.1.1.4.0 = ""',
      { oid: '1.3.6.1.2.1.1.4.0', type: 'OctetString', value: Buffer.alloc(0) },
    ],
    [
      'MacAddress printed through its DISPLAY-HINT',
      '.1.3.6.1.2.1.2.2.1.6.2 = STRING: 0:1d:cd:a:b:c',
      { oid: '1.3.6.1.2.1.2.2.1.6.2', type: 'OctetString', value: bytes('001dcd0a0b0c') },
    ],
    [
      'INTEGER',
      '.1.3.6.1.2.1.2.2.1.3.1 = INTEGER: 6',
      { oid: '1.3.6.1.2.1.2.2.1.3.1', type: 'Integer', value: 6 },
    ],
    [
      'negative INTEGER',
      '.1.3.6.1.2.1.10.127.1.1.1.1.6.3 = INTEGER: -35',
      { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.3', type: 'Integer', value: -35 },
    ],
    [
      'INTEGER with an enum label',
      '.1.3.6.1.2.1.10.127.1.2.2.1.1.2 = INTEGER: operational(12)',
      { oid: '1.3.6.1.2.1.10.127.1.2.2.1.1.2', type: 'Integer', value: 12 },
    ],
    [
      'INTEGER with UNITS',
      '.1.3.6.1.2.1.10.127.1.1.4.1.5.3 = INTEGER: 380 TenthdB',
      { oid: '1.3.6.1.2.1.10.127.1.1.4.1.5.3', type: 'Integer', value: 380 },
    ],
    [
      'INTEGER through a d-1 DISPLAY-HINT',
      '.1.3.6.1.2.1.10.127.1.1.1.1.6.3 = INTEGER: -3.5 dBmV',
      { oid: '1.3.6.1.2.1.10.127.1.1.1.1.6.3', type: 'Integer', value: -35 },
    ],
    [
      'Counter32',
      '.1.3.6.1.2.1.2.2.1.10.1 = Counter32: 5',
      { oid: '1.3.6.1.2.1.2.2.1.10.1', type: 'Counter32', value: 5 },
    ],
    [
      'Counter64 above 2^53',
      '.1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615',
      { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: 18446744073709551615n },
    ],
    [
      'Gauge32',
      '.1.3.6.1.2.1.2.2.1.5.1 = Gauge32: 1',
      { oid: '1.3.6.1.2.1.2.2.1.5.1', type: 'Gauge32', value: 1 },
    ],
    [
      'Timeticks',
      '.1.3.6.1.2.1.1.3.0 = Timeticks: (12345) 0:02:03.45',
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 12345 },
    ],
    [
      'Timeticks with -Ot',
      '.1.3.6.1.2.1.1.3.0 = Timeticks: 12345',
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 12345 },
    ],
    [
      'OID',
      '.1.3.6.1.2.1.1.2.0 = OID: .1.3.6.1.4.1.4491.2.4.1',
      { oid: '1.3.6.1.2.1.1.2.0', type: 'OID', value: '1.3.6.1.4.1.4491.2.4.1' },
    ],
    [
      'IpAddress',
      '.1.3.6.1.2.1.4.20.1.1.10.0.0.1 = IpAddress: 10.0.0.1',
      { oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.1', type: 'IpAddress', value: '10.0.0.1' },
    ],
    [
      'Network Address',
      '.1.3.6.1.2.1.4.22.1.3.1 = Network Address: 0A:00:00:01',
      { oid: '1.3.6.1.2.1.4.22.1.3.1', type: 'IpAddress', value: '10.0.0.1' },
    ],
    ['NULL', '.1.3.6.1.4.1.9.1 = NULL', { oid: '1.3.6.1.4.1.9.1', type: 'Null', value: Buffer.alloc(0) }],
    [
      'Opaque Float',
      '.1.3.6.1.4.1.2021.10.1.6.1 = Opaque: Float: 0.500000',
      { oid: '1.3.6.1.4.1.2021.10.1.6.1', type: 'Opaque', value: bytes('9f7804 3f000000') },
    ],
    [
      'Opaque hex',
      '.1.3.6.1.4.1.9.2 = Opaque: 01 02 03',
      { oid: '1.3.6.1.4.1.9.2', type: 'Opaque', value: bytes('010203') },
    ],
    [
      'BITS',
      '.1.3.6.1.2.1.10.127.1.1.5.0 = BITS: 80 00 docsisCm(0)',
      { oid: '1.3.6.1.2.1.10.127.1.1.5.0', type: 'OctetString', value: bytes('8000') },
    ],
    [
      'OIDs as Debian prints them without MIBs (iso.)',
      'iso.3.6.1.2.1.1.7.0 = INTEGER: 72',
      { oid: '1.3.6.1.2.1.1.7.0', type: 'Integer', value: 72 },
    ],
    [
      'a Wrong Type report keeps the type the agent sent',
      '.1.3.6.1.2.1.2.2.1.3.1 = Wrong Type (should be INTEGER): STRING: "x"',
      { oid: '1.3.6.1.2.1.2.2.1.3.1', type: 'OctetString', value: Buffer.from('x') },
    ],
  ])('%s', (_name, line, expected) => {
    expect(only(line)).toEqual(expected);
  });

  it('reads a Hex-STRING wrapped over several lines', () => {
    const text = [
      '.1.3.6.1.2.1.69.1.1.1.0 = Hex-STRING: 07 EA 0C 03 0A 2A 34 00 2B 00 00 00 11 22 33 44 ',
      '55 66 77 88 99 AA BB CC DD EE FF 00 01 02 03 04 ',
      '05 06 ',
      '.1.3.6.1.2.1.69.1.1.2.0 = INTEGER: 1',
    ].join('\n');
    const [hex, next] = varbinds(text);
    expect(hex.value).toEqual(
      bytes('07EA0C030A2A34002B00000011223344 5566778899AABBCCDDEEFF0001020304 0506'),
    );
    expect(next).toMatchObject({ oid: '1.3.6.1.2.1.69.1.1.2.0', value: 1, line: 4 });
  });

  it('reads a quoted string over several lines, with CRLF line ends', () => {
    const text =
      '.1.3.6.1.2.1.1.1.0 = STRING: "Cable Modem\r\nHW_REV: 1.0\r\nSW_REV: 2"\r\n.1.3.6.1.2.1.1.5.0 = STRING: "cm"\r\n';
    const [descr, name] = varbinds(text);
    expect(descr.value.toString()).toBe('Cable Modem\nHW_REV: 1.0\nSW_REV: 2');
    expect(name).toMatchObject({ oid: '1.3.6.1.2.1.1.5.0', line: 4 });
  });

  it('keeps a line that looks like a varbind inside a quoted string', () => {
    const text = '.1.3.6.1.2.1.1.1.0 = STRING: "first\n.1.3.6.1.2.1.1.5.0 = INTEGER: 1"';
    expect(varbinds(text)).toHaveLength(1);
  });

  it('records exception lines without objects, and skips End of MIB', () => {
    const result = parseCapture(
      [
        '.1.3.6.1.2.1.1.3.0 = Timeticks: (5) 0:00:00.05',
        '.1.3.6.1.2.1.1.9.0 = No Such Object available on this agent at this OID',
        '.1.3.6.1.2.1.1.9.1 = No Such Instance currently exists at this OID',
        '.1.3.6.1.2.1.1.3.0 = No more variables left in this MIB View (It is past the end of the MIB tree)',
        'End of MIB',
        '',
      ].join('\n'),
    );
    expect(result.ok && result.capture.exceptions).toEqual([
      { line: 2, oid: '1.3.6.1.2.1.1.9.0', exception: 'noSuchObject' },
      { line: 3, oid: '1.3.6.1.2.1.1.9.1', exception: 'noSuchInstance' },
      { line: 4, oid: '1.3.6.1.2.1.1.3.0', exception: 'endOfMibView' },
    ]);
    expect(result.ok && result.capture.varbinds).toHaveLength(1);
  });

  it.each([
    ['a symbolic OID', 'SNMPv2-MIB::sysDescr.0 = STRING: "x"', /line 1: expected a numeric OID .*-On/],
    ['an OID BER cannot carry', '.1.3.6.1.4294967296 = INTEGER: 1', /line 1: expected a numeric OID/],
    ['no type (-OQ)', '.1.3.6.1.2.1.1.1.0 = "x"', /line 1: expected 'TYPE: value' after '='/],
    ['an unknown type', '.1.3.6.1.2.1.1.1.0 = Float32: 1', /line 1: unknown type 'Float32'/],
    ['a bad INTEGER', '.1.3.6.1.2.1.1.7.0 = INTEGER: lots', /line 1: expected an INTEGER/],
    [
      'an INTEGER out of range',
      '.1.3.6.1.2.1.1.7.0 = INTEGER: 2147483648',
      /line 1: INTEGER '2147483648' is outside/,
    ],
    ['a negative Counter32', '.1.3.6.1.2.1.2.2.1.10.1 = Counter32: -1', /line 1: expected a Counter32/],
    [
      'a Counter64 too big',
      '.1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551616',
      /line 1: expected a Counter64/,
    ],
    ['a bad IpAddress', '.1.3.6.1.2.1.4.20.1.1.1 = IpAddress: 10.0.0.256', /line 1: expected an IpAddress/],
    [
      'a bad Hex-STRING',
      '.1.3.6.1.2.1.2.2.1.6.2 = Hex-STRING: 00 1G',
      /line 1: expected a Hex-STRING as hex octets/,
    ],
    [
      'an unclosed string',
      '.1.3.6.1.2.1.1.1.0 = STRING: "open\nstill open',
      /line 1: quoted string is not closed/,
    ],
    [
      'a line that is no varbind',
      'Timeout: No Response from 10.0.0.1',
      /line 1: expected '.OID = TYPE: value'/,
    ],
    ['an empty capture', '\n\n', /^the capture holds no varbinds/],
  ])('refuses %s', (_name, text, message) => {
    expect(errorsOf(text)).toEqual([expect.stringMatching(message)]);
  });

  it('names every bad line, and a duplicate OID with its first line', () => {
    const text = [
      '.1.3.6.1.2.1.1.1.0 = STRING: "ok"',
      '.1.3.6.1.2.1.1.7.0 = INTEGER: x',
      '.1.3.6.1.2.1.1.8.0 = Timeticks: soon',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      expect.stringMatching(/^line 2: expected an INTEGER/),
      expect.stringMatching(/^line 3: expected a Timeticks value/),
    ]);
    expect(errorsOf('.1.3.6.1.2.1.1.7.0 = INTEGER: 1\n.1.3.6.1.2.1.1.7.0 = INTEGER: 2')).toEqual([
      'line 2: OID .1.3.6.1.2.1.1.7.0 appears twice (first at line 1)',
    ]);
  });

  it('caps the problems it lists and counts the rest', () => {
    const text = Array.from({ length: 50 }, (_, i) => `.1.3.6.1.2.1.1.${i + 1}.0 = INTEGER: x`).join('\n');
    const result = parseCapture(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(MAX_CAPTURE_ERRORS);
      expect(result.moreErrors).toBe(50 - MAX_CAPTURE_ERRORS);
      expect(describeCaptureErrors(result).at(-1)).toBe('... and 30 more');
    }
  });
});

describe('parseCapture: snmprec', () => {
  it.each<[string, string, Omit<CapturedVarbind, 'line'>]>([
    ['2 Integer32', '1.3.6.1.2.1.1.7.0|2|-72', { oid: '1.3.6.1.2.1.1.7.0', type: 'Integer', value: -72 }],
    [
      '4 OctetString',
      '1.3.6.1.2.1.1.1.0|4|Cisco | IOS',
      { oid: '1.3.6.1.2.1.1.1.0', type: 'OctetString', value: Buffer.from('Cisco | IOS') },
    ],
    [
      '4x hex OctetString',
      '1.3.6.1.2.1.2.2.1.6.2|4x|001dcd0a0b0c',
      { oid: '1.3.6.1.2.1.2.2.1.6.2', type: 'OctetString', value: bytes('001dcd0a0b0c') },
    ],
    [
      '4 empty',
      '1.3.6.1.2.1.1.4.0|4|',
      { oid: '1.3.6.1.2.1.1.4.0', type: 'OctetString', value: Buffer.alloc(0) },
    ],
    ['5 Null', '1.3.6.1.4.1.9.1|5|', { oid: '1.3.6.1.4.1.9.1', type: 'Null', value: Buffer.alloc(0) }],
    [
      '6 OID',
      '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4491.2.4.1',
      { oid: '1.3.6.1.2.1.1.2.0', type: 'OID', value: '1.3.6.1.4.1.4491.2.4.1' },
    ],
    [
      '64 IpAddress',
      '1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1',
      { oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.1', type: 'IpAddress', value: '10.0.0.1' },
    ],
    [
      '64x IpAddress',
      '1.3.6.1.2.1.4.20.1.1.10.0.0.2|64x|0a000002',
      { oid: '1.3.6.1.2.1.4.20.1.1.10.0.0.2', type: 'IpAddress', value: '10.0.0.2' },
    ],
    [
      '65 Counter32',
      '1.3.6.1.2.1.2.2.1.10.1|65|4294967295',
      { oid: '1.3.6.1.2.1.2.2.1.10.1', type: 'Counter32', value: 4294967295 },
    ],
    [
      '66 Gauge32',
      '1.3.6.1.2.1.2.2.1.5.1|66|1000000',
      { oid: '1.3.6.1.2.1.2.2.1.5.1', type: 'Gauge32', value: 1000000 },
    ],
    [
      '67 TimeTicks',
      '1.3.6.1.2.1.1.3.0|67|12345',
      { oid: '1.3.6.1.2.1.1.3.0', type: 'TimeTicks', value: 12345 },
    ],
    [
      '68x Opaque',
      '1.3.6.1.4.1.9.2|68x|9f78043f000000',
      { oid: '1.3.6.1.4.1.9.2', type: 'Opaque', value: bytes('9f78043f000000') },
    ],
    [
      '70 Counter64',
      '1.3.6.1.2.1.31.1.1.1.6.1|70|12345678901234567890',
      { oid: '1.3.6.1.2.1.31.1.1.1.6.1', type: 'Counter64', value: 12345678901234567890n },
    ],
  ])('%s', (_name, line, expected) => {
    expect(only(line)).toEqual(expected);
  });

  it('is told from its first line; comments and blank lines are skipped', () => {
    const result = parseCapture('# recorded by snmprec\n\n1.3.6.1.2.1.1.5.0|4|cm\n');
    expect(result.ok && result.capture.format).toBe('snmprec');
    expect(result.ok && result.capture.varbinds[0].line).toBe(3);
  });

  it.each([
    ['a missing field', '1.3.6.1.2.1.1.5.0|4', /line 1: expected 'oid\|tag\|value'/],
    ['an unknown tag', '1.3.6.1.2.1.1.5.0|71|1', /line 1: unknown snmprec type tag '71'/],
    [
      'a variation module',
      '1.3.6.1.2.1.1.5.0|4:numeric|x',
      /line 1: unknown snmprec type tag '4:numeric'.*variation/,
    ],
    ['hex on an integer', '1.3.6.1.2.1.1.7.0|2x|01', /line 1: unknown snmprec type tag '2x'/],
    ['odd hex', '1.3.6.1.2.1.2.2.1.6.2|4x|001', /line 1: expected an even number of hex digits/],
    ['a bad Integer32', '1.3.6.1.2.1.1.7.0|2|7.5', /line 1: expected an Integer32/],
    ['a bad OID', 'system.1|2|7', /line 1: expected a numeric OID/],
  ])('refuses %s', (_name, text, message) => {
    expect(errorsOf(text)).toEqual([expect.stringMatching(message)]);
  });

  it('is parsed as asked when the format is given', () => {
    const result = parseCapture('1.3.6.1.2.1.1.5.0|4|cm', 'snmpwalk');
    expect(result.ok).toBe(false);
  });
});

describe('parseCapture on hostile text', () => {
  const fragments = [
    '.1.3.6.1.2.1.1.1.0',
    'iso.3.6.1',
    ' = ',
    '=',
    'STRING: ',
    '"',
    '\\',
    '\n',
    '\r\n',
    'Hex-STRING: ',
    '0A ',
    'INTEGER: ',
    '-',
    '4294967296',
    'up(1)',
    'Timeticks: (',
    ')',
    'OID: ',
    'Opaque: Float: ',
    '|',
    '4x',
    '70',
    'No Such Object available',
    '',
  ];

  const TYPE_NAMES = [
    'INTEGER',
    'Counter32',
    'Gauge32',
    'Counter64',
    'Timeticks',
    'IpAddress',
    'OID',
    'STRING',
  ];

  it('answers every text with varbinds the agent can encode, or numbered problems, never an exception', () => {
    const writer = new ResponseWriter();
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((a) => a.join('')),
          fc
            .array(
              fc.tuple(
                fc.nat(),
                fc.constantFrom(...TYPE_NAMES),
                fc.oneof(fc.string(), fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }).map(String)),
              ),
              { minLength: 1, maxLength: 5 },
            )
            .map((vbs) => vbs.map(([arc, type, value]) => `.1.3.6.1.${arc} = ${type}: ${value}`).join('\n')),
        ),
        (text) => {
          const result = parseCapture(text);
          if (result.ok) {
            expect(result.capture.varbinds.length).toBeGreaterThan(0);
            writer.reset();
            result.capture.varbinds.forEach((vb) => writer.varbind(vb));
          } else {
            expect(result.errors.length).toBeGreaterThan(0);
            expect(result.errors.length).toBeLessThanOrEqual(MAX_CAPTURE_ERRORS);
            result.errors.forEach((e) => expect(e.line === undefined || e.line >= 1).toBe(true));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
