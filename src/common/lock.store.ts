/**
 * Coordination across instances: poll locks, one-caller-per-interval slots and rate-limit slots. Several
 * features need it (checks, sweep, actions). The in-process twin serves a single instance.
 */
export abstract class LockStore {
  /**
   * Cross-instance guard for one poll of one modem: true when this caller may poll. The in-process store
   * always says true (the caller coalesces concurrent requests in memory first).
   */
  abstract tryLockPoll(modemId: string, ttlMs: number): Promise<boolean>;
  abstract unlockPoll(modemId: string): Promise<void>;
  /** True for exactly one caller per slot name (until ttl): one scheduled sweep per interval, across instances. */
  abstract claimSlot(slot: string, ttlSec: number): Promise<boolean>;
  /**
   * Rate limiting across instances: reserves the next free slot on every given limit at once (each allows one
   * event per `intervalMs`) and returns how long the caller must wait before its event. Clocks are the store's.
   */
  abstract reserveSlots(limits: readonly { key: string; intervalMs: number }[]): Promise<number>;
}
