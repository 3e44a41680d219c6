import { decodeDateAndTime, encodeDateAndTime } from './date-and-time';

const octets = (...bytes: number[]): Buffer => Buffer.from(bytes);

describe('DateAndTime (RFC 2579)', () => {
  it('reads the 8-octet form (no offset) as UTC, deci-seconds included', () => {
    // 2026-11-25 13:14:10.3
    expect(decodeDateAndTime(octets(0x07, 0xea, 11, 25, 13, 14, 10, 3))).toBe(
      Date.UTC(2026, 10, 25, 13, 14, 10, 300),
    );
  });

  it('reads the 11-octet form with its offset from UTC, west and east', () => {
    const utc = Date.UTC(2026, 4, 26, 17, 30, 15);
    // As RFC 2579's example: 13:30:15.0,-4:0 (EDT) is 17:30:15 UTC; 23:00:15.0,+5:30 is the same instant.
    expect(decodeDateAndTime(octets(0x07, 0xea, 5, 26, 13, 30, 15, 0, 0x2d, 4, 0))).toBe(utc);
    expect(decodeDateAndTime(octets(0x07, 0xea, 5, 26, 23, 0, 15, 0, 0x2b, 5, 30))).toBe(utc);
  });

  it('takes the octets as the poller hands them over: latin1 text or a Buffer', () => {
    const b = octets(0x07, 0xea, 1, 2, 3, 4, 5, 0, 0x2b, 0, 0);
    expect(decodeDateAndTime(b.toString('latin1'))).toBe(Date.UTC(2026, 0, 2, 3, 4, 5));
  });

  it('calls a clock that was never set no time: 1970 plus uptime, or any year before 2000', () => {
    expect(decodeDateAndTime(encodeDateAndTime(149_000))).toBeNull(); // 1970-01-01T00:02:29
    expect(decodeDateAndTime(encodeDateAndTime(Date.UTC(1970, 0, 3, 2, 8, 20), 8))).toBeNull();
    expect(decodeDateAndTime(octets(0x07, 0xcf, 12, 31, 23, 59, 59, 9))).toBeNull(); // 1999
    expect(decodeDateAndTime(octets(0, 0, 0, 0, 0, 0, 0, 0))).toBeNull();
  });

  it('calls anything else no time: other lengths, fields out of range, no direction', () => {
    expect(decodeDateAndTime(octets(0x07, 0xea, 1, 2, 3, 4, 5))).toBeNull();
    expect(decodeDateAndTime(octets(0x07, 0xea, 13, 2, 3, 4, 5, 0))).toBeNull();
    expect(decodeDateAndTime(octets(0x07, 0xea, 1, 0, 3, 4, 5, 0))).toBeNull();
    expect(decodeDateAndTime(octets(0x07, 0xea, 1, 2, 24, 4, 5, 0))).toBeNull();
    expect(decodeDateAndTime(octets(0x07, 0xea, 1, 2, 3, 4, 5, 0, 0x20, 1, 0))).toBeNull();
    expect(decodeDateAndTime(42)).toBeNull();
    expect(decodeDateAndTime(undefined)).toBeNull();
  });

  it('writes what it reads, in both forms', () => {
    const at = Date.UTC(2026, 11, 4, 3, 0, 29, 700);
    expect(encodeDateAndTime(at)).toHaveLength(11);
    expect(decodeDateAndTime(encodeDateAndTime(at))).toBe(at);
    expect(decodeDateAndTime(encodeDateAndTime(at, 8))).toBe(at);
  });
});
