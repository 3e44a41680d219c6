// SNMPv2-TC DateAndTime (RFC 2579): OCTET STRING (SIZE (8 | 11)). Year (2 octets, network order), month, day,
// hour, minutes, seconds, deci-seconds; the 11-octet form adds the direction from UTC ('+' or '-'), hours and
// minutes from UTC. The 8-octet form carries local time only.

/**
 * Years before this are a clock that was never set: a modem that has not (yet) got the time of day logs 1970-01-01
 * plus its uptime (docs/docsis-reference.md §1.6). No DOCSIS 3.x-era modem logged a real event before it.
 */
export const FIRST_REAL_YEAR = 2000;

const PLUS = 0x2b;
const MINUS = 0x2d;

/** The octets of an OctetString value as the poller hands it over (latin1 text or a Buffer). */
export function octetsOf(value: unknown): Buffer | null {
  if (Buffer.isBuffer(value)) {
    return value;
  }
  return typeof value === 'string' ? Buffer.from(value, 'latin1') : null;
}

/**
 * Epoch ms of a DateAndTime, or null when it is no time: a clock never set (a year before FIRST_REAL_YEAR), a
 * length other than 8 or 11, or a field out of its range. The 8-octet form (no offset) is read as UTC: DOCSIS
 * modems take their clock from a Time Protocol server (RFC 868), which gives UTC.
 */
export function decodeDateAndTime(value: unknown): number | null {
  const o = octetsOf(value);
  if (o == null || (o.length !== 8 && o.length !== 11)) {
    return null;
  }
  const year = o.readUInt16BE(0);
  const [month, day, hour, minute, second, deci] = [o[2], o[3], o[4], o[5], o[6], o[7]];
  if (
    year < FIRST_REAL_YEAR ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    deci > 9
  ) {
    return null;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, deci * 100);
  if (o.length === 8) {
    return local;
  }
  const [direction, offsetHours, offsetMinutes] = [o[8], o[9], o[10]];
  if ((direction !== PLUS && direction !== MINUS) || offsetHours > 14 || offsetMinutes > 59) {
    return null;
  }
  const offsetMs = (offsetHours * 60 + offsetMinutes) * 60_000;
  // Local time is UTC plus the offset: east of UTC ('+') is ahead.
  return direction === PLUS ? local - offsetMs : local + offsetMs;
}

/** A DateAndTime of epoch ms (UTC): 11 octets with offset +0:00, or the 8-octet form without one. */
export function encodeDateAndTime(epochMs: number, octets: 8 | 11 = 11): Buffer {
  const d = new Date(epochMs);
  const out = Buffer.alloc(octets);
  out.writeUInt16BE(d.getUTCFullYear(), 0);
  out[2] = d.getUTCMonth() + 1;
  out[3] = d.getUTCDate();
  out[4] = d.getUTCHours();
  out[5] = d.getUTCMinutes();
  out[6] = d.getUTCSeconds();
  out[7] = Math.floor(d.getUTCMilliseconds() / 100);
  if (octets === 11) {
    out[8] = PLUS;
  }
  return out;
}
