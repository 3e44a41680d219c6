import { fixedBase, Misfit, type Reader, type Writer } from './wire';

// Schemas of the compact stored formats. A record is written as one header of bits (its booleans and small
// enumerations, and whether each optional or nullable field is there) followed by its other fields in schema order;
// arrays as a length and their items. Columns of table rows (ifIndex, frequency, levels, Counter64 counters,
// messages) can be written against the row before, which costs little where channels are alike. The schema is the
// format: a change to a record's fields or to an enumeration's order is a new format (reading-codec.ts), never an
// edit; values are only ever appended to the frozen lists.

export interface Codec<T> {
  write(w: Writer, v: T): void;
  read(r: Reader): T;
}

/**
 * Sentences of the diagnosis (summary, finding messages, reasons): word by word, each word either the place of a
 * frozen word list's entry, or its text; in a table (f.text with delta), also runs of words equal to the row before's at
 * the same places, so a message per channel costs its numbers. Exact for any string: words are what lies between
 * single spaces.
 *
 *   uvarint   the number of words
 *   then ops  x = uvarint: x % 4 = 0: a word of x / 4 bytes of UTF-8 follows; 1: the word list's entry (x - 1) / 4;
 *             2: the next (x - 2) / 4 + 1 words are the row before's words at the same places
 */
export interface TextCodec {
  write(w: Writer, v: string, prev: string | undefined): void;
  read(r: Reader, prev: string | undefined): string;
}

export function textOf(words: readonly string[]): TextCodec {
  const index = new Map<string, number>(words.map((v, i) => [v, i]));
  // The row before is the text this codec wrote or read last: its words are kept rather than split again.
  let lastText: string | undefined;
  let lastWords: string[] = [];
  const wordsOf = (prev: string | undefined): string[] | undefined =>
    prev === undefined ? undefined : prev === lastText ? lastWords : prev.split(' ');
  return {
    write: (w, v, prev) => {
      if (typeof v !== 'string') {
        throw new Misfit(`string expected, got ${typeof v}`);
      }
      const tokens = v.split(' ');
      const before = wordsOf(prev);
      lastText = v;
      lastWords = tokens;
      const n = tokens.length;
      w.uvarint(n);
      let i = 0;
      while (i < n) {
        const t = tokens[i];
        if (before !== undefined && i < before.length && before[i] === t) {
          let run = 1;
          while (i + run < n && i + run < before.length && before[i + run] === tokens[i + run]) {
            run++;
          }
          w.uvarint((run - 1) * 4 + 2);
          i += run;
          continue;
        }
        const k = index.get(t);
        if (k !== undefined) {
          w.uvarint(k * 4 + 1);
        } else {
          w.word(t);
        }
        i++;
      }
    },
    read: (r, prev) => {
      const n = r.uvarint();
      const before = wordsOf(prev);
      // Every op takes a byte at least, and copies give at most the row before's words.
      if (n > r.buf.length - r.pos + (before?.length ?? 0)) {
        throw new RangeError('compact value ends early');
      }
      const tokens = new Array<string>(n);
      let i = 0;
      while (i < n) {
        const x = r.uvarint();
        switch (x % 4) {
          case 0:
            tokens[i++] = r.bytesAsString(x / 4);
            break;
          case 1: {
            const word = words[(x - 1) / 4];
            if (word === undefined) {
              throw new RangeError(`no word ${(x - 1) / 4} in a frozen list of ${words.length}`);
            }
            tokens[i++] = word;
            break;
          }
          case 2: {
            const end = i + (x - 2) / 4 + 1;
            if (before === undefined || end > n || end > before.length) {
              throw new RangeError('a copy of words the row before does not have');
            }
            while (i < end) {
              tokens[i] = before[i];
              i++;
            }
            break;
          }
          default:
            throw new RangeError(`bad text op ${x % 4}`);
        }
      }
      const text = tokens.join(' ');
      lastText = text;
      lastWords = tokens;
      return text;
    },
  };
}

/** How one field is written. */
export type FieldKind =
  | { t: 'bool' }
  /** Always this value: nothing is written (a union's tag, which the union writes). */
  | { t: 'constant'; value: unknown }
  | { t: 'value'; codec: Codec<unknown> }
  /** A count of 1/scale (tenths of a dB: 10), one bit of overhead; any other number as a double after it. */
  | { t: 'fixed'; scale: number }
  /** The same, as its difference from the same field of the row before. */
  | { t: 'deltaFixed'; scale: number }
  /** One of a few frozen values, in header bits (all ones: another string, written after the header). */
  | { t: 'small'; values: readonly string[]; bits: number }
  /** Sentences; with `delta`, against the same field of the row before. */
  | { t: 'text'; codec: TextCodec; delta: boolean }
  /** A safe integer, as its difference from the same field of the row before (0 for the first row). */
  | { t: 'deltaInt' }
  /** A bigint, as its difference from the same field of the row before (0n for the first row). */
  | { t: 'deltaBig' };

export interface Field {
  key: string;
  kind: FieldKind;
  /** May be absent (undefined): one header bit. */
  optional: boolean;
  /** May be null: one header bit. */
  nullable: boolean;
}

export const str: Codec<string> = {
  write: (w, v) => {
    if (typeof v !== 'string') {
      throw new Misfit(`string expected, got ${typeof v}`);
    }
    w.string(v);
  },
  read: (r) => r.string(),
};

/** Any number, exactly (tenths and hundredths in one to three bytes). */
export const num: Codec<number> = {
  write: (w, v) => {
    if (typeof v !== 'number') {
      throw new Misfit(`number expected, got ${typeof v}`);
    }
    w.decimal(v);
  },
  read: (r) => r.decimal(),
};

/** A safe integer below 2^48 in magnitude (epoch ms, counts). */
export const int: Codec<number> = {
  write: (w, v) => {
    if (typeof v !== 'number') {
      throw new Misfit(`number expected, got ${typeof v}`);
    }
    w.svarint(v);
  },
  read: (r) => r.svarint(),
};

export const big: Codec<bigint> = {
  write: (w, v) => {
    if (typeof v !== 'bigint') {
      throw new Misfit(`bigint expected, got ${typeof v}`);
    }
    w.bigint(v);
  },
  read: (r) => r.bigint(),
};

/**
 * One of a frozen list of strings, as its position (1-based); any other string after a 0. The list is part of the
 * format: values are only ever appended to it.
 */
export function oneOf<T extends string>(values: readonly T[]): Codec<T> {
  const index = new Map<string, number>(values.map((v, i) => [v, i + 1]));
  return {
    write: (w, v) => {
      const i = index.get(v);
      if (i !== undefined) {
        w.uvarint(i);
      } else {
        w.uvarint(0);
        str.write(w, v);
      }
    },
    read: (r) => {
      const i = r.uvarint();
      if (i === 0) {
        return r.string() as T;
      }
      const v = values[i - 1];
      if (v === undefined) {
        throw new RangeError(`no value ${i} in a frozen list of ${values.length}`);
      }
      return v;
    },
  };
}

export function arrayOf<T>(item: Codec<T>): Codec<T[]> {
  return {
    write: (w, v) => {
      if (!Array.isArray(v)) {
        throw new Misfit('array expected');
      }
      w.uvarint(v.length);
      for (let i = 0; i < v.length; i++) {
        item.write(w, v[i]);
      }
    },
    read: (r) => {
      const n = r.uvarint();
      if (n > r.buf.length - r.pos) {
        throw new RangeError('compact value ends early');
      }
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) {
        out[i] = item.read(r);
      }
      return out;
    },
  };
}

/** A table: rows of one record, whose delta fields are written against the row before. */
export function tableOf<T extends object>(row: RecordCodec<T>): Codec<T[]> {
  return {
    write: (w, v) => {
      if (!Array.isArray(v)) {
        throw new Misfit('array expected');
      }
      w.uvarint(v.length);
      let prev: T | undefined;
      for (let i = 0; i < v.length; i++) {
        row.writeRow(w, v[i], prev);
        prev = v[i];
      }
    },
    read: (r) => {
      const n = r.uvarint();
      if (n > r.buf.length - r.pos) {
        throw new RangeError('compact value ends early');
      }
      const out = new Array<T>(n);
      let prev: T | undefined;
      for (let i = 0; i < n; i++) {
        prev = out[i] = row.readRow(r, prev);
      }
      return out;
    },
  };
}

// Field builders: f.bool('locked'), f.value('name', str), f.nullable(f.deltaBig('corrected')), ...
export const f = {
  bool: (key: string): Field => ({ key, kind: { t: 'bool' }, optional: false, nullable: false }),
  constant: (key: string, value: unknown): Field => ({
    key,
    kind: { t: 'constant', value },
    optional: false,
    nullable: false,
  }),
  value: <T>(key: string, codec: Codec<T>): Field => ({
    key,
    kind: { t: 'value', codec },
    optional: false,
    nullable: false,
  }),
  fixed: (key: string, scale: number): Field => ({
    key,
    kind: { t: 'fixed', scale },
    optional: false,
    nullable: false,
  }),
  deltaFixed: (key: string, scale: number): Field => ({
    key,
    kind: { t: 'deltaFixed', scale },
    optional: false,
    nullable: false,
  }),
  small: (key: string, values: readonly string[]): Field => ({
    key,
    kind: { t: 'small', values, bits: Math.ceil(Math.log2(values.length + 1)) },
    optional: false,
    nullable: false,
  }),
  text: (key: string, codec: TextCodec, delta = false): Field => ({
    key,
    kind: { t: 'text', codec, delta },
    optional: false,
    nullable: false,
  }),
  deltaInt: (key: string): Field => ({ key, kind: { t: 'deltaInt' }, optional: false, nullable: false }),
  deltaBig: (key: string): Field => ({ key, kind: { t: 'deltaBig' }, optional: false, nullable: false }),
  optional: (field: Field): Field => ({ ...field, optional: true }),
  nullable: (field: Field): Field => ({ ...field, nullable: true }),
};

export interface RecordCodec<T> extends Codec<T> {
  writeRow(w: Writer, v: T, prev: T | undefined): void;
  readRow(r: Reader, prev: T | undefined): T;
}

/**
 * A record of the given fields, written in that order. Decoded objects have their keys in the same order. A value
 * with a key the schema does not name does not fit (it would be lost).
 *
 * Each field has fixed places in the header: its presence bit (optional), its not-null bit (nullable), then its
 * value bits (bool, small), in field order. The reader and the writer are compiled once per record into straight-line
 * functions with the field names as constants (the loop over fields that was here before cost about twice as much
 * CPU: property access by a changing key is slow in V8). Only names of the schemas in this folder go into them.
 */
export function record<T extends object>(fields: readonly Field[]): RecordCodec<T> {
  let bits = 0;
  const layout = fields.map((x) => {
    const optionalBit = x.optional ? bits++ : -1;
    const nullableBit = x.nullable ? bits++ : -1;
    const valueBits: number[] = [];
    const n = x.kind.t === 'bool' ? 1 : x.kind.t === 'small' ? x.kind.bits : 0;
    for (let b = 0; b < n; b++) {
      valueBits.push(bits++);
    }
    return { optionalBit, nullableBit, valueBits };
  });
  const headerBytes = Math.ceil(bits / 8);
  const consts = fields.map((x): unknown => {
    switch (x.kind.t) {
      case 'constant':
        return x.kind.value;
      case 'value':
      case 'text':
        return x.kind.codec;
      case 'small':
        return {
          index: new Map<unknown, number>(x.kind.values.map((v, i) => [v, i])),
          values: x.kind.values,
        };
      default:
        return undefined;
    }
  });
  const writeRow = compile(writerSource(fields, layout, headerBytes)) as RecordCodec<T>['writeRow'];
  const readRow = compile(readerSource(fields, layout, headerBytes)) as RecordCodec<T>['readRow'];
  function compile(source: string): unknown {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- schema field names only, see above
    const make = new Function('C', 'fixedBase', 'Misfit', 'RangeError', source) as (
      ...args: unknown[]
    ) => unknown;
    return make(consts, fixedBase, Misfit, RangeError);
  }
  return {
    writeRow,
    readRow,
    write: (w, v) => writeRow(w, v, undefined),
    read: (r) => readRow(r, undefined),
  };
}

interface Layout {
  optionalBit: number;
  nullableBit: number;
  valueBits: number[];
}

const bitOf = (bit: number): string => `((buf[h + ${bit >> 3}] >> ${bit & 7}) & 1)`;
const setBit = (bit: number): string => `hb${bit >> 3} |= ${1 << (bit & 7)};`;

function writerSource(fields: readonly Field[], layout: readonly Layout[], headerBytes: number): string {
  const header = Array.from({ length: headerBytes }, (_, i) => `hb${i} = 0`);
  const lines: string[] = [
    'return function writeRow(w, o, p) {',
    "  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Misfit('object expected');",
    `  w.ensure(${headerBytes});`,
    '  const h = w.pos;',
    `  w.pos = h + ${headerBytes};`,
    `  let seen = 0, x, b, d${header.map((x) => `, ${x}`).join('')};`,
  ];
  fields.forEach((field, i) => {
    const k = JSON.stringify(field.key);
    const { optionalBit, nullableBit, valueBits } = layout[i];
    const prev = `(p === undefined ? undefined : p[${k}])`;
    const fail = (what: string) => `throw new Misfit(${JSON.stringify(`${field.key}: ${what}`)});`;
    const kind = field.kind;
    let write: string;
    switch (kind.t) {
      case 'bool':
        write = `if (x === true) { ${setBit(valueBits[0])} } else if (x !== false) { ${fail('boolean expected')} }`;
        break;
      case 'constant':
        write = `if (x !== C[${i}]) { ${fail('another value expected')} }`;
        break;
      case 'value':
        write = `C[${i}].write(w, x);`;
        break;
      case 'fixed':
        write = `if (typeof x !== 'number') { ${fail('number expected')} } w.fixed(x, ${kind.scale});`;
        break;
      case 'deltaFixed':
        write =
          `if (typeof x !== 'number') { ${fail('number expected')} } ` +
          `w.fixed(x, ${kind.scale}, fixedBase(${prev}, ${kind.scale}));`;
        break;
      case 'small': {
        const escape = (1 << kind.bits) - 1;
        write =
          `b = C[${i}].index.get(x); if (b === undefined) b = ${escape}; ` +
          valueBits.map((bit, j) => `if (b & ${1 << j}) { ${setBit(bit)} } `).join('') +
          `if (b === ${escape}) { if (typeof x !== 'string') { ${fail('string expected')} } w.string(x); }`;
        break;
      }
      case 'text':
        write = kind.delta
          ? `b = ${prev}; C[${i}].write(w, x, typeof b === 'string' ? b : undefined);`
          : `C[${i}].write(w, x, undefined);`;
        break;
      case 'deltaInt':
        write =
          `b = ${prev}; d = x - (typeof b === 'number' ? b : 0); ` +
          `if (!Number.isSafeInteger(x) || !Number.isSafeInteger(d) || Object.is(x, -0)) { ${fail('integer expected')} } ` +
          'w.decimal(d);';
        break;
      case 'deltaBig':
        write =
          `if (typeof x !== 'bigint') { ${fail('bigint expected')} } ` +
          `b = ${prev}; w.bigint(typeof b === 'bigint' ? x - b : x);`;
        break;
    }
    if (nullableBit >= 0) {
      write = `if (x !== null) { ${setBit(nullableBit)} ${write} }`;
    }
    lines.push(`  x = o[${k}];`);
    lines.push(
      optionalBit >= 0
        ? `  if (x === undefined) { if (${k} in o) seen++; } else { seen++; ${setBit(optionalBit)} ${write} }`
        : `  seen++; ${write}`,
    );
  });
  lines.push(...Array.from({ length: headerBytes }, (_, i) => `  w.buf[h + ${i}] = hb${i};`));
  lines.push(
    "  if (Object.keys(o).length !== seen) throw new Misfit('a key outside the schema among ' + Object.keys(o).join(', '));",
    '};',
  );
  return lines.join('\n');
}

function readerSource(fields: readonly Field[], layout: readonly Layout[], headerBytes: number): string {
  const lines: string[] = [
    'return function readRow(r, p) {',
    '  const buf = r.buf, h = r.pos;',
    `  r.pos = h + ${headerBytes};`,
    "  if (r.pos > buf.length) throw new RangeError('compact value ends early');",
    '  const o = {};',
    '  let x, b;',
  ];
  fields.forEach((field, i) => {
    const k = JSON.stringify(field.key);
    const { optionalBit, nullableBit, valueBits } = layout[i];
    const prev = `(p === undefined ? undefined : p[${k}])`;
    const kind = field.kind;
    let read: string;
    switch (kind.t) {
      case 'bool':
        read = `o[${k}] = ${bitOf(valueBits[0])} === 1;`;
        break;
      case 'constant':
        read = `o[${k}] = C[${i}];`;
        break;
      case 'value':
        read = `o[${k}] = C[${i}].read(r);`;
        break;
      case 'fixed':
        read = `o[${k}] = r.fixed(${kind.scale});`;
        break;
      case 'deltaFixed':
        read = `o[${k}] = r.fixed(${kind.scale}, fixedBase(${prev}, ${kind.scale}));`;
        break;
      case 'small': {
        const escape = (1 << kind.bits) - 1;
        read =
          `x = ${valueBits.map((bit, j) => `(${bitOf(bit)} << ${j})`).join(' | ')}; ` +
          `if (x === ${escape}) o[${k}] = r.string(); ` +
          `else if (x < ${kind.values.length}) o[${k}] = C[${i}].values[x]; ` +
          `else throw new RangeError('no value ' + x + ' in a frozen list of ${kind.values.length}');`;
        break;
      }
      case 'text':
        read = kind.delta
          ? `b = ${prev}; o[${k}] = C[${i}].read(r, typeof b === 'string' ? b : undefined);`
          : `o[${k}] = C[${i}].read(r, undefined);`;
        break;
      case 'deltaInt':
        read = `b = ${prev}; o[${k}] = r.decimal() + (typeof b === 'number' ? b : 0);`;
        break;
      case 'deltaBig':
        read = `b = ${prev}; x = r.bigint(); o[${k}] = typeof b === 'bigint' ? b + x : x;`;
        break;
    }
    if (nullableBit >= 0) {
      read = `if (${bitOf(nullableBit)} === 0) o[${k}] = null; else { ${read} }`;
    }
    lines.push(optionalBit >= 0 ? `  if (${bitOf(optionalBit)} === 1) { ${read} }` : `  ${read}`);
  });
  lines.push('  return o;', '};');
  return lines.join('\n');
}

/** One of two records told apart by a boolean key (e.g. `reachable`, a constant field of each), as one byte. */
export function eitherOf<T extends object>(
  key: string,
  whenTrue: RecordCodec<T>,
  whenFalse: RecordCodec<T>,
): Codec<T> {
  return {
    write: (w, v) => {
      const tag = (v as Record<string, unknown>)[key];
      if (tag !== true && tag !== false) {
        throw new Misfit(`${key}: boolean expected`);
      }
      w.byte(tag ? 1 : 0);
      (tag ? whenTrue : whenFalse).write(w, v);
    },
    read: (r) => {
      const tag = r.byte();
      if (tag > 1) {
        throw new RangeError(`bad tag ${tag}`);
      }
      return (tag === 1 ? whenTrue : whenFalse).read(r);
    },
  };
}
