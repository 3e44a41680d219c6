// JSON has no bigint: codeword counters travel as decimal strings under these keys only.
const BIGINT_KEYS = new Set(['unerrored', 'corrected', 'uncorrectable', 'total']);

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (key, v: unknown) =>
    BIGINT_KEYS.has(key) && typeof v === 'string' ? BigInt(v) : v,
  ) as T;
}
