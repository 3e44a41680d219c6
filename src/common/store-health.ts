/** Which store backs this instance, and whether it answers (for the health route). */
export abstract class StoreHealth {
  abstract readonly kind: 'redis' | 'memory';
  /** Resolves while the store answers; throws StoreUnavailableError when it does not. */
  abstract ping(): Promise<void>;
}
