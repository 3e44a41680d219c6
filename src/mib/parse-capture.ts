import type { WireType } from './snmp-value';

// Captured walks of real devices, as ISP engineers make them: net-snmp's snmpwalk/snmpbulkwalk output with
// numeric OIDs (-On; the default "TYPE: value" form), and snmpsim's snmprec files (oid|tag|value). Pure: text in,
// typed varbinds or line-numbered problems out. Values keep their wire types, so a replay answers as the device did.

export type CaptureFormat = 'snmpwalk' | 'snmprec';

export const CAPTURE_FORMATS: readonly CaptureFormat[] = ['snmpwalk', 'snmprec'];

export interface CapturedVarbind {
  /** Dotted, without a leading dot. */
  oid: string;
  type: WireType;
  /**
   * Integer, Counter32, Gauge32, TimeTicks: number; Counter64: bigint; OctetString, Opaque, Null: the octets;
   * OID and IpAddress: dotted strings.
   */
  value: number | bigint | string | Buffer;
  /** 1-based line of the capture where the varbind starts. */
  line: number;
}

export type CapturedException = 'noSuchObject' | 'noSuchInstance' | 'endOfMibView';

export interface CaptureProblem {
  /** 1-based line; absent for a problem of the capture as a whole. */
  line?: number;
  message: string;
}

export interface Capture {
  format: CaptureFormat;
  varbinds: CapturedVarbind[];
  /** Lines where the walk reported an exception instead of a value (they hold no object). */
  exceptions: { line: number; oid: string; exception: CapturedException }[];
}

export type CaptureResult =
  | { ok: true; capture: Capture }
  | { ok: false; format: CaptureFormat; errors: CaptureProblem[]; moreErrors: number };

/** Problems reported per capture; past this the answer says how many more there were. */
export const MAX_CAPTURE_ERRORS = 20;

const INT32 = [-0x80000000, 0x7fffffff] as const;
const UINT32 = [0, 0xffffffff] as const;
const UINT64_MAX = (1n << 64n) - 1n;

/** A bad value; the parser adds the line. `skipTo`: the line it went on to read (an unclosed quote reads to the end). */
class BadValue extends Error {
  constructor(
    message: string,
    readonly skipTo?: number,
  ) {
    super(message);
  }
}

/** The first MAX_CAPTURE_ERRORS problems, and a count of the rest: a 20 MB file of garbage keeps 20 of them. */
class Problems {
  readonly kept: CaptureProblem[] = [];
  length = 0;

  push(problem: CaptureProblem): void {
    if (this.length++ < MAX_CAPTURE_ERRORS) {
      this.kept.push(problem);
    }
  }
}

/** Parses a capture; without `format` it is told from the first line (snmprec lines are `oid|tag|value`). */
export function parseCapture(text: string, format?: CaptureFormat): CaptureResult {
  // CRLF files too (a CR inside a multi-line string is lost with them).
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const chosen = format ?? detectFormat(lines);
  const capture: Capture = { format: chosen, varbinds: [], exceptions: [] };
  const errors = new Problems();
  if (chosen === 'snmprec') {
    parseSnmprec(lines, capture, errors);
  } else {
    parseSnmpwalk(lines, capture, errors);
  }
  if (errors.length === 0) {
    checkDuplicates(capture, errors);
  }
  if (errors.length === 0 && capture.varbinds.length === 0) {
    errors.push({
      message:
        chosen === 'snmprec'
          ? 'the capture holds no varbinds: expected lines like 1.3.6.1.2.1.1.1.0|4|Cisco'
          : 'the capture holds no varbinds: expected lines like .1.3.6.1.2.1.1.1.0 = STRING: "Cisco"',
    });
  }
  if (errors.length > 0) {
    return {
      ok: false,
      format: chosen,
      errors: errors.kept,
      moreErrors: errors.length - errors.kept.length,
    };
  }
  return { ok: true, capture };
}

/** The problems as text, one per line: for a CLI and for an error message. */
export function describeCaptureErrors(result: Extract<CaptureResult, { ok: false }>): string[] {
  const out = result.errors.map((e) => (e.line ? `line ${e.line}: ${e.message}` : e.message));
  if (result.moreErrors > 0) {
    out.push(`... and ${result.moreErrors} more`);
  }
  return out;
}

function detectFormat(lines: string[]): CaptureFormat {
  const first = lines.find((l) => l.trim() !== '' && !l.startsWith('#'));
  return first && first.includes('|') && !first.includes(' = ') ? 'snmprec' : 'snmpwalk';
}

function checkDuplicates(capture: Capture, errors: Problems): void {
  const seen = new Map<string, number>();
  for (const vb of capture.varbinds) {
    const first = seen.get(vb.oid);
    if (first !== undefined) {
      errors.push({ line: vb.line, message: `OID .${vb.oid} appears twice (first at line ${first})` });
    } else {
      seen.set(vb.oid, vb.line);
    }
  }
}

function excerpt(s: string): string {
  const t = s.trim();
  return t.length > 60 ? `'${t.slice(0, 57)}...'` : `'${t}'`;
}

// ---- snmpwalk -On -------------------------------------------------------------------------------------------

const VARBIND_LINE = /^(\S+) = ?(.*)$/;
const NUMERIC_OID = /^\.?\d+(\.\d+)+$/;
const HEX_CONTINUATION = /^\s*([0-9A-Fa-f]{2}\s+)*[0-9A-Fa-f]{2}\s*$/;
const EXCEPTIONS: [RegExp, CapturedException][] = [
  [/^No Such Object available/, 'noSuchObject'],
  [/^No Such Instance currently exists/, 'noSuchInstance'],
  [/^No more variables left in this MIB View/, 'endOfMibView'],
];
/** Lines a walk prints that hold no object. */
const NO_OBJECT_LINE = /^End of MIB$/;

function parseSnmpwalk(lines: string[], capture: Capture, errors: Problems): void {
  let i = 0;
  while (i < lines.length) {
    const lineNo = i + 1;
    const line = lines[i];
    i++;
    if (line.trim() === '' || NO_OBJECT_LINE.test(line.trim())) {
      continue;
    }
    const m = VARBIND_LINE.exec(line);
    if (!m) {
      errors.push({
        line: lineNo,
        message: `expected '.OID = TYPE: value' (snmpwalk -On output), found ${excerpt(line)}`,
      });
      continue;
    }
    const oid = numericOid(m[1]);
    if (!oid) {
      errors.push({
        line: lineNo,
        message: `expected a numeric OID such as .1.3.6.1.2.1.1.1.0 (capture with snmpwalk -On), found ${excerpt(m[1])}`,
      });
      continue;
    }
    let rest = m[2];
    const exception = EXCEPTIONS.find(([re]) => re.test(rest));
    if (exception) {
      capture.exceptions.push({ line: lineNo, oid, exception: exception[1] });
      continue;
    }
    rest = rest.replace(/^Wrong Type \(should be [^)]*\): /, '');
    if (rest === '""') {
      capture.varbinds.push({ oid, type: 'OctetString', value: Buffer.alloc(0), line: lineNo });
      continue;
    }
    if (rest === 'NULL') {
      capture.varbinds.push({ oid, type: 'Null', value: Buffer.alloc(0), line: lineNo });
      continue;
    }
    const typed = /^([A-Za-z][\w -]*?): ?(.*)$/.exec(rest);
    if (!typed) {
      errors.push({
        line: lineNo,
        message: `expected 'TYPE: value' after '=' (capture without -OQ or -Oq), found ${excerpt(rest)}`,
      });
      continue;
    }
    const [, typeName, first] = typed;
    try {
      if ((typeName === 'STRING' || typeName === 'Opaque') && first.startsWith('"')) {
        const quoted = readQuoted(lines, i - 1, first);
        i = quoted.nextLine;
        const value = Buffer.from(quoted.text, 'utf8');
        capture.varbinds.push({
          oid,
          type: typeName === 'STRING' ? 'OctetString' : 'Opaque',
          value,
          line: lineNo,
        });
        continue;
      }
      let valueText = first;
      if (typeName === 'Hex-STRING' || typeName === 'BITS' || (typeName === 'Opaque' && isHex(first))) {
        // net-snmp wraps long hex values after 16 octets.
        while (i < lines.length && HEX_CONTINUATION.test(lines[i]) && !VARBIND_LINE.test(lines[i])) {
          valueText += ` ${lines[i].trim()}`;
          i++;
        }
      }
      const { type, value } = walkValue(typeName, valueText);
      capture.varbinds.push({ oid, type, value, line: lineNo });
    } catch (error) {
      if (!(error instanceof BadValue)) {
        throw error;
      }
      errors.push({ line: lineNo, message: error.message });
      i = error.skipTo ?? i;
    }
  }
}

/** Dotted without the leading dot, or undefined unless BER can carry it (arcs 0-2, then 0-39 under 0 and 1, 32 bits). */
function numericOid(text: string): string | undefined {
  const t = text.startsWith('iso.') ? `1.${text.slice(4)}` : text;
  if (!NUMERIC_OID.test(t)) {
    return undefined;
  }
  const oid = t.replace(/^\./, '');
  const arcs = oid.split('.').map(Number);
  const valid = arcs[0] <= 2 && (arcs[0] === 2 || arcs[1] < 40) && arcs.every((a) => a <= 0xffffffff);
  return valid ? oid : undefined;
}

/**
 * A double-quoted value from `start` on line `index`, continued over the following lines until its closing
 * quote (net-snmp prints line breaks inside strings as they are, and escapes only `"` and `\`).
 */
function readQuoted(lines: string[], index: number, start: string): { text: string; nextLine: number } {
  let text = '';
  let line = start.slice(1);
  let at = index;
  for (;;) {
    for (let k = 0; k < line.length; k++) {
      const c = line[k];
      if (c === '\\' && k + 1 < line.length) {
        text += line[++k];
      } else if (c === '"') {
        if (line.slice(k + 1).trim() !== '') {
          throw new BadValue(`unexpected text after the closing quote: ${excerpt(line.slice(k + 1))}`);
        }
        return { text, nextLine: at + 1 };
      } else {
        text += c;
      }
    }
    at++;
    if (at >= lines.length) {
      throw new BadValue('quoted string is not closed before the end of the capture', lines.length);
    }
    text += '\n';
    line = lines[at];
  }
}

function isHex(text: string): boolean {
  return /^([0-9A-Fa-f]{2}\s*)+$/.test(text.trim());
}

function hexOctets(text: string, what: string): Buffer {
  const t = text.trim();
  if (t === '') {
    return Buffer.alloc(0);
  }
  if (!isHex(t)) {
    throw new BadValue(`expected ${what} as hex octets such as 00 1D CD 0A, found ${excerpt(t)}`);
  }
  return Buffer.from(t.replace(/\s+/g, ''), 'hex');
}

function walkValue(typeName: string, text: string): { type: WireType; value: CapturedVarbind['value'] } {
  switch (typeName) {
    case 'STRING':
      return { type: 'OctetString', value: unquotedString(text) };
    case 'Hex-STRING':
      return { type: 'OctetString', value: hexOctets(text, 'a Hex-STRING') };
    case 'BITS':
      // "80 00 docsisCm(0)": the octets, then the names of the bits set.
      return {
        type: 'OctetString',
        value: hexOctets(text.replace(/\s+[A-Za-z][\w-]*\(\d+\).*$/, ''), 'BITS'),
      };
    case 'INTEGER':
      return { type: 'Integer', value: walkInteger(text) };
    case 'Counter32':
      return { type: 'Counter32', value: unsigned(text, 'Counter32') };
    case 'Gauge32':
      return { type: 'Gauge32', value: unsigned(text, 'Gauge32') };
    case 'Timeticks': {
      const ticks = /^\((\d+)\)/.exec(text.trim())?.[1] ?? text.trim();
      return { type: 'TimeTicks', value: unsigned(ticks, 'Timeticks') };
    }
    case 'Counter64':
      return { type: 'Counter64', value: counter64(text) };
    case 'OID': {
      const oid = numericOid(text.trim());
      if (!oid) {
        throw new BadValue(
          `expected a numeric OID value such as .1.3.6.1.4.1.4491 (-On), found ${excerpt(text)}`,
        );
      }
      return { type: 'OID', value: oid };
    }
    case 'IpAddress':
      return { type: 'IpAddress', value: ipv4(text) };
    case 'Network Address': {
      const octets = hexOctets(text.replace(/:/g, ' '), 'a Network Address');
      if (octets.length !== 4) {
        throw new BadValue(
          `expected a Network Address of 4 octets such as 0A:00:00:01, found ${excerpt(text)}`,
        );
      }
      return { type: 'IpAddress', value: [...octets].join('.') };
    }
    case 'Opaque':
      return { type: 'Opaque', value: opaque(text) };
    default:
      throw new BadValue(
        `unknown type '${typeName}' (expected STRING, Hex-STRING, INTEGER, Counter32, Counter64, Gauge32, ` +
          'Timeticks, OID, IpAddress, Opaque, BITS, NULL)',
      );
  }
}

/** An unquoted STRING is one net-snmp printed through a DISPLAY-HINT: a MacAddress "0:1d:cd:2:3:4" is octets. */
function unquotedString(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9A-Fa-f]{1,2}(:[0-9A-Fa-f]{1,2}){5}$/.test(t)) {
    return Buffer.from(t.split(':').map((h) => parseInt(h, 16)));
  }
  return Buffer.from(t, 'utf8');
}

/**
 * "3", "operational(12)", "35 dB" (UNITS) and "3.5 dBmV" (a DISPLAY-HINT "d-1", which net-snmp prints with as many
 * decimals as the hint shifts: the integer on the wire is the digits without the point).
 */
function walkInteger(text: string): number {
  const t = text.trim();
  const label = /^[A-Za-z][\w-]*\((-?\d+)\)$/.exec(t);
  const plain = /^(-?)(\d+)(?:\.(\d+))?(?:\s+\S.*)?$/.exec(t);
  if (!label && !plain) {
    throw new BadValue(`expected an INTEGER such as 3, -15 or operational(12), found ${excerpt(t)}`);
  }
  const value = label ? Number(label[1]) : Number(`${plain![1]}${plain![2]}${plain![3] ?? ''}`);
  return inRange(value, INT32, 'INTEGER', t);
}

function unsigned(text: string, what: string): number {
  const m = /^(\d+)(?:\s+\S.*)?$/.exec(text.trim());
  if (!m) {
    throw new BadValue(`expected a ${what} value such as 5, found ${excerpt(text)}`);
  }
  return inRange(Number(m[1]), UINT32, what, text.trim());
}

function inRange(value: number, [min, max]: readonly [number, number], what: string, text: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new BadValue(`${what} ${excerpt(text)} is outside ${min}..${max}`);
  }
  return value;
}

function counter64(text: string): bigint {
  const t = text.trim().split(/\s+/)[0] ?? '';
  if (!/^\d+$/.test(t) || BigInt(t) > UINT64_MAX) {
    throw new BadValue(`expected a Counter64 value 0..18446744073709551615, found ${excerpt(text)}`);
  }
  return BigInt(t);
}

function ipv4(text: string): string {
  const t = text.trim();
  const octets = t.split('.');
  if (octets.length !== 4 || octets.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) {
    throw new BadValue(`expected an IpAddress such as 10.0.0.1, found ${excerpt(t)}`);
  }
  return octets.map(Number).join('.');
}

/** Opaque as net-snmp prints it: "Float: 1.5", "Double: 2.25" (RFC draft opaque types) or hex octets. */
function opaque(text: string): Buffer {
  const t = text.trim();
  const float = /^(Float|Double): (\S+)$/.exec(t);
  if (float) {
    const n = Number(float[2]);
    if (!Number.isFinite(n)) {
      throw new BadValue(`expected an Opaque ${float[1]} number, found ${excerpt(t)}`);
    }
    const single = float[1] === 'Float';
    const body = Buffer.alloc(single ? 4 : 8);
    if (single) {
      body.writeFloatBE(n);
    } else {
      body.writeDoubleBE(n);
    }
    return Buffer.concat([Buffer.from([0x9f, single ? 0x78 : 0x79, body.length]), body]);
  }
  return hexOctets(t, 'an Opaque');
}

// ---- snmprec ------------------------------------------------------------------------------------------------

const SNMPREC_TYPES: Record<string, WireType> = {
  '2': 'Integer',
  '4': 'OctetString',
  '5': 'Null',
  '6': 'OID',
  '64': 'IpAddress',
  '65': 'Counter32',
  '66': 'Gauge32',
  '67': 'TimeTicks',
  '68': 'Opaque',
  '70': 'Counter64',
};
const HEX_TAGS = new Set(['4', '64', '68']);

function parseSnmprec(lines: string[], capture: Capture, errors: Problems): void {
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.trim() === '' || line.startsWith('#')) {
      return;
    }
    const first = line.indexOf('|');
    const second = first < 0 ? -1 : line.indexOf('|', first + 1);
    if (second < 0) {
      errors.push({ line: lineNo, message: `expected 'oid|tag|value' (snmprec), found ${excerpt(line)}` });
      return;
    }
    const oid = numericOid(line.slice(0, first).trim());
    const tagText = line.slice(first + 1, second).trim();
    const valueText = line.slice(second + 1);
    if (!oid) {
      errors.push({
        line: lineNo,
        message: `expected a numeric OID such as 1.3.6.1.2.1.1.1.0, found ${excerpt(line.slice(0, first))}`,
      });
      return;
    }
    const tag = /^(\d+)(x?)$/.exec(tagText);
    const type = tag ? SNMPREC_TYPES[tag[1]] : undefined;
    if (!tag || !type || (tag[2] === 'x' && !HEX_TAGS.has(tag[1]))) {
      errors.push({
        line: lineNo,
        message:
          `unknown snmprec type tag '${tagText}' (expected 2, 4, 4x, 5, 6, 64, 64x, 65, 66, 67, 68, 68x or 70` +
          `${tagText.includes(':') ? '; variation modules are not replayed: record the plain value' : ''})`,
      });
      return;
    }
    try {
      const hex = tag[2] === 'x';
      capture.varbinds.push({ oid, type, value: snmprecValue(type, valueText, hex), line: lineNo });
    } catch (error) {
      if (!(error instanceof BadValue)) {
        throw error;
      }
      errors.push({ line: lineNo, message: error.message });
    }
  });
}

function snmprecValue(type: WireType, text: string, hex: boolean): CapturedVarbind['value'] {
  const octets = (): Buffer => {
    if (!/^([0-9A-Fa-f]{2})*$/.test(text.trim())) {
      throw new BadValue(`expected an even number of hex digits after a 'x' tag, found ${excerpt(text)}`);
    }
    return Buffer.from(text.trim(), 'hex');
  };
  switch (type) {
    case 'Integer': {
      if (!/^-?\d+$/.test(text.trim())) {
        throw new BadValue(`expected an Integer32 such as -15, found ${excerpt(text)}`);
      }
      return inRange(Number(text.trim()), INT32, 'Integer32', text);
    }
    case 'OctetString':
      return hex ? octets() : Buffer.from(text, 'utf8');
    case 'Opaque':
      return hex ? octets() : Buffer.from(text, 'utf8');
    case 'Null':
      return Buffer.alloc(0);
    case 'OID': {
      const oid = numericOid(text.trim());
      if (!oid) {
        throw new BadValue(`expected a numeric OID value such as 1.3.6.1.4.1.4491, found ${excerpt(text)}`);
      }
      return oid;
    }
    case 'IpAddress': {
      if (!hex) {
        return ipv4(text);
      }
      const ip = octets();
      if (ip.length !== 4) {
        throw new BadValue(`expected 4 octets (8 hex digits) for an IpAddress, found ${excerpt(text)}`);
      }
      return [...ip].join('.');
    }
    case 'Counter64':
      return counter64(text);
    default:
      return unsigned(text, type);
  }
}
