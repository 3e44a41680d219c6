const CUSTOMER_NUMBER_NOISE = /[\s\p{Cf}\-\u2010-\u2015\u2212]+/gu;

/** " lc-000 123 " -> "LC000123"; NFKC first so full-width digits and dashes count as their ASCII forms. */
export function normalizeCustomerNumber(s: string): string {
  return s.normalize('NFKC').replace(CUSTOMER_NUMBER_NOISE, '').toUpperCase();
}
