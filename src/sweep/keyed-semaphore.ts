/** At most `limit` holders per key at once; the others wait in arrival order. */
export class KeyedSemaphore {
  private readonly held = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly limit: number) {}

  async acquire(key: string): Promise<() => void> {
    if ((this.held.get(key) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    } else {
      this.held.set(key, (this.held.get(key) ?? 0) + 1);
    }
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      const next = this.waiting.get(key)?.shift();
      if (next) {
        next(); // the slot passes straight to the next waiter
      } else {
        const n = (this.held.get(key) ?? 1) - 1;
        if (n === 0) {
          this.held.delete(key);
          this.waiting.delete(key);
        } else {
          this.held.set(key, n);
        }
      }
    };
  }

  inUse(key: string): number {
    return this.held.get(key) ?? 0;
  }
}
