import { createHash, timingSafeEqual } from 'node:crypto';
import { normalizeCustomerNumber } from '../inventory/customer-number';
import { AddressParts, normalizeName, parseAddress } from './normalize';

export interface CustomerRecord {
  customerNumber: string;
  fullName: string;
  address: string;
}

export type VerifyClaim =
  { customerNumber: string; fullName: string } | { customerNumber: string; address: string };

// Data from a request or a database row may not honour the types; anything that is not a string matches nothing.
const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Equal digests are compared in constant time; an empty expected value (nothing on record) never matches. */
function sameNonEmpty(expected: string, actual: string): boolean {
  const equal = timingSafeEqual(sha256(expected), sha256(actual));
  return equal && expected !== '';
}

function namesMatch(recordName: string, claimedName: string): boolean {
  return sameNonEmpty(normalizeName(recordName), normalizeName(claimedName));
}

// The caller may leave out postal code and town; the ones they do give must match the record's.
function comparableAddress(parts: AddressParts, claimed: AddressParts): string {
  const postalCode = claimed.postalCode === '' ? '' : parts.postalCode;
  const city = claimed.city === '' ? '' : parts.city;
  return [parts.street, parts.building, parts.flat, postalCode, city].join('|');
}

function addressesMatch(recordAddress: string, claimedAddress: string): boolean {
  const record = parseAddress(recordAddress);
  const claimed = parseAddress(claimedAddress);
  const identifiable = record.street !== '' && record.building !== '';
  return (
    sameNonEmpty(comparableAddress(record, claimed), comparableAddress(claimed, claimed)) && identifiable
  );
}

/**
 * True when the customer number matches and every second factor the claim carries (full name and/or address,
 * at least one) matches the record. All comparisons run before the result is combined.
 */
export function matchesCustomer(record: CustomerRecord, claim: VerifyClaim): boolean {
  const customerNumberMatches = sameNonEmpty(
    normalizeCustomerNumber(textOf(record.customerNumber)),
    normalizeCustomerNumber(textOf(claim.customerNumber)),
  );
  const factors: boolean[] = [];
  if ('fullName' in claim && claim.fullName !== undefined) {
    factors.push(namesMatch(textOf(record.fullName), textOf(claim.fullName)));
  }
  if ('address' in claim && claim.address !== undefined) {
    factors.push(addressesMatch(textOf(record.address), textOf(claim.address)));
  }
  return customerNumberMatches && factors.length > 0 && factors.every((matches) => matches);
}
