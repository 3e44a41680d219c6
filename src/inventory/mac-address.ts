// MACs arrive in every notation the field uses: 00:1d:cd:c7:00:01 (IEEE, lower or upper case), 00-1D-CD-C7-00-01
// (Windows, Excel exports), 001d.cdc7.0001 (Cisco CLI), 001dcdc70001 (bare). The CMTS tables give octets, which
// the parser formats as lower-case colon pairs: every stored MAC is normalised to that, or look-ups miss.

const NOTATIONS = [
  /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i,
  /^[0-9a-f]{2}(-[0-9a-f]{2}){5}$/i,
  /^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/i,
  /^[0-9a-f]{12}$/i,
];

export const MAC_NOTATIONS_HINT =
  'a MAC address such as 00:1d:cd:c7:00:01, 00-1D-CD-C7-00-01, 001d.cdc7.0001 or 001dcdc70001';

/** The MAC as lower-case colon pairs, or null when `input` is in none of the known notations. */
export function normalizeMac(input: string): string | null {
  const text = input.trim();
  if (!NOTATIONS.some((n) => n.test(text))) {
    return null;
  }
  const hex = text.replace(/[:.-]/g, '').toLowerCase();
  return hex.match(/../g)!.join(':');
}
