import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

/**
 * The re-polls that confirm a fault a call-centre check saw once (issue 16: confirm before spending a slot). One per
 * modem at a time, in this process: another instance may schedule its own, which costs one extra poll, never a wrong
 * answer. Dropped on shutdown; the next check of the modem schedules again.
 */
@Injectable()
export class DispatchRechecks implements OnModuleDestroy {
  private readonly logger = new Logger(DispatchRechecks.name);
  private readonly pending = new Map<string, { at: number; timer: NodeJS.Timeout }>();

  /** When the modem's re-check runs (epoch ms), or null when none is scheduled. */
  pendingAt(modemId: string): number | null {
    return this.pending.get(modemId)?.at ?? null;
  }

  /** Schedules `run` after `afterMs` unless a re-check of the modem is pending; returns when it runs. */
  schedule(modemId: string, afterMs: number, run: () => Promise<unknown>): number {
    const existing = this.pending.get(modemId);
    if (existing) {
      return existing.at;
    }
    const at = Date.now() + afterMs;
    const timer = setTimeout(() => {
      this.pending.delete(modemId);
      run().catch((error: unknown) =>
        this.logger.warn(
          `re-check of ${modemId} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }, afterMs);
    timer.unref();
    this.pending.set(modemId, { at, timer });
    return at;
  }

  onModuleDestroy(): void {
    this.pending.forEach(({ timer }) => clearTimeout(timer));
    this.pending.clear();
  }
}
