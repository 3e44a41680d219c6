// The byte level of the compact stored formats: varints, zigzag, decimal fixed point, bigints and UTF-8 strings.
// Pure; no Redis. A value this level cannot represent exactly raises Misfit, and the caller stores it in a format
// that can (schema.ts).

/** The value does not fit the compact format exactly; the caller falls back to a general one. */
export class Misfit extends Error {
  constructor(what: string) {
    super(`not representable in the compact format: ${what}`);
  }
}

const TWO_31 = 2 ** 31;

/** The count of 1/scale that v is exactly, or 0 (a base for Writer.fixed that both sides derive alike). */
export function fixedBase(v: unknown, scale: number): number {
  if (typeof v !== 'number') {
    return 0;
  }
  const m = scale === 1 ? v : Math.round(v * scale);
  return m / scale === v && Number.isSafeInteger(m) ? m : 0;
}
/** Integers up to this magnitude take the number paths (their zigzag times 8 stays a safe integer). */
const NUMBER_LIMIT = 2 ** 48;
const BIG_NUMBER_LIMIT = BigInt(NUMBER_LIMIT);

// Decimal numbers are a zigzag mantissa times 8 plus a scale code: most stored numbers are tenths (dB, dBmV),
// hundredths (uptime in ticks, poll latency) or whole MHz/kHz, so each takes one to three bytes.
const DIVIDE_10 = 1;
const DIVIDE_100 = 2;
const DIVIDE_1000 = 3;
const TIMES_1E3 = 4;
const TIMES_1E5 = 5;
const TIMES_1E6 = 6;
/** Anything else (other fractions, -0, NaN, infinities) as an IEEE double. */
const FLOAT64 = 7;

export class Writer {
  buf: Buffer;
  pos = 0;

  constructor(size = 8192) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** The bytes written so far, copied out (the writer's buffer is reused). */
  take(): Buffer {
    const out = Buffer.allocUnsafe(this.pos);
    this.buf.copy(out, 0, 0, this.pos);
    this.pos = 0;
    return out;
  }

  ensure(n: number): void {
    if (this.pos + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.pos++] = b;
  }

  /** A non-negative safe integer. */
  uvarint(n: number): void {
    this.ensure(8);
    const buf = this.buf;
    let pos = this.pos;
    while (n >= TWO_31) {
      buf[pos++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    while (n >= 0x80) {
      buf[pos++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    buf[pos++] = n;
    this.pos = pos;
  }

  /** A safe integer of magnitude below 2^48. */
  svarint(n: number): void {
    if (!(n <= NUMBER_LIMIT && n >= -NUMBER_LIMIT && Number.isInteger(n)) || Object.is(n, -0)) {
      throw new Misfit(`integer ${n}`);
    }
    this.uvarint(n >= 0 ? n * 2 : -n * 2 - 1);
  }

  /** Any number, exactly: a scaled integer where one fits, else the double. */
  decimal(v: number): void {
    let m: number;
    let code: number;
    if (Number.isInteger(v) && v <= NUMBER_LIMIT && v >= -NUMBER_LIMIT && !Object.is(v, -0)) {
      if (v === 0 || v % 1000 !== 0) {
        m = v;
        code = 0;
      } else if (v % 1e6 === 0) {
        m = v / 1e6;
        code = TIMES_1E6;
      } else if (v % 1e5 === 0) {
        m = v / 1e5;
        code = TIMES_1E5;
      } else {
        m = v / 1e3;
        code = TIMES_1E3;
      }
    } else if (v < NUMBER_LIMIT / 1000 && v > -NUMBER_LIMIT / 1000) {
      // Exact only when dividing the scaled integer back gives the very same double.
      m = Math.round(v * 10);
      code = DIVIDE_10;
      if (m / 10 !== v) {
        m = Math.round(v * 100);
        code = DIVIDE_100;
        if (m / 100 !== v) {
          m = Math.round(v * 1000);
          code = DIVIDE_1000;
          if (m / 1000 !== v) {
            code = FLOAT64;
          }
        }
      }
    } else {
      code = FLOAT64;
      m = 0;
    }
    if (code === FLOAT64 || Object.is(m, -0)) {
      this.ensure(9);
      this.buf[this.pos++] = FLOAT64;
      this.pos = this.buf.writeDoubleLE(v, this.pos);
      return;
    }
    this.uvarint((m >= 0 ? m * 2 : -m * 2 - 1) * 8 + code);
  }

  /**
   * A number that is a whole count of 1/scale (tenths of a dB: 10), as that count minus `base`'s, zigzag, doubled;
   * anything else as 1 and the double. `base` is a count of the same scale (0 when there is none).
   */
  fixed(v: number, scale: number, base = 0): void {
    const m = scale === 1 ? v : Math.round(v * scale);
    const d = m - base;
    if (
      m / scale === v &&
      d <= NUMBER_LIMIT &&
      d >= -NUMBER_LIMIT &&
      Number.isInteger(d) &&
      !Object.is(v, -0)
    ) {
      this.uvarint((d >= 0 ? d * 2 : -d * 2 - 1) * 2);
      return;
    }
    this.ensure(9);
    this.buf[this.pos++] = 1;
    this.pos = this.buf.writeDoubleLE(v, this.pos);
  }

  /** Any bigint, zigzag. */
  bigint(v: bigint): void {
    if (v < BIG_NUMBER_LIMIT && v > -BIG_NUMBER_LIMIT) {
      const n = Number(v);
      this.uvarint(n >= 0 ? n * 2 : -n * 2 - 1);
      return;
    }
    let z = v >= 0n ? v * 2n : -v * 2n - 1n;
    while (z >= 0x80n) {
      this.byte(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    this.byte(Number(z));
  }

  /** A word of a text (schema.ts textOf): uvarint(UTF-8 bytes * 4), then the bytes. */
  word(s: string): void {
    if (s.length < 32 && this.shortAscii(s, s.length * 4)) {
      return;
    }
    this.utf8(s, 4);
  }

  /** UTF-8, length first. Strings with lone surrogates (which UTF-8 cannot carry) do not fit. */
  string(s: string): void {
    if (s.length < 0x80 && this.shortAscii(s, s.length)) {
      return;
    }
    this.utf8(s, 1);
  }

  /** A short ASCII string: its length octet (`lengthOctet`) and its characters; false, with nothing kept, if not ASCII. */
  private shortAscii(s: string, lengthOctet: number): boolean {
    const n = s.length;
    this.ensure(1 + n);
    const buf = this.buf;
    const start = this.pos + 1;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        return false;
      }
      buf[start + i] = c;
    }
    buf[this.pos] = lengthOctet;
    this.pos = start + n;
    return true;
  }

  /** uvarint(UTF-8 bytes * scale), then the bytes. */
  private utf8(s: string, scale: number): void {
    if (!isWellFormed(s)) {
      throw new Misfit('a string with a lone surrogate');
    }
    const bytes = Buffer.byteLength(s, 'utf8');
    this.uvarint(bytes * scale);
    this.ensure(bytes);
    this.pos += this.buf.write(s, this.pos, bytes, 'utf8');
  }
}

export class Reader {
  pos = 0;

  constructor(readonly buf: Buffer) {}

  byte(): number {
    if (this.pos >= this.buf.length) {
      throw new RangeError('compact value ends early');
    }
    return this.buf[this.pos++];
  }

  uvarint(): number {
    const buf = this.buf;
    let pos = this.pos;
    let b = buf[pos++];
    let n = b & 0x7f;
    let scale = 128;
    while (b >= 0x80) {
      b = buf[pos++];
      n += (b & 0x7f) * scale;
      scale *= 128;
    }
    if (pos > buf.length) {
      throw new RangeError('compact value ends early');
    }
    this.pos = pos;
    return n;
  }

  svarint(): number {
    const z = this.uvarint();
    return z % 2 === 0 ? z / 2 : -(z + 1) / 2;
  }

  decimal(): number {
    if (this.buf[this.pos] === FLOAT64) {
      this.pos++;
      return this.double();
    }
    const x = this.uvarint();
    const code = x % 8;
    const z = (x - code) / 8;
    const m = z % 2 === 0 ? z / 2 : -(z + 1) / 2;
    switch (code) {
      case 0:
        return m;
      case DIVIDE_10:
        return m / 10;
      case DIVIDE_100:
        return m / 100;
      case DIVIDE_1000:
        return m / 1000;
      case TIMES_1E3:
        return m * 1e3;
      case TIMES_1E5:
        return m * 1e5;
      case TIMES_1E6:
        return m * 1e6;
      default:
        throw new RangeError(`bad number code ${code}`);
    }
  }

  double(): number {
    if (this.pos + 8 > this.buf.length) {
      throw new RangeError('compact value ends early');
    }
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  /** See Writer.fixed. */
  fixed(scale: number, base = 0): number {
    const x = this.uvarint();
    if (x % 2 === 1) {
      return this.double();
    }
    const z = x / 2;
    const m = base + (z % 2 === 0 ? z / 2 : -(z + 1) / 2);
    return scale === 1 ? m : m / scale;
  }

  bigint(): bigint {
    const start = this.pos;
    const buf = this.buf;
    // Up to 7 bytes (49 bits) the number path is exact.
    let pos = start;
    while (buf[pos] >= 0x80 && pos - start < 7) {
      pos++;
    }
    if (pos - start < 7) {
      const z = this.uvarint();
      return BigInt(z % 2 === 0 ? z / 2 : -(z + 1) / 2);
    }
    let z = 0n;
    let shift = 0n;
    let b: number;
    do {
      b = this.byte();
      z |= BigInt(b & 0x7f) << shift;
      shift += 7n;
    } while (b >= 0x80);
    return (z & 1n) === 0n ? z >> 1n : -((z + 1n) >> 1n);
  }

  string(): string {
    return this.bytesAsString(this.uvarint());
  }

  /** The next n bytes, as UTF-8. */
  bytesAsString(n: number): string {
    const end = this.pos + n;
    if (end > this.buf.length) {
      throw new RangeError('compact value ends early');
    }
    const s = this.buf.toString('utf8', this.pos, end);
    this.pos = end;
    return s;
  }
}

const wellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed;

function isWellFormed(s: string): boolean {
  if (wellFormed) {
    return wellFormed.call(s);
  }
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
