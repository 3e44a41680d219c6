/** The store (Redis) did not answer: callers answer 503 and retry later; nothing is at fault but the store. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
