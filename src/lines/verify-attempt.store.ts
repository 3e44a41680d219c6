/** Failed caller verifications per customer number, counted in a window that starts at the first failure. */
export abstract class VerifyAttemptStore {
  /** Adds one to the count, which expires `ttlSec` after its first count; returns the new count. */
  abstract bumpAttempts(customerNumber: string, ttlSec: number): Promise<number>;
  abstract getAttempts(customerNumber: string): Promise<{ count: number; ttlSec: number }>;
  abstract clearAttempts(customerNumber: string): Promise<void>;
}
