import type { LockStore } from '../common/lock.store';

/**
 * Sweep polls per second, overall and per CMTS, held across every instance through the store: each poll
 * reserves its slot on both limits and waits for it, so many workers together never exceed either rate.
 */
export class PollPacer {
  private readonly globalMs: number;
  private readonly cmtsMs: number;

  constructor(
    private readonly store: LockStore,
    limits: { ratePerSec: number; cmtsRatePerSec: number },
  ) {
    this.globalMs = limits.ratePerSec > 0 ? 1000 / limits.ratePerSec : 0;
    this.cmtsMs = limits.cmtsRatePerSec > 0 ? 1000 / limits.cmtsRatePerSec : 0;
  }

  get enabled(): boolean {
    return this.globalMs > 0 || this.cmtsMs > 0;
  }

  /** Resolves when this poll may go out. */
  async pace(cmtsId: string | undefined): Promise<void> {
    const limits = [
      ...(this.globalMs > 0 ? [{ key: 'all', intervalMs: this.globalMs }] : []),
      ...(this.cmtsMs > 0 ? [{ key: `cmts:${cmtsId ?? '-'}`, intervalMs: this.cmtsMs }] : []),
    ];
    if (limits.length === 0) {
      return;
    }
    const waitMs = await this.store.reserveSlots(limits);
    if (waitMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
